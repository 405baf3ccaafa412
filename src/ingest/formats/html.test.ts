import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import Encoding from "encoding-japanese";
import { makeDocument } from "../../core/document.js";
import { runPipeline } from "../../core/pipeline.js";
import { readHtml } from "./html.js";
import { UnreadableError } from "./index.js";

const FIXTURES = new URL("../../../test/fixtures/ingest/", import.meta.url);

function fixture(name: string) {
  return makeDocument(readFileSync(new URL(name, FIXTURES)), { source: name });
}

function page(html: string) {
  return makeDocument(Buffer.from(html, "utf8"), { source: "page.html" });
}

test("the main content is kept, navigation and page furniture are not", async () => {
  const out = await readHtml(fixture("notice.html"));
  const lines = out.text.split("\n");
  assert.equal(out.title, "不正アクセスによる個人情報漏えいのおそれに関するお詫び | 株式会社テスト商会");
  // The <title> says the post title and the site's name; the page says the post title again below it.
  assert.equal(lines[0], "株式会社テスト商会");
  assert.equal(lines[1], "不正アクセスによる個人情報漏えいのおそれに関するお詫び");
  assert.equal(out.text.split("不正アクセスによる個人情報漏えいのおそれに関するお詫び").length, 2);
  assert.equal(lines[2], "2024年5月1日");
  for (const kept of ["1. 経緯", "2. 対象となる情報", "お問い合わせ窓口", "氏名", "メールアドレス", "クレジットカード番号",
    "対象件数\t最大 1,234件", "テスト商会 お客様窓口", "電話：0120-000-000（平日10時～17時）"]) {
    assert.ok(lines.includes(kept), `missing line ${kept}`);
  }
  // A line break in the source between Japanese characters is not a space.
  assert.ok(lines.some((l) => l.includes("第三者による不正アクセスを受け、お客様の個人情報")));
  for (const dropped of ["ホーム", "商品一覧", "カテゴリー", "IR情報", "夏のセール", "Test Shokai", "暮らしの道具"]) {
    assert.ok(!out.text.includes(dropped), `kept furniture ${dropped}`);
  }
  assert.equal(out.charset, "utf-8");
});

test("a blog index keeps every post, in order, heading first", async () => {
  const out = await readHtml(fixture("blog-index.html"));
  const posts = out.text.split("\n\n");
  assert.equal(posts.length, 3);
  assert.deepEqual(posts.map((p) => p.split("\n").find((l) => !l.startsWith("テスト商会"))), [
    "倉庫の棚卸しを行いました",
    "当社サーバーへの不正アクセスについて",
    "新しい配送センターが稼働しました",
  ]);
  assert.deepEqual(posts[1]!.split("\n"), [
    "当社サーバーへの不正アクセスについて",
    "2024年5月10日",
    "5月8日、当社の受注管理サーバーに対する不正アクセスを確認しました。",
    "現在、外部の専門家と調査を進めております。",
  ]);
  assert.ok(out.text.startsWith("テスト商会 スタッフブログ\n倉庫の棚卸しを行いました\n"));
  assert.ok(!out.text.includes("人気の記事") && !out.text.includes("アーカイブ"));
});

test("repeated h2 headings with content keep every post, heading first", async () => {
  const html = `<html><head><title>新着情報</title></head><body><div id="news">
    <div class="item"><h2>お知らせ一</h2><div class="body">本文一です。<br>二行目です。</div></div>
    <div class="item"><h2>お知らせ二</h2><p>本文二です。</p></div>
    <div class="item"><h2>お知らせ三</h2><p>本文三です。</p></div>
  </div></body></html>`;
  const out = await readHtml(page(html));
  assert.equal(out.text, "新着情報\nお知らせ一\n本文一です。\n二行目です。\nお知らせ二\n本文二です。\nお知らせ三\n本文三です。");
});

test("scripts, styles, event handlers and hidden containers never reach the text", async () => {
  const out = await readHtml(fixture("hostile.html"));
  assert.equal(out.title, "システム障害のお知らせ");
  assert.equal(out.text, "システム障害のお知らせ\n本日、テスト商会の会員サイトで障害が発生しました。\n現在は復旧しております。詳細");
  for (const bad of ["INJECTED", "SCRIPT", "STYLE", "HANDLER", "alert", "steal", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "FORM", "JS_URL", "検索"]) {
    assert.ok(!out.text.includes(bad), `leaked ${bad}`);
  }
});

test("Shift_JIS HTML with an http-equiv charset decodes", async () => {
  const out = await readHtml(fixture("notice-sjis.html"));
  assert.equal(out.charset, "shift_jis");
  assert.equal(out.title, "テスト会館 お知らせ");
  assert.ok(out.text.includes("ウェブサイト改ざんに関するお知らせ\n平成三十一年四月一日、当館のウェブサイトが第三者により改ざんされていたことが判明しました。"));
  assert.ok(out.text.includes("～ご迷惑をおかけしました～"));
});

