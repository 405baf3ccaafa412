import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { makeDocument } from "../core/document.js";
import type { Casefile } from "../core/types.js";
import { classify, titleScore } from "./classify.js";
import { segment } from "./index.js";
import { subjectOf } from "./subjects.js";

function casefile(name: string): Casefile {
  const bytes = readFileSync(new URL(`../../test/fixtures/segment/${name}`, import.meta.url));
  const doc = makeDocument(bytes, { source: name });
  return { doc, charset: "utf-8", text: bytes.toString("utf8"), messages: [], notices: [] };
}

test("a blog index splits into posts; travel posts are not incidents; heading dates are kept", () => {
  const cf = casefile("blog-index.txt");
  const ns = segment(cf);
  assert.deepEqual(ns.map((n) => [n.title.split(" ")[0], n.isIncident]), [
    ["旅とセキュリティの雑記帳", false],
    ["【セキュリティ事件簿#2025-101】株式会社テスト商会", true],
    ["【宿泊記】港町ホテル", false],
    ["【セキュリティ事件簿#2025-100】みなと市", true],
  ]);
  assert.equal(ns[1]!.listingDate, "2025-04-02");
  assert.equal(ns[2]!.kind, "unrelated");
  for (const n of ns) assert.equal(cf.text.slice(...n.titleSpan), n.title);
});

test("a page that writes its headings' digits and marks in full width is read as one in ASCII; titles are quoted as written", () => {
  const ascii = casefile("casebook-dated-bodies.txt");
  const text = ascii.text.replace(/[0-9#-]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const wide = segment({ ...ascii, text, messages: [] });
  assert.deepEqual(wide.map((n) => [n.span, n.isIncident, n.listingDate]), segment(ascii).map((n) => [n.span, n.isIncident, n.listingDate]));
  assert.ok(wide[0]!.title.startsWith("【セキュリティ事件簿＃２０２５－２１０】"));
  for (const n of wide) assert.equal(text.slice(...n.titleSpan), n.title);
});

test("a news listing becomes one notice per entry, dated by month header and day line", () => {
  const cf = casefile("news-listing.txt");
  const ns = segment(cf).filter((n) => n.listingDate);
  assert.deepEqual(ns.map((n) => [n.listingDate, n.isIncident, n.kind, n.category]), [
    ["2025-04-10", true, "news_entry", "不正アクセス"],
    ["2025-04-09", false, "advisory", "セキュリティ対策"],
    ["2025-04-08", true, "news_entry", "内部不正/ミス"],
  ]);
  // The pagination and footer belong to no entry.
  assert.ok(!cf.text.slice(...ns[2]!.span).includes("Copyright"));
});

test("an unmarked post that follows an incident notice is cut off when the topic changes", () => {
  const cf = casefile("topic-shift.txt");
  const ns = segment(cf);
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 12), n.isIncident]), [
    ["【セキュリティ事件簿#2", true],
    ["初心者向けクラウド活用術", false],
  ]);
  assert.ok(!cf.text.slice(...ns[0]!.span).includes("クラウド"));
});

test("a single notice is one post titled by its heading line, not its date line", () => {
  const text = "2025年5月1日\n株式会社テスト商会\n\n不正アクセスによる個人情報漏えいに関するお詫び\n\n当社サーバーに不正アクセスがあったことを確認しました。\n";
  const doc = makeDocument(Buffer.from(text), { source: "single.txt" });
  const ns = segment({ doc, charset: "utf-8", text, messages: [], notices: [] });
  assert.equal(ns.length, 1);
  assert.equal(ns[0]!.title, "不正アクセスによる個人情報漏えいに関するお詫び");
  assert.equal(ns[0]!.isIncident, true);
  assert.deepEqual(ns[0]!.span, [0, text.trimEnd().length]);
});

/** Assert the layout a page is read with, and each notice as [start of its title, is it an incident]. */
/** The dates a fixture page's layout gives its posts, below the page's header. */
function listingDates(name: string): (string | null)[] {
  return segment(casefile(name)).slice(1).map((n) => n.listingDate);
}

function expectPosts(name: string, layout: string, posts: [string, boolean][]): void {
  const cf = casefile(name);
  const ns = segment(cf);
  for (const n of ns) assert.equal(cf.text.slice(...n.titleSpan), n.title, `${name}: title span`);
  assert.equal(/^layout (\S+)/.exec(cf.messages.find((m) => m.code === "layout")?.text ?? "")?.[1], layout, `${name}: layout`);
  assert.deepEqual(ns.map((n, k) => [posts[k]?.[0] && n.title.startsWith(posts[k][0]) ? posts[k][0] : n.title, n.isIncident]), posts, name);
}

test("a casebook page whose bodies open with dates is read by its casebook headings, not as dated lines", () => {
  expectPosts("casebook-dated-bodies.txt", "blog-index", [["【セキュリティ事件簿#2025-210】", true], ["【セキュリティ事件簿#2025-209】", true], ["【セキュリティ事件簿#2025-208】", true]]);
});

test("a listing whose entries quote 【…】 titles is read by its day lines, not as labelled posts", () => {
  expectPosts("listing-quoted-titles.txt", "day-listing", [["みなと情報", false], ["不正アクセス 【お詫び】", true], ["内部不正/ミス 【重要】", true], ["セキュリティ対策 【注意喚起】", false]]);
});

test("lines that start with a date list entries; only the incidents among them are incidents", () => {
  expectPosts("dated-lines.txt", "dated-lines", [["2025/07/03 会員情報", true], ["2025/06/20 夏季休業", false], ["2025/06/02 不正ログイ", true], ["2025/05/15 新サービス", false]]);
});

test("a news page of headlines with excerpts splits at every headline, incident or not, dated by the date line above", () => {
  const cf = casefile("headlines.txt");
  const ns = segment(cf);
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 6), n.isIncident, n.listingDate]), [
    ["今週のセキュ", false, null],
    ["みずなら総合", true, "2025-07-11"],
    ["古いルーター", false, "2025-07-10"],
    ["ひばり市でメ", true, "2025-07-10"],
    ["かえで製菓の", true, "2025-07-09"],
  ]);
});

test("news items run together in one line are split at each headline and lead", () => {
  expectPosts("news-leads-inline.txt", "run-on-items", [["1 - 2 - 3 - ", false], ["旅行会社に不正アクセス", true], ["病院でランサムウェア被", true]]);
});

test("paragraphs that each name a new organisation as their subject are items; 同社/同市 paragraphs stay with theirs", () => {
  expectPosts("news-leads.txt", "subject-paragraphs", [["もみじ県あおい市", true], ["国立大学法人しら", true], ["ことり保険株式会", true]]);
  expectPosts("subject-paragraphs.txt", "subject-paragraphs", [["今月の情報漏えい", false], ["やまぶき市では、", true], ["かもめ精密工業株", true]]);
});

test("quoted reports are items; a numbered list of cases gives one incident per case under the notice's header", () => {
  expectPosts("quoted-items.txt", "quoted-items", [["『すずらん市", true], ["『私立ひまわり", true], ["『ゆりかもめ信", true]]);
  expectPosts("numbered-cases.txt", "numbered-cases", [["個人情報", false], ["(1) ", true], ["(2) ", true]]);
});

test("one organisation's notice stays whole even when it names another organisation's incident; an untitled notice is read by its lead", () => {
  expectPosts("single-with-vendor.txt", "single", [["不正アクセスによる", true]]);
  expectPosts("single-untitled.txt", "single", [["このたび、当セン", true]]);
});

test("a report of a seminar about ransomware is not an incident, although a subheading says 被害", () => {
  expectPosts("seminar-report.txt", "single", [["架空データ社", false]]);
});

