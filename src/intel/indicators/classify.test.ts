import { test } from "node:test";
import assert from "node:assert/strict";
import { classifyObservable, ownDomainsOf } from "./classify.js";
import { fixture, roleOf, verdicts } from "./testkit.js";
import { scanObservables } from "./observables.js";

const roles = (text: string, org?: string) => Object.fromEntries([...verdicts(text, { organization: org })].map(([k, v]) => [k, v.role]));

test("a quoted mail: the sender and the link are the attacker's, recipients and contacts are not", () => {
  assert.deepEqual(roles(fixture("quoted-mail"), "株式会社ことり製作所"), {
    "eigyo@kotori-seisaku.co.jp": "attacker",
    "tanaka@torihiki-saki.jp": "benign",
    "suzuki@torihiki-saki.jp": "benign",
    "https://kotori-invoice.com/pay": "attacker",
    "3f79bb7b435b05321651daefd374cdc681dc06faa65e374e38337b88ca046dea": "attacker",
    "soumu@kotori-seisaku.co.jp": "benign",
    "https://www.kotori-seisaku.co.jp/": "benign",
  });
});

test("contact addresses and genuine pages versus a phishing link", () => {
  assert.deepEqual(roles(fixture("contact-vs-phishing")), {
    "https://hoshikawa-yoyaku-check.com/card": "attacker",
    "https://www.hoshikawa-kanko.co.jp/reserve/": "benign",
    "support@hoshikawa-kanko.co.jp": "benign",
    "https://www.antiphishing.jp/": "benign",
  });
});

test("a hijacked official SNS account is the attacker's; the official site and an unharmed account are not", () => {
  const v = verdicts(fixture("sns-vs-site"));
  assert.equal(v.get("https://x.com/tsukimidai_city")?.role, "attacker");
  assert.match(v.get("https://x.com/tsukimidai_city")!.reason, /taken over/);
  assert.equal(v.get("https://www.city.tsukimidai.lg.jp/")?.role, "benign");
  assert.equal(v.get("https://www.instagram.com/tsukimidai_city_official/")?.role, "benign");
});

test("a defaced official site is a victim asset; the site it redirected to is the attacker's", () => {
  const v = verdicts(fixture("defacement"));
  assert.equal(v.get("https://www.hoshikawa-kogei.or.jp/")?.role, "victim_asset");
  assert.equal(v.get("http://lucky-prize-888.top/win")?.role, "attacker");
});

test("attacker IPs (documentation ranges included) versus an internal address and a version number", () => {
  const text = fixture("ips");
  assert.deepEqual(roles(text), { "198.51.100.23": "attacker", "2001:db8:4::17": "attacker", "10.20.0.5": "victim_asset" });
  assert.equal(roleOf("障害の原因となった 203.0.113.8 はお客様ご自身の回線のアドレスであり、詳細はお問い合わせください。", "203.0.113.8"), "benign");
  assert.equal(roleOf("当社サーバー（203.0.113.40）が攻撃を受けました。", "203.0.113.40"), "victim_asset");
});

test("a sender line in a notice about a mis-sent mail is not an attacker", () => {
  const v = verdicts(fixture("misdelivery"));
  assert.deepEqual([...v].map(([k, c]) => [k, c.role]), [["info@hinata-gakushu.jp", "benign"]]);
  assert.match(v.get("info@hinata-gakushu.jp")!.reason, /no attack/);
});

test("a ransom-note contact and a free-mail phishing sender are the attacker's; the free-mail domain alone is not", () => {
  assert.deepEqual(roles(fixture("ransom-freemail")), {
    "recover.team77@proton.me": "attacker",
    "mikando.support.desk@gmail.com": "attacker",
    "gmail.com": "benign",
    "0cc175b9c0f1b6a831c399e269772661": "attacker",
  });
});

test("a lookalike domain versus the genuine one and a platform name", () => {
  assert.deepEqual(roles(fixture("lookalike")), { "kotori-seisakv.co.jp": "attacker", "kotori-seisaku.co.jp": "benign", "amazon.co.jp": "benign" });
});