test("Shift_JIS HTML with <meta charset=Shift_JIS> decodes", async () => {
  const html = "<html><head><meta charset=Shift_JIS><title>お詫び</title></head><body><p>顧客情報の流出について</p></body></html>";
  const bytes = Uint8Array.from(Encoding.convert(Encoding.stringToCode(html), { to: "SJIS", from: "UNICODE" }));
  const out = await readHtml(makeDocument(bytes, { source: "sjis.html" }));
  assert.equal(out.charset, "shift_jis");
  assert.equal(out.text, "お詫び\n顧客情報の流出について");
});

test("entities are decoded and whitespace collapsed inside lines", async () => {
  const out = await readHtml(page("<html><body><p>A&amp;B&nbsp;&nbsp; &lt;C&gt;\n   D &#x4E0D;&#27491;</p><ol><li>一</li><li>二</li></ol></body></html>"));
  assert.equal(out.text, "A&B <C> D 不正\n一\n二");
});

test("hidden elements and ruby readings are not text", async () => {
  const out = await readHtml(page(`<html><body><p>漏えい<span style="display: none">HIDDEN_STYLE</span>のおそれ</p>
    <p hidden>HIDDEN_ATTR</p><p><ruby>個人情報<rp>(</rp><rt>こじんじょうほう</rt><rp>)</rp></ruby>の流出</p></body></html>`));
  assert.equal(out.text, "漏えいのおそれ\n個人情報の流出");
});

test("og:title stands in for a missing <title>", async () => {
  const out = await readHtml(page(`<html><head><meta property="og:title" content="OGの題"></head><body><p>本文です。</p></body></html>`));
  assert.equal(out.title, "OGの題");
});

test("a page of scripts and no text is unreadable", async () => {
  await assert.rejects(readHtml(fixture("all-script.html")), (err: Error) =>
    err instanceof UnreadableError && err.message === "no readable text in the HTML page");
});

test("the site's name from og:site_name joins the lead after the title, with its span", async () => {
  const html = `<html><head><title>メール誤送信のお詫び</title><meta property="og:site_name" content="あけぼの歯科クリニック"></head>
    <body><article><h1>メール誤送信のお詫び</h1><p>当院の職員が患者様宛てのメールを誤って送信しました。</p></article></body></html>`;
  const out = await readHtml(page(html));
  assert.equal(out.text.split("\n")[0], "あけぼの歯科クリニック");
  assert.equal(out.text.split("\n")[1], "メール誤送信のお詫び");
  assert.deepEqual(out.site?.name, "あけぼの歯科クリニック");
  assert.equal(out.text.slice(...out.site!.span), "あけぼの歯科クリニック");
});

test("a site name the title already carries is not repeated; its span points into the title", async () => {
  const html = `<html><head><title>お知らせ | 株式会社ゆうなぎ</title><meta property="og:site_name" content="株式会社ゆうなぎ"></head>
    <body><p>当社サーバーへの不正アクセスについてお知らせします。</p></body></html>`;
  const out = await readHtml(page(html));
  assert.equal(out.text.split("\n").filter((l) => l.includes("株式会社ゆうなぎ")).length, 1);
  assert.deepEqual(out.site?.span, [7, 15]);
});

test("without og:site_name, a meta author names the site", async () => {
  const html = `<html><head><title>お知らせ</title><meta name="author" content="こなゆき市"></head><body><p>本市のホームページの障害についてお知らせします。</p></body></html>`;
  const out = await readHtml(page(html));
  assert.equal(out.site?.name, "こなゆき市");
});

test("a <title> that repeats the post's heading with the site's name leads with the site's name only: the heading is said once", async () => {
  const heading = "【セキュリティ事件簿#2031-001】株式会社はまなす商事 不正アクセスによる個人情報漏えいのお知らせ";
  const html = `<html><head><title>${heading} | はまなす商事</title></head><body><header><nav><a href="/">ホーム</a></nav></header>
    <article><h1>${heading}</h1><p>2031年1月5日</p><p>当社ECサイトが第三者による不正アクセスを受け、お客様1,200名の氏名とメールアドレスが流出した可能性があります。</p></article></body></html>`;
  const out = await readHtml(page(html));
  assert.deepEqual(out.text.split("\n").slice(0, 2), ["はまなす商事", heading]);
  assert.equal(out.text.split(heading).length, 2);
  const [cf] = await runPipeline(page(html));
  const incidents = cf!.notices.filter((n) => n.isIncident);
  assert.deepEqual(incidents.map((n) => [n.title, n.incident?.fields.organization]), [[heading, "株式会社はまなす商事"]]);
  // A <title> that says no more than the heading adds no line; one that the page does not repeat leads as it is.
  const bare = await readHtml(page(html.replace(` | はまなす商事</title>`, "</title>")));
  assert.equal(bare.text.split("\n")[0], heading);
  const other = await readHtml(page(html.replace(`${heading} | はまなす商事</title>`, "ニュース | はまなす商事</title>")));
  assert.equal(other.text.split("\n")[0], "ニュース | はまなす商事");
});