test("numbered headings right under a line that announces cases (インシデント事例) are one incident each", () => {
  expectPosts("announced-cases.txt", "numbered-cases", [["セキュリティ月報", false], ["①食品メーカー", true], ["②私立高校", true], ["③地方銀行", true]]);
});

test("a warning about a threat spreading everywhere, naming no one it happened to, is not an incident; a wrapped first line is no title", () => {
  expectPosts("widespread-warning.txt", "single", [["現在、宅配業者を装った偽のSMSによるスマートフォンの乗っ取り被害が、", false]]);
});

test("annotated example lines (【誤】From: …, 【正】From: …) are part of the notice, not posts of their own", () => {
  expectPosts("annotated-example.txt", "single", [["弊社の社名と社員名を騙った", true]]);
});

test("a list of numbered headlines, one incident a line, is a listing: each line an incident, titled without its number", () => {
  const cf = casefile("headline-list.txt");
  const ns = segment(cf).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 6), n.listingDate]), [
    ["あおい市 小", "2025-05-20"], ["しらかば県 ", "2025-05-12"], ["ことり町 職", "2025-05-02"], ["株式会社かえ", "2025-05-28"], ["すずらん大学", "2025-05-09"],
  ]);
});

test("a notice titled as the publication of an incident (…事案の公表について) is an incident; a news item on a training session is not", () => {
  const [disclosure] = segment(casefile("disclosure-titled-publication.txt"));
  assert.equal(disclosure!.isIncident, true, disclosure!.reason);
  const training = segment(casefile("training-session-news.txt"));
  assert.deepEqual(training.map((n) => n.isIncident), [false]);
});

test("a roundup that names several organisations hit gives each its own notice, named where the text names it", () => {
  const cf = casefile("roundup-ja.txt");
  const ns = segment(cf);
  assert.deepEqual(ns.map((n) => [n.victim?.name ?? null, n.isIncident]), [
    [null, false], ["南町電機", true], ["青葉市", true], ["緑川町", true], ["東都技術大学", true],
  ]);
  for (const n of ns.filter((x) => x.victim)) assert.equal(cf.text.slice(...n.victim!.span), n.victim!.name);
  // Each victim's part runs from where it is named to where the next is, or, inside an enumeration, to the
  // enumeration's end, whose predicate it shares; each title lies in its part.
  for (let k = 1; k < ns.length; k++) assert.ok(ns[k - 1]!.span[0] < ns[k]!.span[0]);
  assert.deepEqual(ns.slice(2).map((n) => cf.text.slice(...n.span).replace(/^このほか、/, "").slice(0, 4)), ["青葉市と", "緑川町、", "東都技術"]);
  assert.ok(ns.slice(2).every((n) => cf.text.slice(...n.span).includes("被害が報告された。")));
  for (const n of ns) {
    assert.equal(cf.text.slice(...n.titleSpan), n.title);
    assert.ok(n.span[0] <= n.titleSpan[0] && n.titleSpan[1] <= n.span[1], n.title);
  }
  assert.match(ns[1]!.reason, /roundup: 流出/);
});

test("an English roundup: each company or university that said it was hit, the survey's lead apart", () => {
  const ns = segment(casefile("roundup-en.txt"));
  assert.deepEqual(ns.map((n) => [n.victim?.name ?? null, n.isIncident]), [
    [null, false], ["Harbor Foods Co.", true], ["Kitemaru Inc.", true], ["Eastbay University", true],
  ]);
});

test("no roundup: a notice that speaks of itself naming its vendor, and a partner joined to the announcer's own name", () => {
  const own = segment(casefile("roundup-not.txt"));
  assert.equal(own.filter((n) => n.isIncident).length, 1);
  assert.equal(own[0]!.victim, undefined);
  const shared = segment(casefile("roundup-shared.txt"));
  assert.equal(shared.filter((n) => n.isIncident).length, 1);
});

test("an article under a headline that ends on another organisation hit alike splits in two; the headline stays with the first", () => {
  const ns = segment(casefile("roundup-late.txt"));
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 20), n.victim?.name ?? null]), [
    ["Ransomware hits regi", null], ["On Tuesday, the West", "Westfield Water Agency"],
  ]);
});

test("a page copied whole is read without its frame: breadcrumbs, menu and section words and the copyright line never title or join a post", () => {
  const items = [
    "みなと市は7月19日、市内小学校のメールアカウントが不正利用され、迷惑メールが約2,000件送信されたと発表した。",
    "こなゆき大学は7月1日、教員1名のメールパスワードが窃取され、当該アカウントから不審なメールが送信されたと発表した。",
    "あけぼの工業大学は7月1日、学生1名のメールアカウントに不正アクセスがあり、フィッシングメールが送信されたと発表した。",
  ];
  const text = ["メニュー", "ホーム > お知らせ > 2031年", "お知らせ一覧", "", items.join("\n\n"), "", "ページの先頭へ", "Copyright © Minato Security News. All Rights Reserved.", ""].join("\n");
  const doc = makeDocument(Buffer.from(text), { source: "copied.txt" });
  const all = segment({ doc, charset: "utf-8", text, messages: [], notices: [] });
  assert.deepEqual(all.filter((n) => n.isIncident).map((n) => n.title), items);
  for (const n of all) assert.ok(!/メニュー|ホーム|一覧|Copyright|ページの先頭/.test(n.title), n.title);
  for (const n of all.filter((n) => n.isIncident)) assert.ok(!/ホーム|一覧|Copyright|ページの先頭/.test(text.slice(...n.span)), n.title);
});

test("a news headline that ends in に above a blank line is the title; its article's loss wording (所在が分からなくなった) is incident wording", () => {
  const [n, ...rest] = segment(casefile("news-headline-ending-ni.txt"));
  assert.equal(rest.length, 0);
  assert.equal(n!.title, "ことり印刷の顧客名簿が所在不明に");
  assert.equal(n!.isIncident, true);
});

test("a digest's paragraph that quotes another organisation's announcement of an incident (Xによる「…不正アクセス…」) is a notice of its own", () => {
  const ns = segment(casefile("digest-announcement-by.txt")).filter((n) => n.isIncident);
  assert.equal(ns.length, 2);
  assert.equal(ns[1]!.victim?.name, "かもめ精機株式会社");
  assert.ok(ns[1]!.title.startsWith("9 月に最も件数の多い被害"));
  assert.ok(ns[0]!.span[1] <= ns[1]!.span[0]);
});

test("posts without a headline are judged by their lead: past date lines, headings and salutations, a how-to word said in passing", () => {
  const verdicts = (name: string) => segment(casefile(name)).map((n) => [n.isIncident, n.title.slice(0, 12)]);
  // 「…サポート詐欺の手口により遠隔操作される事態が発生しました」: 手口 is how it happened, not a how-to.
  assert.deepEqual(verdicts("untitled-lead-with-how.txt"), [[true, "9月3日、当院職員が自宅"]]);
  // A letter's salutation and greeting are passed over, and its numbered points are not its title.
  assert.deepEqual(verdicts("salutation-and-points.txt"), [[true, "2024年10月2日に当"]]);
  // An update date and a numbered heading above the lead.
  assert.deepEqual(segment(casefile("untitled-dated-heading.txt")).map((n) => n.isIncident), [true]);
});

test("an organisation saying its staff are impersonated reports an incident; an incident word that is prevented (不正利用防止) reports none", () => {
  assert.deepEqual(segment(casefile("staff-impersonated.txt")).map((n) => n.isIncident), [true]);
  assert.deepEqual(segment(casefile("prevention-announcement.txt")).map((n) => n.isIncident), [false]);
});

test("a news article without its headline that says a site could no longer be viewed (閲覧できなくなっている) is an incident, whatever travel words it holds", () => {
  assert.deepEqual(segment(casefile("untitled-outage-news.txt")).map((n) => n.isIncident), [true]);
});