test("reserved placeholders are benign, a masked sender keeps its role, a masked recipient stays a recipient", () => {
  const v = verdicts(fixture("placeholders"));
  assert.equal(v.get("support@example.com")?.role, "benign");
  assert.match(v.get("support@example.com")!.reason, /Placeholder/);
  assert.equal(v.get("****@mikando-pay.net")?.role, "attacker");
  assert.equal(v.get("○○○@mikando.co.jp")?.role, "benign");
});

test("defanged means attacker even without other context; a hash without a malware context is benign", () => {
  assert.equal(roleOf("参考：kotori-pay[.]com", "kotori-pay.com"), "attacker");
  assert.equal(roleOf("配布ファイルのSHA-1は 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 です。", "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"), "benign");
});

test("government pages and platform root pages are never the attacker's", () => {
  const text = "フィッシングの被害は警察庁（https://www.npa.go.jp/bureau/cyber/）へ。なりすましメールには https://www.google.com/ へのリンクもありました。";
  assert.deepEqual(roles(text), { "https://www.npa.go.jp/bureau/cyber/": "benign", "https://www.google.com/": "benign" });
});

test("every verdict has a one-line reason and a confidence in (0, 1]", () => {
  for (const name of ["quoted-mail", "contact-vs-phishing", "sns-vs-site", "defacement", "ips", "misdelivery", "ransom-freemail", "lookalike", "placeholders"]) {
    for (const [value, c] of verdicts(fixture(name))) {
      assert.ok(c.reason.length > 10 && !c.reason.includes("\n") && /^[A-Z]/.test(c.reason), `${name}: ${value}`);
      assert.ok(c.confidence > 0 && c.confidence <= 1, `${name}: ${value}`);
    }
  }
});

test("ownDomainsOf reads the organisation's domains from contact and official labels and from its name", () => {
  assert.deepEqual([...ownDomainsOf(fixture("contact-vs-phishing"))].sort(), ["hoshikawa-kanko.co.jp"]);
  assert.deepEqual([...ownDomainsOf("リンク https://www.signalpeak.jp/news/ を参照", "SignalPeak株式会社")], ["signalpeak.jp"]);
  assert.deepEqual([...ownDomainsOf("当社ドメインに酷似した signalpeek.jp", "SignalPeak株式会社")], []);
});

test("the organisation's own site is known by its domain even without a label", () => {
  const text = "当社のお問い合わせ：help@signalpeak.jp\n3月2日、https://www.signalpeak.jp/shop/ が不正アクセスを受け、改ざんされました。";
  const url = scanObservables(text).find((o) => o.kind === "url")!;
  assert.equal(classifyObservable(url, text, {}).role, "victim_asset");
  assert.equal(classifyObservable(url, text, { ownDomains: new Set() }).role, "attacker");
});

test("the organisation's own hijacked account is its asset; a dummy sample address and genuine senders are benign", () => {
  const hijacked = "当組合のメールアカウント(info@sakuragi-kumiai.jp)が踏み台にされ、迷惑メールが送信されました。送信者名は当組合とは無関係です。";
  assert.equal(roleOf(hijacked, "info@sakuragi-kumiai.jp"), "victim_asset");
  const sample = "当法人の職員を装う不審なメールが届いています。\n・なりすましメールの場合\n差出人:\"みどり会\"<abcd@qwe.rty.jp>\n・通常メールの場合\n差出人:\"みどり会\"<staff@midori-kai.or.jp>\n";
  assert.equal(roleOf(sample, "abcd@qwe.rty.jp"), "benign");
  assert.equal(roleOf(sample, "staff@midori-kai.or.jp"), "benign");
  assert.equal(roleOf("当法人を装う不審なメールが届いています。\n差出人: <billing@midori-kai-pay.com>", "billing@midori-kai-pay.com"), "attacker");
});

test("a typo domain called a doppelganger is the attacker's; the genuine address a spoof differs from is not", () => {
  assert.deepEqual(roles("「@sakuramai.jp」はドッペルゲンガー・ドメインと呼ばれるもので、メールを全て受信する。"), { "sakuramai.jp": "attacker" });
  assert.deepEqual(roles("送信者として弊社社員名が表示されながらも、@以下が弊社(○○○@hinoki-holdings.co.jp 等)とは異なっている不審メールです。"), {
    "○○○@hinoki-holdings.co.jp": "benign",
  });
});
