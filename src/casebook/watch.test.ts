import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldsWith } from "./testkit.js";
import { planWatchHits, watchMatch } from "./watch.js";

const LISTS = [
  { id: 1, kind: "organization" as const, pattern: "いろは", webhook_url: "https://hooks.example/a" },
  { id: 2, kind: "domain" as const, pattern: "*.example.jp", webhook_url: null },
  { id: 3, kind: "keyword" as const, pattern: "VPN", webhook_url: null },
];

test("each incident is matched against every watchlist, with the reason; one without fields matches none", () => {
  const incidents = [
    { id: "a", title: "不正アクセスのお知らせ", fields: fieldsWith({ organization: "株式会社いろは", indicators: ["https://shop.example.jp/x"] }) },
    { id: "b", title: "VPN機器の脆弱性", fields: fieldsWith({ organization: "ほへと物産" }) },
    { id: "c", title: "いろは", fields: null },
  ];
  assert.deepEqual(planWatchHits(LISTS, incidents), [
    { watchlist: 1, incident: "a", reason: "organisation 株式会社いろは", notify: true },
    { watchlist: 2, incident: "a", reason: "indicator https://shop.example.jp/x is on example.jp", notify: false },
    { watchlist: 3, incident: "b", reason: "mentions VPN", notify: false },
  ]);
});

test("a domain watch matches the domain and its subdomains only", () => {
  const on = (v: string) => watchMatch({ kind: "domain", pattern: "example.jp" }, { title: "", fields: fieldsWith({ indicators: [v] }) });
  assert.ok(on("a@mail.example.jp"));
  assert.equal(on("https://badexample.jp/"), null);
});