test("an inn's notice of suspicious messages sent through a booking site is an incident, its travel words notwithstanding (当館 counts as notice wording)", () => {
  assert.deepEqual(segment(casefile("hotel-suspicious-messages.txt")).map((n) => n.isIncident), [true]);
});

test("a news index whose dates stand on lines of their own above the titles is a listing: each entry dated by the line above it", () => {
  expectPosts("release-index-date-above.txt", "dated-lines", [["秋の新作", false], ["当社通販サイト", true], ["2025年12月期", false], ["東北営業所", false]]);
  const incident = segment(casefile("release-index-date-above.txt")).find((n) => n.isIncident)!;
  assert.equal(incident.listingDate, "2025-09-16");
});

test("a post without its headline that opens with a letterhead (a date line, the organisation's name) is judged by the lead below it", () => {
  const verdicts = (name: string) => segment(casefile(name)).map((n) => [n.isIncident, n.title.slice(0, 8)]);
  assert.deepEqual(verdicts("untitled-letterhead.txt"), [[true, "当財団が主催する"]]);
  // A date in full-width digits with its weekday; 使用できない状態 tells an outage.
  assert.deepEqual(verdicts("untitled-letterhead-weekday.txt"), [[true, "令和６年１２月１"]]);
  // 公開範囲 (who may see a file) is a setting, not a publication.
  assert.deepEqual(verdicts("untitled-scope-setting.txt"), [[true, "弊社が提供する予"]]);
});

test("a bilingual notice's English telling, with the same figures, repeats its incident rather than adding one", () => {
  assert.deepEqual(segment(casefile("bilingual-notice.txt")).map((n) => n.isIncident), [true, false]);
});

test("a digest's bullets are one item each, a misdelivery told as 誤った宛先に送付 among them; the remark under the list belongs to no item", () => {
  const cf = casefile("digest-bullets-remark.txt");
  const items = segment(cf).filter((n) => n.isIncident);
  assert.deepEqual(items.map((n) => n.title.slice(0, 6)), ["11月17日", "11月18日", "11月20日"]);
  assert.ok(!cf.text.slice(...items[2]!.span).includes("今週は"));
});

test("an organisation's report of its investigation into an incident it announced on an earlier date is an incident follow-up; a study of many incidents is not", () => {
  assert.deepEqual(segment(casefile("follow-up-investigation.txt")).map((n) => [n.isIncident, n.kind]), [[true, "incident_notice"]]);
  // The earlier announcement may be named by its title: 「12月10日付「…」にてお知らせいたしました」.
  assert.deepEqual(segment(casefile("follow-up-by-title.txt")).map((n) => [n.isIncident, n.kind]), [[true, "incident_notice"]]);
  // …or without its date: 「先般お知らせいたしました」.
  assert.deepEqual(segment(casefile("follow-up-undated.txt")).map((n) => [n.isIncident, n.kind]), [[true, "incident_notice"]]);
  assert.deepEqual(segment(casefile("survey-results.txt")).map((n) => [n.isIncident, n.kind]), [[false, "advisory"]]);
  // Statistics of incidents in general (a half-year's counts) report no incident of anyone's.
  assert.deepEqual(segment(casefile("incident-statistics.txt")).map((n) => [n.isIncident, n.kind]), [[false, "advisory"]]);
});

test("a table whose rows open with a bar dates each row by its first cell", () => {
  const rows = segment(casefile("table-leading-bars.txt")).filter((n) => n.isIncident);
  assert.deepEqual(rows.map((n) => n.listingDate), ["2025-09-03", "2025-09-17"]);
});

test("a notice whose letterhead date stands above the organisation's name, over a list of related news, is one notice, not a listing", () => {
  const ns = segment(casefile("notice-with-related-list.txt"));
  assert.deepEqual(ns.map((n) => [n.isIncident, n.title]), [[true, "会員アカウントへの不正ログインについて"]]);
});

test("a digest's last bullet ends where the next numbered section begins, with no blank line between (as a web page's text comes)", () => {
  const cf = casefile("digest-bullets-then-section.txt");
  const items = segment(cf).filter((n) => n.isIncident);
  assert.equal(items.length, 3);
  assert.ok(!cf.text.slice(...items[2]!.span).includes("事案一覧"));
});

test("a title about a loyalty scheme's points reports its incident: ポイント counts against a title only as key points (3つのポイント)", () => {
  assert.deepEqual(segment(casefile("loyalty-points-title.txt")).map((n) => [n.isIncident, n.kind]), [[true, "incident_notice"]]);
  assert.equal(titleScore("パスワード管理の3つのポイント").family, "topic");
});

test("titles that name an incident's aftermath are not promotions: a press release's label, a helpline opened, results put off", () => {
  for (const t of ["【プレスリリース】当社サーバーへの不正アクセスについて", "個人情報流出に関する専用窓口開設のお知らせ", "ランサムウェア被害に伴う決算発表の延期について", "システム障害に伴う営業についてのお知らせ"]) {
    assert.ok(titleScore(t).score >= 2, t);
  }
  for (const t of ["新製品リリースのお知らせ", "2026年3月期決算発表のお知らせ", "オンライン相談窓口を開設しました", "年末年始の営業について"]) {
    assert.equal(titleScore(t).family, "promotion", t);
  }
});

test("a weekly digest's day lines with month and weekday divide its items, dated in the header's year", () => {
  const items = segment(casefile("weekly-day-lines.txt"));
  assert.deepEqual(items.map((n) => [n.isIncident, n.listingDate ?? null]), [[false, null], [true, "2026-03-02"], [true, "2026-03-04"], [false, "2026-03-06"]]);
});

test("a notice's subject line (件名:…) titles it, and an era's date in kanji numerals is a date line, not a title", () => {
  const notices = segment(casefile("subject-line-title.txt")).filter((n) => n.isIncident);
  assert.deepEqual(notices.map((n) => n.title), ["保護者あての配布物への成績表の誤配付について"]);
});

test("a policy page (個人情報保護方針) says what would be done if an incident happened: it reports none; breaking a rule (規程に違反) still does", () => {
  assert.deepEqual(segment(casefile("security-policy.txt")).map((n) => n.isIncident), [false]);
  assert.ok(titleScore("社内規程に違反した個人情報の持ち出しについて").score >= 2);
});

test("a notice's timeline of dated lines and its table of what leaked are parts of it, not a listing or a table of incidents", () => {
  const notices = segment(casefile("notice-with-timeline.txt"));
  assert.deepEqual(notices.map((n) => [n.isIncident, n.title]), [[true, "会員サイトへの不正アクセスに関するお知らせ"]]);
  // The organisation may name itself instead of saying 当社, in the humble voice only it uses of itself.
  assert.deepEqual(segment(casefile("notice-with-timeline-third-person.txt")).map((n) => [n.isIncident, n.title]), [[true, "ランサムウェア被害の発生について"]]);
});

