import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { fixture } from "./testkit.js";
import { correlationKey, indicatorsOf, type Indicator } from "./index.js";

const attackers = (text: string, org?: string) => indicatorsOf(text, { organization: org }).filter((i) => i.role === "attacker");
const byValue = (list: Indicator[], value: string) => list.find((i) => i.value === value);

test("indicatorsOf scans, classifies and flags, with spans into the text", () => {
  const text = fixture("quoted-mail");
  const all = indicatorsOf(text, { organization: "株式会社ことり製作所" });
  assert.deepEqual(attackers(text).map((i) => i.text), [
    "eigyo@kotori-seisaku.co.jp", "hxxps://kotori-invoice[.]com/pay", "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea",
  ]);
  for (const i of all) assert.equal(text.slice(i.start, i.end), i.text);
  assert.ok(all.every((i) => Array.isArray(i.warnings) && i.reason && i.confidence > 0));
});

test("one indicator per value: an attacker mention wins over an earlier benign one and keeps its own span", () => {
  const text = "当社の窓口：info@kotori-seisaku.co.jp\n不審なメールの差出人：info@kotori-seisaku.co.jp\n再掲 差出人：info@kotori-seisaku.co.jp";
  const found = indicatorsOf(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.role, "attacker");
  assert.equal(found[0]!.start, text.indexOf("info@", text.indexOf("差出人")));
});

test("one indicator per value: the first span is kept among mentions of the same role", () => {
  const text = "フィッシングサイト hxxps://kotori-pay[.]com/a を確認。再度 hxxps://kotori-pay[.]com/a への誘導も確認。";
  const found = indicatorsOf(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.start, text.indexOf("hxxps"));
});

test("documentation IPs stated as the attacker's stay indicators, flagged reserved, and never correlate", () => {
  const found = indicatorsOf(fixture("ips"));
  const ip = byValue(found, "198.51.100.23")!;
  assert.equal(ip.role, "attacker");
  assert.deepEqual(ip.warnings.map((w) => w.list), ["reserved"]);
  assert.equal(correlationKey(ip), null);
  assert.equal(correlationKey(byValue(found, "2001:db8:4::17")!), null);
});

test("correlationKey: specific attacker values link, normalised", () => {
  const found = indicatorsOf("差出人：Billing@Kotori-Pay.NET\n誘導先 hxxps://kotori-pay[.]net/login/ と 接続元 2400:ABCD:0:0::1 からの不正アクセス、45.67.89.10 からのログイン");
  assert.deepEqual(found.map(correlationKey), ["email:billing@kotori-pay.net", "url:https://kotori-pay.net/login", "ipv6:2400:abcd::1", "ipv4:45.67.89.10"]);
});

test("correlationKey: reserved, masked, private, government, platform and free-mail domains never link", () => {
  const text = [
    "差出人：support@example.com",
    "差出人：****@mikando-pay.net",
    "攻撃者は社内端末（192.168.3.4）を経由しました。",
    "参考 https://www.ipa.go.jp/security/",
    "なりすましメールには google.com の表示名が使われていました。",
    "偽メールは gmail.com のアドレス mikando.desk@gmail.com から送られています。",
  ].join("\n");
  const keys = Object.fromEntries(indicatorsOf(text).map((i) => [i.value, correlationKey(i)]));
  assert.deepEqual(keys, {
    "support@example.com": null,
    "****@mikando-pay.net": null,
    "192.168.3.4": null,
    "https://www.ipa.go.jp/security/": null,
    "google.com": null,
    "gmail.com": null,
    "mikando.desk@gmail.com": "email:mikando.desk@gmail.com",
  });
});

test("correlationKey: an account page on a platform links, its root page does not", () => {
  const [page, root] = indicatorsOf("乗っ取られたアカウント https://x.com/kotori_shop と https://x.com/");
  assert.equal(correlationKey(page!), "url:https://x.com/kotori_shop");
  assert.equal(correlationKey(root!), null);
});

test("the current rule's fixtures hold: attacker values equal their expected indicators", () => {
  const root = new URL("../../extract/rules/fixtures/indicators/", import.meta.url);
  for (const name of readdirSync(root)) {
    const dir = new URL(`${name}/`, root);
    const expected = (JSON.parse(readFileSync(new URL("expected.json", dir), "utf8")) as { fields: { indicators: string[] } }).fields.indicators;
    assert.deepEqual(attackers(readFileSync(new URL("input.txt", dir), "utf8")).map((i) => i.value), expected, name);
  }
});
