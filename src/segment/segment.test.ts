import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { makeDocument } from "../core/document.js";
import type { Casefile } from "../core/types.js";
import { segment } from "./index.js";

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