test("an English roundup in wire style: a company without the point (Corp), a hijacked account and a city's mistakenly sent letters are each an incident", () => {
  const ns = segment(casefile("roundup-en-wire.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.title.split(" said")[0]), ["Tsubame Denki Corp", "Kasumi College", "Hibari City"]);
});

test("a vulnerability exploited (脆弱性を悪用した不正アクセス) is an attack in a title, not a how-to topic", () => {
  assert.deepEqual(segment(casefile("vulnerability-exploited-title.txt")).map((n) => n.isIncident), [true]);
});

test("an event's or an offer's people (セミナー参加者, キャンペーン応募者) and a referral letter (紹介状) are no promotion or how-to in an incident title", () => {
  for (const t of ["セミナー参加者へのメール誤送信について", "キャンペーン応募者の個人情報漏えいについて", "講演会申込者の個人情報の流出について", "診療情報提供書(紹介状)の誤送付について"]) {
    assert.ok(titleScore(t).score >= 2, t);
  }
  assert.equal(titleScore("情報セキュリティセミナー開催のお知らせ").family, "promotion");
});

test("titles of data handled wrongly are incident titles: 不適切な取扱い, 目的外利用, 設定不備, 個人情報の混入", () => {
  for (const t of ["個人情報の不適切な取扱いについて", "顧客情報の目的外利用について", "クラウドサービスの設定不備による情報の外部参照について", "研修資料への個人情報の混入について"]) {
    assert.ok(titleScore(t).score >= 2, t);
  }
  assert.equal(titleScore("個人情報の不適切な取扱いの防止について").score < 2, true);
});

test("a law or an insurance against an incident (不正アクセス禁止法, 漏えい保険) and found property (紛失物) are no incident in a title; the law broken is", () => {
  for (const t of ["個人情報漏えい保険の取扱い開始について", "不正アクセス禁止法の改正について", "駅構内の紛失物のお知らせ"]) assert.ok(titleScore(t).score < 2, t);
  assert.ok(titleScore("職員の不正アクセス禁止法違反容疑での逮捕について").score >= 2);
});

test("a public body's notice that counts its errors (誤りが2件判明) and numbers them gives one incident per error", () => {
  expectPosts("errors-found-two.txt", "numbered-cases", [["個人情報を含む書類の取扱い", false], ["(1)税務課における納税通知書の誤送付", true], ["(2)健康推進課における健診結果の誤交付", true]]);
});

test("a notice's update history and its links to related notices, each a block of dated lines, are beside the notice: it stays one post", () => {
  expectPosts("side-blocks.txt", "single", [["当社ウェブサイトへの不正アクセスについて(第3報)", true]]);
});

test("titles that tell an incident in other words are incidents; a service's advertisement is a promotion", () => {
  for (const t of ["職員による住民情報の不適切な閲覧について", "当社メールサーバーが踏み台にされた件について", "保護者宛てメールの宛先誤りについて", "当社アプリにおける他の会員情報の表示について",
    "ガス使用量のお知らせの誤投函について", "情報セキュリティインシデントの発生について", "ファイルサーバーへの侵入について", "会員様のポイント不正交換について"]) {
    assert.ok(titleScore(t).score >= 1, t);
  }
  for (const t of ["不正侵入検知サービスのご案内", "セキュリティインシデント対応訓練を実施しました", "メール宛先誤り防止機能の追加について"]) {
    assert.ok(titleScore(t).score <= 0, t);
  }
});

test("a numbered report on an incident's investigation (…調査結果のご報告(第2報)) is one incident, with its table of what leaked inside it", () => {
  expectPosts("numbered-report-with-table.txt", "single", [["不正アクセス被害に関する調査結果のご報告(第2報)", true]]);
});

test("an untitled notice whose lead tells a mis-sent mail is an incident though the mail announced a seminar; an untitled seminar report is not", () => {
  assert.deepEqual(segment(casefile("untitled-seminar-mail.txt")).map((n) => n.isIncident), [true]);
  assert.deepEqual(segment(casefile("seminar-report.txt")).map((n) => n.isIncident), [false]);
});

test("what to do when an incident happens is a how-to, not an incident: 漏えいしたときの対応手順, 漏えい時の報告義務, カードを紛失したとき", () => {
  for (const t of ["個人情報が漏えいしたときの対応手順", "改正法で変わる漏えい時の報告義務", "ランサムウェアに感染した場合の対処法"]) {
    assert.equal(titleScore(t).family, "topic", t);
  }
  // A customer's or a citizen's help page: the event is a condition (…を紛失したとき, 紛失・盗難について, 紛失されたお客様へ).
  for (const t of ["マイナンバーカードを紛失したとき", "キャッシュカードの紛失・盗難について", "通帳を紛失されたお客様へ", "不正アクセス防止のためのお願い"]) {
    assert.ok(titleScore(t).score <= 0, t);
  }
  assert.ok(titleScore("個人情報の漏えいに関するお詫び").score >= 2);
});

test("an organisation's own report on its incident (…被害に関する調査報告書) is an incident; a security report of a year's work is not", () => {
  assert.deepEqual(segment(casefile("own-investigation-report.txt")).map((n) => n.isIncident), [true]);
  assert.deepEqual(segment(casefile("security-policy.txt")).map((n) => n.isIncident), [false]);
});

test("a collection of anonymised cases (事例1 建設業A社, 事例2 …) gives one incident per case", () => {
  expectPosts("case-collection.txt", "numbered-cases", [["情報漏えいの相談事例から", false], ["事例1 建設業A社", true], ["事例2 飲食業B社", true]]);
});

test("a listing whose date lines name the entry's kind (2027.02.18 ニュース) titles each entry by the line below, a headline opening on a legal form included", () => {
  expectPosts("dated-kind-lines.txt", "dated-lines", [["株式会社ゆうなぎ通信", true], ["テレワーク時代", false], ["くるみ町", true], ["情報セキュリティセミナー", false]]);
});

test("a digest that numbers its headlines (1. X、…被害…(1月8日公表)) splits at each, the number left out of the title", () => {
  expectPosts("numbered-headlines.txt", "headlines", [["2027年1月の主な", false], ["あかつき製薬", true], ["株式会社よつば住宅", true], ["みずかき町", true]]);
});

test("an English headline of card skimming is incident wording", () => {
  expectPosts("roundup-en-skimming.txt", "headlines", [["Breach Notes", false], ["Hotaru Books hit by card skimming", true], ["Sazanami Bank mails", true]]);
});

test("a digest of one-line dated bullets gives one incident per incident bullet, short ones included", () => {
  const cf = casefile("dated-bullets.txt");
  const ns = segment(cf).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.title.slice(0, 8)), ["2/15 株式会", "2/16 みなみ", "2/18 株式会"]);
});

test("an index of releases dated at the end of each line (…について 2027年2月20日) lists one entry per line", () => {
  expectPosts("dated-at-end.txt", "dated-lines", [["報道発表資料一覧", false], ["市立ひかり小学校", true], ["令和9年度", false], ["委託事業者による", true], ["冬のスポーツ大会", false]]);
});

test("a digest whose items are headed by the organisation's name alone (■ X市, ### 1) 株式会社X) gives one incident per name, named by it", () => {
  for (const [file, names] of [["named-items-fields.txt", ["株式会社あさつゆ物産", "ふたばの市", "学校法人うみべ学園 うみべ高等学校"]], ["named-items-markdown.txt", ["株式会社ときわ観光", "みずのえ村"]]] as const) {
    const cf = casefile(file);
    const ns = segment(cf).filter((n) => n.isIncident);
    assert.deepEqual(ns.map((n) => cf.text.slice(n.span[0], n.titleSpan[0]).includes(names[ns.indexOf(n)]!)), names.map(() => true), file);
    assert.equal(ns.length, names.length, file);
  }
});

test("a notice that counts its errors and tables them by number gives one incident per row", () => {
  expectPosts("counted-errors-table.txt", "numbered-cases", [["事務処理の誤りについて", false], ["1 | 2月20日", true], ["2 | 2月24日", true]]);
});

test("a list of headlines numbered with circled digits (①…) is a listing, one incident a line", () => {
  expectPosts("circled-headlines.txt", "headline-list", [["今月の注目事案", false], ["株式会社ゆうしお水産", true], ["こもれび町", true], ["学校法人あけび学園", true]]);
});

test("entries dated at their end in brackets ((2027/03/21)) list one entry per line", () => {
  expectPosts("bracket-dated-entries.txt", "dated-lines", [["事故一覧", false], ["[不正アクセス]", true], ["[誤送信]", true], ["[紛失]", true], ["[お知らせ]", false]]);
});

test("news headlines over a byline in brackets ((2027年3月10日 やまなみ新報)) split at each headline, an outage (一時使用できず) an incident", () => {
  expectPosts("headlines-bracket-bylines.txt", "headlines", [["地域のニュース", false], ["町役場で住民情報を誤送信", true], ["診療所の予約システム", true], ["中学生が職場体験", false]]);
});

