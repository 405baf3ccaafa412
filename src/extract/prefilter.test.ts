import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { analyse, openDocument } from "../core/pipeline.js";
import { makeDocument } from "../core/document.js";
import { beginningsOf, charactersOf, mayMatch } from "./prefilter.js";
import { normalize } from "./normalize/nfkc.js";
import { Reading } from "./reading.js";
import { hits } from "./scan.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** True when `re` has a non-empty match in `text` (what hits reports). */
function matchesSomething(re: RegExp, text: string): boolean {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(g)) if (m[0] !== "") return true;
  return false;
}

// Each construct the analysis reads: what a match may begin with must never leave out a text it matches.
const CASES: [RegExp, string[]][] = [
  [/不正アクセス|漏えい|流出/, ["第三者の不正アクセスにより", "情報が流出", "何もない", "不正な操作"]],
  [/(?:個人|顧客)?情報(?:が|の)?(?:流出|漏えい)/, ["情報流出", "顧客情報の漏えい", "情報は無事", "個人"]],
  [/(?<=」)サイト|ホームページ/, ["「通販」サイト", "サイトのみ", "ホームページ"]],
  [/(?<!要配慮)個人情報/, ["要配慮個人情報", "個人情報", "個人"]],
  [/(?:約|最大)?\s?\d[\d,]*\s?(?:件|名)/, ["約 1,200 名", "12件", "件数不明", "0"]],
  [/某[^\s、。]{1,15}/, ["某社員", "某 社", "某"]],
  [/[A-Z][A-Z0-9&]{1,9}(?![A-Za-z])/, ["JTB は", "Jtb", "IPA"]],
  [/x*y?/, ["", "x", "y", "z"]],
  [/a{2,3}b|c{0,2}d/, ["aab", "ab", "d", "ccd", "cd", "e"]],
  [/(?:ab)+c/, ["abababc", "abc", "ac"]],
  [/^\s*(?:From|件名)\s*[:：]/m, ["本文\n件名: 請求書", "From: a", "from:"]],
  [/phishing|leak(?:ed)?/i, ["PHISHING", "Leaked", "phish", "LEA"]],
  [/[ks]ey/iu, ["\u212aEY", "\u017fey", "KEY", "hey"]],
  [/\u{20B9F}る/u, ["\u{20B9F}る", "叱る", "\u{20B9F}"]],
  [/(a)\1/, ["aa", "a"]],
  [/.{2}漏えい/, ["情報漏えい", "漏えい", "が漏えい"]],
  [/[^。]{0,5}紛失/, ["書類紛失", "紛失", "。紛失"]],
  [/\bBEC\b|ビジネスメール詐欺/, ["BEC被害", "ABEC", "ビジネスメール詐欺"]],
  [/[一-龥]{2}市/, ["横浜市", "市", "さいたま市"]],
  [/メール署名|(?:課)?税(?:情報|額)/, ["メール署名", "課税額", "税情報", "メール", "税"]],
  [/^\s*(?:差出人|From)\s*[:：]\s*(?<name>[^<>\n]{2,40}?)\s*$/im, ["差出人: 株式会社X", "FROM：a b", "差出人なし"]],
];

test("a pattern's beginnings never leave out a text it matches", () => {
  for (const [re, texts] of CASES) {
    for (const text of texts) {
      if (matchesSomething(re, text)) assert.ok(mayMatch(re, charactersOf(text)), `${re} matches ${JSON.stringify(text)} but was ruled out`);
    }
  }
});

test("a text holding none of a pattern's beginnings is ruled out: by single characters, by runs of two and three", () => {
  assert.equal(mayMatch(/不正アクセス|漏えい/, charactersOf("当社のサーバーが停止しました")), false);
  // 不 and ア are in the text, the runs 不正ア and 漏えい are not.
  assert.equal(mayMatch(/不正アクセス|漏えい/, charactersOf("不正な操作とアクセス、漏れ")), false);
  assert.equal(mayMatch(/情報(?:流出|漏えい)/, charactersOf("情報を整理")), false, "runs of three: 情報流, 情報漏");
  assert.equal(mayMatch(/情報(?:流出|漏えい)/, charactersOf("情報漏えい")), true);
  assert.equal(mayMatch(/某[^\s]{1,5}/, charactersOf("某")), true, "what follows 某 is unknown: 某 alone decides");
  assert.equal(beginningsOf(/.+漏えい/), null, "a dot first: anything may begin a match");
  assert.equal(beginningsOf(/(a)\1|\1b/), null, "a backreference first: anything may begin a match");

});

test("a text lacking a tail every match of an alternative holds is ruled out, whatever its beginnings", () => {
  assert.equal(mayMatch(/情報(?:流出|漏えい)/, charactersOf("情報漏れ")), false, "情報漏 begins it, but the tail 報漏え is not there");
  assert.equal(mayMatch(/メール署名|税額/, charactersOf("メールで送付")), false, "メール begins it, ール署 and ル署名 are not there");
  assert.equal(mayMatch(/^\s*(?:From|件名)\s*[:：]/m, charactersOf("本文\n件名なし")), false, "a space begins it, no colon follows");
  assert.equal(mayMatch(/.{2}漏えい/, charactersOf("情報漏れ")), false, "anything begins it, 漏えい is not there");
  assert.equal(mayMatch(/.{2}漏えい/, charactersOf("情報漏えい")), true);
  assert.equal(mayMatch(/x*y?|メール署名/, charactersOf("メール")), true, "an alternative that needs nothing lets every text through");
});

/** The texts the analysis is measured on: the shared real corpus when present, else the repository's own notices. */
function texts(): string[] {
  const dirs = [join(ROOT, "../shared/corpus/real/raw"), join(ROOT, "test/heldout/cases")].filter(existsSync);
  return dirs.flatMap((d) => readdirSync(d).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(d, f), "utf8")));
}

test("every pattern the analysis asks of a reading finds the same matches with and without the prefilter", async () => {
  // Record the patterns hits() asks of readings while real notices are analysed.
  const asked = new Set<RegExp>();
  const once = Reading.prototype.once;
  Reading.prototype.once = function (this: Reading, key: unknown, make: (text: string, key: never, reading: Reading) => unknown) {
    if (key instanceof RegExp) asked.add(key);
    return once.call(this, key, make as (text: string, key: unknown, reading: Reading) => unknown);
  } as typeof once;
  const sample = texts();
  try {
    for (const text of sample) for (const cf of await openDocument(makeDocument(Buffer.from(text), { source: "x.txt" }))) analyse(cf);
  } finally {
    Reading.prototype.once = once;
  }
  assert.ok(asked.size > 100, `the analysis asked ${asked.size} patterns`);
  let ruledOut = 0, checks = 0;
  for (const text of sample) {
    const reading = new Reading(normalize(text));
    for (const re of asked) {
      checks++;
      if (!mayMatch(re, reading.chars)) ruledOut++;
      // A Reading is filtered; a bare string is always scanned.
      assert.deepEqual(hits(re, reading), hits(re, reading.text), `${re.source.slice(0, 60)} on ${JSON.stringify(text.slice(0, 30))}`);
    }
  }
  assert.ok(ruledOut > checks / 3, `the prefilter ruled out ${ruledOut} of ${checks} scans`);
});
