import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { makeDocument } from "../../core/document.js";
import type { SourceDocument } from "../../core/types.js";
import { expandFeed, feedDate } from "./feed.js";
import { readHtml } from "./html.js";
import { UnreadableError } from "./index.js";

const FIXTURES = new URL("../../../test/fixtures/ingest/", import.meta.url);
const FETCHED = "2024-06-03T00:00:00.000Z";

function fixture(name: string): SourceDocument {
  return makeDocument(readFileSync(new URL(name, FIXTURES)), { source: `https://feeds.example/${name}`, fetchedAt: FETCHED });
}

function expand(name: string): { feed: SourceDocument; items: SourceDocument[] } {
  const feed = fixture(name);
  assert.equal(feed.mediaType, "application/xml");
  const items = expandFeed(feed);
  assert.ok(items, "not recognised as a feed");
  return { feed, items };
}

function html(doc: SourceDocument): string {
  return Buffer.from(doc.bytes).toString("utf8");
}

test("RSS 2.0: one HTML document per item, with provenance", async () => {
  const { feed, items } = expand("rss2.xml");
  assert.equal(items.length, 2);
  const [first, second] = items as [SourceDocument, SourceDocument];
  assert.equal(first.source, "https://example.jp/news/2024/0501.html");
  assert.equal(first.title, "不正アクセスに関するお知らせ & お詫び");
  assert.equal(first.published, "2024-05-01");
  assert.equal(first.parent, feed.sha256);
  assert.equal(first.fetchedAt, FETCHED);
  assert.equal(first.mediaType, "text/html");
  assert.ok(html(first).includes("<title>不正アクセスに関するお知らせ &amp; お詫び</title>"));
  const read = await readHtml(first);
  assert.equal(read.text, "不正アクセスに関するお知らせ & お詫び\n2024-05-01\n株式会社テスト商会 ニュース\n当社の通販サイトに第三者による不正アクセスがありました。\n対象は会員120名です。");
  // No link: the feed address and the guid name the item.
  assert.equal(second.source, "https://feeds.example/rss2.xml#news-0428");
  assert.equal(second.published, "2024-04-28");
  assert.ok((await readHtml(second)).text.endsWith("\n4月29日は臨時休業いたします。"));
});

test("an item's author names its site; without one, the feed's title does", async () => {
  const feed = makeDocument(Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>新着情報</title><link>https://example.jp/</link><description>d</description>
<item><title>USBメモリの紛失について</title><dc:creator>かざぐるま町役場 総務課</dc:creator><description>本町職員がUSBメモリを紛失しました。</description></item>
<item><title>休館日のお知らせ</title><description>休館します。</description></item>
</channel></rss>`), { source: "https://feeds.example/town.xml", fetchedAt: FETCHED });
  const [first, second] = expandFeed(feed) as [SourceDocument, SourceDocument];
  const a = await readHtml(first);
  assert.equal(a.site?.name, "かざぐるま町役場 総務課");
  assert.equal(a.text.slice(...a.site!.span), "かざぐるま町役場 総務課");
  assert.equal((await readHtml(second)).site?.name, "新着情報");
});

test("Atom 1.0: entries with html titles, content and summaries", async () => {
  const { items } = expand("atom.xml");
  assert.equal(items.length, 2);
  const [first, second] = items as [SourceDocument, SourceDocument];
  assert.equal(first.source, "https://example.ac.jp/news/12");
  assert.equal(first.title, "メール誤送信について <速報>");
  assert.equal(first.published, "2024-06-01");
  assert.ok((await readHtml(first)).text.includes("学生45名分のメールアドレスが他の受信者に表示される状態で送信されました。"));
  assert.equal(second.source, "https://feeds.example/atom.xml#tag:example.ac.jp,2024:news/11");
  assert.equal(second.published, "2024-05-20");
  assert.ok((await readHtml(second)).text.endsWith("7月に公開講座を開きます。"));
});

test("RSS 1.0 (RDF): items with dc:date", async () => {
  const { items } = expand("rss1.rdf");
  assert.deepEqual(items.map((d) => [d.source, d.title, d.published]), [
    ["https://example.org/info/77", "USBメモリの紛失について", "2024-03-15"],
    ["https://example.org/info/76", "窓口受付時間の変更", "2024-03-14"],
  ]);
  assert.ok((await readHtml(items[0]!)).text.includes("市民30名分の情報を含むUSBメモリを紛失しました。"));
});

test("a Shift_JIS feed is decoded before parsing", async () => {
  const { items } = expand("rss2-sjis.xml");
  assert.deepEqual(items.map((d) => [d.title, d.published]), [
    ["ランサムウェア被害に関するご報告", "2024-05-10"],
    ["店舗移転のご案内", "2024-05-01"],
  ]);
  const read = await readHtml(items[0]!);
  assert.equal(read.charset, "utf-8");
  assert.ok(read.text.includes("当金庫のサーバーがランサムウェアに感染しました。"));
});

test("broken feed XML is unreadable, with a one-line reason", () => {
  assert.throws(() => expandFeed(fixture("broken-feed.xml")), (err: Error) =>
    err instanceof UnreadableError && /^broken feed XML: /.test(err.message) && !err.message.includes("\n"));
  const mismatched = makeDocument(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel><item><title>x</item></channel></rss>'), { source: "m.xml" });
  assert.throws(() => expandFeed(mismatched), /broken feed XML: <\/item> where <\/title> was expected/);
});

test("XML that is not a feed gives null, a feed without items gives none", () => {
  const sitemap = makeDocument(Buffer.from('<?xml version="1.0"?><urlset><url><loc>https://example.jp/</loc></url></urlset>'), { source: "s.xml" });
  assert.equal(expandFeed(sitemap), null);
  const empty = makeDocument(Buffer.from('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>'), { source: "e.xml" });
  assert.deepEqual(expandFeed(empty), []);
});

test("feed dates keep the day the feed wrote", () => {
  assert.equal(feedDate("Wed, 01 May 2024 00:30:00 +0900"), "2024-05-01");
  assert.equal(feedDate("1 Jun 24 10:00 GMT"), "2024-06-01");
  assert.equal(feedDate("2024-04-30T23:59:00-05:00"), "2024-04-30");
  assert.equal(feedDate("May 2, 2024"), "2024-05-02");
  assert.equal(feedDate("2024年5月3日"), "2024-05-03");
  assert.equal(feedDate("Sat, 32 Foo 2024"), undefined);
  assert.equal(feedDate("そのうち"), undefined);
  assert.equal(feedDate(undefined), undefined);
});