test("a name in kana that holds a particle's kana is a subject where it starts a phrase or follows 立", () => {
  assert.equal(subjectOf("たつの市は3日、住民票を誤交付したと発表した。"), "たつの市");
  assert.equal(subjectOf("(3月9日 新報)\n町立ふもと診療所は8日、予約システムに障害"), "ふもと診療所");
  assert.equal(subjectOf("かすみがうら市が、通知書を誤送付"), "かすみがうら市");
});

test("a date on the line above a labelled post opens and dates that post, not the one before", () => {
  const cf = casefile("dated-labelled-posts.txt");
  const ns = segment(cf).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 10), n.listingDate ?? null, cf.text.slice(...n.span).trim().startsWith("2027年")]), [["【不正アクセス】株式", "2027-04-12", true], ["【紛失】つぐみ町、職", "2027-04-10", true]]);
});

test("a digest whose items open with the organisation's name in brackets (【X市】…と発表。) gives one incident per item, named by it", () => {
  const cf = casefile("named-items-inline.txt");
  const ns = segment(cf).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => cf.text.slice(n.span[0], n.titleSpan[0]).trim()), ["【株式会社あさぎ商会】", "【つつじの市】", "【医療法人はこべ会】"]);
});

test("an English list of headlines (X says hackers stole…, Y City mistakenly posts…) is one incident a line", () => {
  expectPosts("headline-list-en.txt", "headline-list", [["Japan breach headlines", false], ["Sora Logistics", true], ["Umi City", true], ["Kaede University", true], ["Hotaru Foods", true]]);
});

test("blog posts with a meta line under each headline (投稿日:2027年4月25日 カテゴリー:…) split at each headline, dated by it", () => {
  const cf = casefile("blog-posted-lines.txt");
  const ns = segment(cf);
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 10), n.isIncident, n.listingDate ?? null]), [
    ["こもれびセキュリティ", false, null], ["株式会社しらさぎネッ", true, "2027-04-25"], ["おすすめの二要素認証", false, "2027-04-22"], ["ゆうがお町で給付金の", true, "2027-04-20"],
  ]);
});

test("entries whose date follows a mark (■2027/05/12 X …) are dated lines: each dated, the first included", () => {
  const cf = casefile("marked-dated-lines.txt");
  assert.deepEqual(segment(cf).map((n) => [n.isIncident, n.listingDate ?? null]), [[true, "2027-05-12"], [true, "2027-05-10"], [false, "2027-05-07"]]);
});

test("a regulator's guidance with a numbered section per party ((1) 通信社 / (2) サポート社) stays one notice", () => {
  const cf = casefile("regulator-numbered-parties.txt");
  assert.equal(segment(cf).filter((n) => n.isIncident).length, 1);
});

test("headlines over a source or publication line (出典:かもめ新聞 2027/06/20, 【公表日】…) split at each headline, dated by that line", () => {
  const cf = casefile("headlines-source-lines.txt");
  assert.deepEqual(segment(cf).filter((n) => n.isIncident).map((n) => [n.title, n.listingDate]), [
    ["旅館で宿泊者台帳を紛失", "2027-06-20"], ["市がメールで住民情報を誤送信", "2027-06-21"], ["村の窓口で住民票を誤交付", "2027-06-22"],
  ]);
});

test("a news index with date, category and title lines (2027.07.20(Tue) / インシデント・事故 / title), or dates with a time, titles each entry by its title line", () => {
  expectPosts("dated-category-title.txt", "dated-lines", [["最新ニュース", false], ["ふじなみ大学", true], ["中小企業向け", false], ["かたばみ市", true]]);
  expectPosts("dated-time-lines.txt", "dated-lines", [["お客様情報の流出", true], ["夏季休業", false], ["当社委託先", true]]);
});

test("a public body's list of its errors, each dated by an era date line (令和9年4月21日公表) over the department's line, gives one post per entry, read by its lead", () => {
  expectPosts("errors-by-date-era.txt", "dated-lines", [["事務処理ミスの公表について", false], ["福祉保健部 障害支援課", true], ["教育委員会 特別支援教育課", true], ["農林水産部 水産振興課", true]]);
  const cf = casefile("errors-by-date-era.txt");
  assert.deepEqual(segment(cf).slice(1).map((n) => [n.listingDate, n.publisher?.name]), [["2027-04-21", "ゆうなぎ県"], ["2027-05-30", "ゆうなぎ県"], ["2027-06-12", "ゆうなぎ県"]]);
});

test("records of labelled lines opened by the same label (件名: / 公表日: …, 組織名: / 発表日: …) are one post each, titled by their subject and dated by their publication", () => {
  expectPosts("records-published.txt", "published-records", [["個人情報の漏えい等に関する事故の公表", false], ["児童手当の通知書の誤送付", true], ["図書館の予約票の紛失", true], ["講座案内メールの誤送信", true]]);
  assert.deepEqual(listingDates("records-published.txt"), ["2027-07-10", "2027-07-22", "2027-08-02"]);
  expectPosts("records-by-organisation.txt", "labelled-records", [["漏えい事案の記録", false], ["組織名:株式会社ほしかげ学習舎", true], ["組織名:みずなら村", true], ["組織名:株式会社あかつき証券", true]]);
});

test("a calendar of incidents whose day lines each head several bullets gives one entry per bullet, dated by its day", () => {
  expectPosts("calendar-day-bullets.txt", "day-listing", [["2027年4月 事故の記録", false], ["・株式会社こだま家電", true], ["・さざれ町", true], ["・株式会社ときわ電機", true], ["・学校法人つばさ学園", true]]);
  assert.deepEqual(listingDates("calendar-day-bullets.txt"), ["2027-04-05", "2027-04-07", "2027-04-07", "2027-04-09"]);
});

test("a bulleted digest keeps every item of its list, an aside too (judged on its own words), and dates each item by the day it opens with, in the header's year", () => {
  expectPosts("bullets-dated-aside.txt", "bulleted-items", [["今週の公表事案メモ", false], ["6/9 株式会社カワセミ運輸", true], ["6/10 医療法人こもれび会", true], ["6/11 株式会社Lumen Forge", true], ["6/12 余談", false]]);
  assert.deepEqual(listingDates("bullets-dated-aside.txt"), ["2026-06-09", "2026-06-10", "2026-06-11", "2026-06-12"]);
});

test("posts labelled with the day they were published (【11月20日公表】…) are dated by it, in the header's fiscal year (January to March in the next)", () => {
  expectPosts("published-day-labels.txt", "blog-index", [["事務の誤りについて（令和7年度）", false], ["【2月6日公表】", true], ["【11月20日公表】", true], ["【9月5日公表】", false]]);
  assert.deepEqual(listingDates("published-day-labels.txt"), ["2026-02-06", "2025-11-20", "2025-09-05"]);
});

test("a recap whose marked headings name what happened before the organisation (■ Lost media — X) gives one post per heading, titled by it; a heading of the same mark that names no one stands apart; the recap's own title is its header", () => {
  expectPosts("roundup-en-labelled.txt", "named-items", [["Harbor Security Notes", false], ["■ Ransomware — 株式会社ミナヅキ製作所", true], ["■ Lost media — 北浜信用組合", true], ["■ Tool of the week", false]]);
});

test("a mail's address field in initials (宛先をBCCではなくTOに入力) names no organisation hit: the digest's item stays whole", () => {
  expectPosts("digest-bcc-initials.txt", "headlines", [["まどろみセキュリティ研究所", false], ["■ 病院へのランサムウェア攻撃", true], ["■ 町のメール誤送信", true]]);
});

test("a news headline spaced into short phrases that counts what happened (会員情報 約2,100件流出か しおかぜ商店) is the title, not a menu", () => {
  const [n] = segment(casefile("news-spaced-headline.txt"));
  assert.equal(n!.title, "通販サイトの会員情報 約2,100件流出か　しおかぜ商店");
  assert.equal(n!.isIncident, true);
});

test("a listing whose date lines bar off a short category (2026.05.25 ｜ 設定ミス) is titled by the headline under each, an exposure left 公開状態に an incident", () => {
  expectPosts("dated-barred-category.txt", "dated-lines", [["インシデントニュース速報", false], ["精密部品メーカーの株式会社かげろう工機", true], ["はまゆう司法書士事務所", true], ["銀行をかたる偽メール", false]]);
  assert.deepEqual(listingDates("dated-barred-category.txt"), ["2026-05-27", "2026-05-25", "2026-05-22"]);
});

test("a digest whose items are circled numbers before a name and a colon (① X：…（公表 4/6）) gives one post per item, dated by the day in brackets in the header's year; the digest's own header is no incident", () => {
  expectPosts("digest-circled-items.txt", "blog-index", [["【第88号】今週の情報漏えいダイジェスト", false], ["① さくらんぼ歯科医院", true], ["② 一般社団法人あけぼの観光協会", true], ["③ ひばり物流", true]]);
  assert.deepEqual(listingDates("digest-circled-items.txt"), ["2026-04-06", "2026-04-08", "2026-04-09"]);
});

test("an English roundup numbering its items by the organisation with its Japanese name in brackets and what happened (1. X (株式会社X) — …) gives one post per item; the posting date in the header gives the month", () => {
  expectPosts("roundup-en-glossed.txt", "named-items", [["Osaka Security Weekly", false], ["1. Tsubame Books", true], ["2. Kaede Town", true], ["3. Aoi Clinic", true]]);
  assert.ok(segment(casefile("roundup-en-glossed.txt")).slice(1).every((n) => n.pageMonth === "2026-05"));
});

test("a chamber of commerce's name alone on the first line is its letterhead, not the title: its seminar's title says what the page is (no incident)", () => {
  const [n] = segment(casefile("lookalike-seminar-letterhead.txt"));
  assert.ok(n!.title.startsWith("【受講無料】"), n!.title);
  assert.equal(n!.isIncident, false);
});

test("records headed by a line saying what happened (１ 通知書の誤封入) are titled by it, and a line holding two fields (発生所属：…　公表日：…) dates the record", () => {
  expectPosts("records-titled-headings.txt", "labelled-records", [["事務処理ミスの公表について", false], ["１　児童手当の支給通知書の誤封入", true], ["２　研修案内の発送遅延", false], ["３　検診受診者へのメール誤送信", true]]);
  assert.deepEqual(listingDates("records-titled-headings.txt"), ["2025-05-09", "2025-06-06", "2025-06-20"]);
});

test("named items whose heading closes on the day the item was made public (■X町教育委員会（8月18日公表）) are named items; a lead telling a server's encryption (サーバーの暗号化が判明) tells an incident", () => {
  expectPosts("named-items-published-after.txt", "named-items", [["2026年8月のインシデント振り返り", false], ["職員がフィッシングサイト", true], ["町立ななかまど小学校で", true], ["精密機器メーカーの同社では", true]]);
});

test("a notice opening with its own date line over its title (2026.06.12 / Notice: Exposure of … data) keeps its timeline's dated lines: they are not a listing (a listing whose later entries tell incidents stays one)", () => {
  const ns = segment(casefile("notice-dated-title-timeline.txt"));
  assert.equal(ns.filter((n) => n.reason !== "page header above the posts").length, 1);
  assert.ok(ns.some((n) => n.title.startsWith("Notice: Exposure") && n.isIncident));
  expectPosts("dated-label-lines.txt", "dated-lines", [["株式会社かすみ工業", false], ["当社サーバーへの不正アクセス", true], ["夏季休業のお知らせ", false], ["従業員によるノートパソコン紛失", true]]);
});

test("bullets that name their organisation in bold before a date and a colon (- **株式会社X**(5/2):…) are one incident each, the bold no placeholder", () => {
  expectPosts("bullets-bold-names.txt", "bulleted-items", [["## 2027年5月の公表事案", false], ["**株式会社みずかね工業**", true], ["**ひなげし村**", true], ["**株式会社こぐま保育**", true]]);
});

test("a headline list numbered with the day in brackets ((1)[6/2] 株式会社X、…) gives one entry a line, dated in the page's year, foreign bodies too", () => {
  expectPosts("headlines-bracket-days.txt", "headline-list", [["情報セキュリティ便り", false], ["株式会社ゆうひ運輸", true], ["みずほ野市", true], ["株式会社かすみ商店", true], ["米国の保険会社", true]]);
  assert.deepEqual(listingDates("headlines-bracket-days.txt"), ["2027-06-02", "2027-06-08", "2027-06-11", "2027-06-05"]);
});

test("a table's rows dated by month and day (6/3 | …) take the year of the page's header", () => {
  assert.deepEqual(segment(casefile("table-month-days.txt")).filter((n) => n.isIncident).map((n) => n.listingDate), ["2027-06-03", "2027-06-09", "2027-06-21"]);
});

test("a title whose only incident word is an apology (…お詫び) is an incident's only when the body tells one", () => {
  expectPosts("apology-delay.txt", "single", [["商品お届け遅延に関するお詫び", false]]);
  expectPosts("apology-with-incident.txt", "single", [["当社ウェブサイトに関するお詫び", true]]);
});

test("look-alikes: a phishing drill, another's incident that left the writer unharmed and an alert whose title is spaced around a Latin word are no incidents", () => {
  expectPosts("lookalike-drill.txt", "single", [["標的型攻撃メール訓練の実施について", false]]);
  expectPosts("lookalike-unharmed.txt", "single", [["株式会社ほしづき技研における不正アクセス事案", false]]);
  expectPosts("lookalike-alert-title.txt", "single", [["注意喚起：マルウェア Emotet", false]]);
});

test("a threat report, a donation and a page on compensation for victims name incidents without reporting one", () => {
  const body = "当社では、ランサムウェアによる被害や不正アクセスによる情報流出の事例を踏まえ、お客様の被害を防ぐ取り組みを進めております。個人情報の保護に努めてまいります。";
  for (const title of ["月次脅威レポート 2027年3月号", "サイバーセキュリティ人材の育成に向けた寄付について", "インターネットバンキングの不正送金被害に対する補償について"]) {
    assert.equal(classify(title, body, { casebook: false, listing: false }).isIncident, false, title);
  }
});

test("a headline list whose lines open with their day (5/28　X市、…) is one entry a line, the day not read as a list number, a name after a description (雑貨通販のこもれびストア) included", () => {
  expectPosts("headlines-leading-days.txt", "headline-list", [["セキュリティ・ヘッドライン", false], ["みぎわ市", true], ["雑貨通販のこもれびストア", true], ["ひかり生命保険", true]]);
  assert.deepEqual(listingDates("headlines-leading-days.txt"), ["2027-05-28", "2027-05-24", "2027-05-19"]);
});

test("items headed by a bulleted day and a name (・8月3日　かざみ市(岡山県)) are one incident each, read by the lines under them", () => {
  expectPosts("named-items-dated-bullets.txt", "named-items", [["2027年8月 国内の事故まとめ", false], ["児童手当の通知書", true], ["配送伝票の控え", true], ["教員が生徒の写真", true]]);
  assert.deepEqual(listingDates("named-items-dated-bullets.txt"), ["2027-08-03", "2027-08-12", "2027-08-25"]);
});

test("records of labelled lines under short headings ((1) X小学校 / 発生日:… / 内容:…) open at their headings and are dated by the notice that frames them", () => {
  expectPosts("records-under-headings.txt", "labelled-records", [["令和8年度 市立学校における", false], ["(1) うみべ市立北小学校", true], ["(2) うみべ市立南中学校", true]]);
  assert.ok(segment(casefile("records-under-headings.txt")).slice(1).every((n) => n.context !== undefined));
});

test("a table of entries (発生日 | 担当課 | 件名 | 概要) under a page of published mistakes gives one post a row, an incident only by its own words, dated by its era date", () => {
  expectPosts("table-entries-errors.txt", "table-entries", [["令和8年度 事務処理ミス等の公表について", false], ["| 令和8年9月4日", true], ["| 令和8年9月11日", false], ["| 令和8年9月25日", true]]);
  assert.deepEqual(listingDates("table-entries-errors.txt"), ["2026-09-04", "2026-09-11", "2026-09-25"]);
});

test("a warning's bracketed section heading after its prose (【被害に遭わないために】) is no title, and a header that counts the posts below it (…について(2件)) is no post of its own", () => {
  expectPosts("warning-section-heading.txt", "single", [["通販サイトを装った不審なメールにご注意ください", false]]);
  expectPosts("counted-header-cases.txt", "blog-index", [["個人情報の不適切な取扱いについて(2件)", false], ["【事案1】", true], ["【事案2】", true]]);
});

test("paragraphs each closed by the line that dates them ((2027年6月12日掲載)) are one post each, an incident by their lead; cards opened by their number (No.021) are one post each", () => {
  expectPosts("dated-paragraphs.txt", "dated-paragraphs", [["お知らせ・事故報告", false], ["みずなぎ歯科クリニック", true], ["職員が業務用タブレット", true], ["夏季休診のお知らせ", false]]);
  assert.deepEqual(listingDates("dated-paragraphs.txt"), ["2027-06-12", "2027-04-28", "2027-03-01"]);
  assert.deepEqual(segment(casefile("numbered-cards.txt")).filter((n) => n.isIncident).map((n) => n.title), ["No.021", "No.022"]);
});

test("a date line naming a label (2027.06.20　重要なお知らせ) titles the entry by the line below; entries dated in brackets ([2027/05/02] …) are a listing; a header naming the body and its site's section (株式会社X　ニュース＆お知らせ) is the page's publisher", () => {
  expectPosts("dated-label-lines.txt", "dated-lines", [["株式会社かすみ工業", false], ["当社サーバーへの不正アクセス", true], ["夏季休業のお知らせ", false], ["従業員によるノートパソコン紛失", true]]);
  assert.equal(segment(casefile("dated-label-lines.txt"))[1]!.publisher?.name, "株式会社かすみ工業");
  expectPosts("bracket-dated-feed.txt", "dated-lines", [["インシデント速報", false], ["[2027/05/02] 株式会社ひばり書房", true], ["[2027/05/01] 週末の", false], ["[2027/04/30] みぎわ市", true]]);
  assert.deepEqual(listingDates("bracket-dated-feed.txt"), ["2027-05-02", "2027-05-01", "2027-04-30"]);
});

test("items numbered with the day they were published and the name ((1) 5月7日公表　X病院) are one incident each, named by that line, not by the Japanese twin of an English title", () => {
  expectPosts("numbered-dated-names.txt", "named-items", [["Monthly Incident Review", false], ["Ransomware attack.", true], ["Loss of a tablet.", true], ["Misdirected fax.", true]]);
  assert.deepEqual(listingDates("numbered-dated-names.txt"), ["2027-05-07", "2027-05-19", "2027-05-28"]);
});

test("a notice told in two languages ([English] / [日本語]) is one notice, not a digest of headlines", () => {
  expectPosts("bilingual-marked-halves.txt", "single", [["「ほしかげストア」会員アカウントへの不正ログイン", true]]);
});

test("an English roundup that glosses each name in Japanese: the city and the companies that said it was hit are each an incident", () => {
  const ns = segment(casefile("roundup-en-glossed-prose.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.victim?.name ?? null), ["Kasane Textile Co., Ltd.", "Hotaru Town", "Mebuki Inc."]);
});

test("no roundup: the city and prefecture that locate a company in English (based in X City, Y Prefecture, said) are places, not victims", () => {
  const ns = segment(casefile("roundup-not-located.txt"));
  assert.equal(ns.filter((n) => n.isIncident).length, 1);
  assert.equal(ns[0]!.victim, undefined);
});

test("a table with a column naming each body (公表日｜団体名｜…) lists other bodies' incidents, one a row, even under a collector's note that speaks of itself (当会がまとめた)", () => {
  expectPosts("table-of-bodies.txt", "table-of-bodies", [["市町村・学校の個人情報漏えい事案一覧", false], ["2024/04/08｜みずなら町", true], ["2024/05/20｜くぬぎ市教育委員会", true], ["2024/06/11｜株式会社はながた商店", true]]);
});

test("a news headline closing on who made it public (…売却か　X社が公表) tells an event; data sold to a list broker is one", () => {
  for (const t of ["元社員、顧客情報を名簿業者に売却か　ほしぞらモバイルが公表", "会員データを業者に売り渡し　元店長を懲戒解雇と発表"]) {
    assert.ok(titleScore(t).score >= 2, t);
  }
  assert.equal(titleScore("2024年度の漏えい等事案の発生状況を公表").family, "publication");
});

test("a page's link back (ニュース一覧へ戻る) never titles the article under it: an untitled lead is read for what happened", () => {
  const ns = segment(casefile("back-link-above-lead.txt"));
  assert.deepEqual(ns.map((n) => [n.title.slice(0, 12), n.isIncident]), [["家具販売の株式会社こもれ", true]]);
});

test("a month's digest: its title (…の情報漏えい・事故まとめ) is no incident, and each headline closing on its publication day in brackets (（6/4公表）) is dated in the page's year", () => {
  const cf = casefile("digest-published-brackets.txt");
  const ns = segment(cf).filter((n) => n.reason !== "page header above the posts");
  assert.deepEqual(ns.map((n) => [n.title.split("　")[0], n.isIncident, n.listingDate]), [
    ["2025年6月の情報漏えい・セキュリティ事故まとめ", false, "2025-07-01"], ["【1】株式会社ささなみ製作所", true, "2025-06-04"],
    ["【2】ひばりが丘市", true, "2025-06-18"], ["【3】一般社団法人しおさい観光協会", true, "2025-06-27"],
  ]);
});

test("a post counting the few incidents it looks back on (…情報漏えい事案を3つ) gathers others' incidents: no incident of its own", () => {
  const body = "今年報道された事案のうち、身近に感じたものを三つ取り上げます。";
  assert.equal(classify("【振り返り】今年印象に残った情報漏えい事案を3つ", body, { casebook: false, listing: false }).isIncident, false);
  assert.equal(classify("当社サーバーへの不正アクセスについて", body, { casebook: false, listing: false }).isIncident, true);
});

test("English leads that tell an incident: a former employee had taken lists, a folder had been open to everyone", () => {
  for (const t of ["Koharu Credit Union said on March 3 that a former employee had taken lists of 1,310 customers.", "Minori University said a shared folder holding applicants' scores had been open to everyone since May."]) {
    assert.ok(titleScore(t, false, true).score >= 2, t);
  }
});

test("viewing records for no work purpose (目的外閲覧, 目的外照会) is an event in a title", () => {
  for (const t of ["職員による住民情報の目的外閲覧", "窓口職員による戸籍情報の目的外照会について"]) assert.ok(titleScore(t).score >= 2, t);
});

test("a weekly roundup numbered ①②…: headlines opening on a short name and a comma are items, the list's other items (a vulnerability, a drill) stand apart, and the line naming the week is the page's header", () => {
  expectPosts("circled-roundup-named.txt", "headlines", [["週刊インシデント通信", false], ["みなせ電力、", true], ["表計算ソフト", false], ["しろがねリゾート、", true], ["県と企業が", false]]);
  const ns = segment(casefile("circled-roundup-named.txt"));
  assert.equal(ns[1]!.pageMonth, "2023-06");
});

test("no roundup: a board of education that instructs its schools (…に対し、…の徹底を指示しました) takes a measure, it names no other victim", () => {
  const ns = segment(casefile("roundup-not-instruction.txt"));
  assert.equal(ns.length, 1);
});

test("no roundup: a city and its library named in parts (若葉市は…、市立西図書館が…) under a headline naming the library are one victim", () => {
  const ns = segment(casefile("roundup-not-parts-of-one.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.title.slice(8, 16)), ["若葉市立西図書館", "こがね食品、通販", "北浜運輸、配送伝"]);
});

test("cards opened by a number and their labels after bars (01｜医療｜ランサムウェア / name / 公表日 / what happened): one post a card, the notice among them apart", () => {
  expectPosts("numbered-cards-labelled.txt", "numbered-cards", [["セキュリティ・クリップ", false], ["01｜教育", true], ["02｜小売", true], ["03｜お知らせ", false], ["04｜自治体", true]]);
});

test("a table copied with its tabs (番号 ⇥ 発生所属 ⇥ 公表日 ⇥ 事案の概要): one post a row, dated by the first cell holding a date", () => {
  expectPosts("table-tabs-numbered.txt", "table-entries", [["個人情報の不適正な取扱い事案の公表", false], ["5-1", true], ["5-2", true], ["5-3", true]]);
  assert.deepEqual(listingDates("table-tabs-numbered.txt"), ["2023-05-10", "2023-09-01", "2024-01-19"]);
});

test("an English roundup: a university whose staff typed their passwords into a fake page, \"the town of X\" that apologized for notices that went to the wrong households; \"in the city of X\" locates a company", () => {
  const ns = segment(casefile("roundup-en-town-of.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.victim?.name), ["Kiyomizu Gakuin University", "town of Hanagasa", "Kazaguruma Inc."]);
  assert.deepEqual(ns.slice(1).map((n) => n.pageMonth), ["2025-04", "2025-04"]);
});

test("a quoted name holding とは (「みなとはな商品券」) is no how-to topic, and a contractor named in the notice (委託事業者である株式会社X) is no second victim", () => {
  const ns = segment(casefile("quoted-name-contractor.txt"));
  assert.deepEqual(ns.map((n) => n.isIncident), [true]);
});

test("no roundup: a data item that reads like a name (出身高校が外部から閲覧できる状態) is no second victim", () => {
  const ns = segment(casefile("roundup-not-data-item.txt")).filter((n) => n.isIncident);
  assert.equal(ns.length, 3);
});

test("a digest whose items open on the day they were made public (11月12日の公表。) is dated by it, in the year of the page's ISO date line", () => {
  const ns = segment(casefile("digest-circled-published-lead.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.listingDate), ["2021-11-12", "2021-12-03", "2021-12-20"]);
});

test("a weekly roundup's items under a labelled headline (▼【ランサムウェア】X) whose short text tells the incident are incidents, dated by the day their text opens on (6月10日公表。)", () => {
  const ns = segment(casefile("weekly-labelled-published-lead.txt")).filter((n) => n.reason !== "page header above the posts");
  assert.deepEqual(ns.map((n) => [n.isIncident, n.listingDate]), [[true, "2020-06-09"], [true, "2020-06-10"], [true, "2020-06-12"], [false, null]]);
});

test("a body's own cases under marked headings naming the office and what happened (■ 保険年金課　保険証の誤送付) are its cases, framed by its notice", () => {
  expectPosts("office-cases.txt", "numbered-cases", [["個人情報の不適切な取扱い事案の公表について", false], ["■ 保険年金課", true], ["■ 学校教育課", true]]);
});

test("a digest's bulleted names closing on their publication day (・株式会社X（5月7日公表）) head items whose indented text opens by saying what the body is (食品卸。) before what happened", () => {
  const ns = segment(casefile("bulleted-names-published.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.listingDate), ["2025-05-07", "2025-05-20", "2025-05-09"]);
});

test("an English roundup: \"In X City, an employee left a laptop on a bus\" names the city, and a chamber of commerce or a brewery that disclosed or said is a victim", () => {
  const ns = segment(casefile("roundup-en-in-city.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.victim?.name ?? n.title.slice(0, 20)), ["Hamanasu City", "Kirinoura Chamber of Commerce and Industry", "Umikaze Brewery"]);
});

test("a site's menu of short parts between bars (テレビ｜インターネット｜…｜障害・メンテナンス情報) never titles a notice; loyalty points used (ポイント使われる) are no how-to's points", () => {
  assert.deepEqual(segment(casefile("menu-long-parts.txt")).map((n) => n.title), ["インターネット接続サービスの障害について（DDoS攻撃による）"]);
  assert.equal(titleScore("バスアプリに不正ログイン　約1500人分のポイント使われる　みなと交通").family, null);
  assert.equal(titleScore("パスワード管理の3つのポイント").family, "topic");
});

test("a notice's labelled blocks (【発生日時】…, 【現象】…) are parts of it, not posts", () => {
  assert.equal(segment(casefile("labelled-blocks-symptom.txt")).length, 1);
});

test("one's own people using data for no work of theirs (私的に閲覧, 業務と関係なく…カルテを閲覧, 私用メールに送信) and a mail sent with addresses in CC are events in a title; non-work sites viewed are not", () => {
  for (const t of ["あさひ台市職員、住民情報を私的に閲覧　停職処分", "みなと信用組合、職員が顧客情報を私用メールに送信", "職員が業務と関係なく患者の電子カルテを閲覧していた", "参加申込者あてのメールを「CC」で一斉送信した"]) {
    assert.ok(titleScore(t).score >= 2, t);
  }
  assert.equal(titleScore("業務に関係のないサイトの閲覧について").event.length, 0);
});

test("a newsletter's incident section of marked names (▼X運輸株式会社（運送業）) whose texts open on their publication day (2月18日公表。): one incident a name, dated in the issue's year", () => {
  const ns = segment(casefile("newsletter-incident-section.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.listingDate), ["2025-02-18", "2025-02-21", "2025-02-26"]);
});

test("a review's marked names closing on their publication day, one whose name ends in nothing telling (■ かもめスイミングクラブ（7月2日公表）) included: one incident each, dated in the year before the page's January date", () => {
  const ns = segment(casefile("review-marked-published.txt")).filter((n) => n.isIncident);
  assert.deepEqual(ns.map((n) => n.listingDate), ["2020-04-10", "2020-07-02", "2020-11-05"]);
});

test("a count of a year's incidents published by a research firm (…漏えい事案の集計を発表) is statistics, not an incident", () => {
  assert.equal(titleScore("民間調査会社のみなとリサーチが、2025年に国内で公表された漏えい事案の集計を発表").family, "publication");
});

test("posts labelled with a day alone (【6/9（月）】…) are dated by it in the page's year; a title labelled as a model (【文例】…) is a template", () => {
  assert.deepEqual(segment(casefile("day-labelled-posts.txt")).filter((n) => n.isIncident).map((n) => n.listingDate), ["2025-06-09", "2025-06-11"]);
  assert.equal(classify("【文例】不正アクセスによる個人情報漏えいに関するお詫びとお知らせ", "このたび、弊社が運営する通販サイトにおいて…", { casebook: false, listing: false }).isIncident, false);
});

test("a digest's category heading between named items (▼誤送付・誤送信) is no part of the item above it", () => {
  const cf = casefile("bulleted-names-published.txt");
  const ns = segment(cf).filter((n) => n.isIncident);
  assert.ok(ns.every((n) => !cf.text.slice(...n.span).includes("▼")), ns.map((n) => cf.text.slice(...n.span)).join(" | "));
});
