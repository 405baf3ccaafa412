import assert from "node:assert/strict";
import { test } from "node:test";
import { matchesOf, startedMatches } from "./scan.js";

const TEXTS = ["", "令和6年1月26日と2024/3/1、November 20, 2025。昨年12月28日 同月25日", "aXbXXc", "😀a😀\n\nb", "当社は 株式会社X と"];
const PATTERNS = [/X*/g, /X+|a/g, /^.*$/gm, /(?:)/gu, /\d{1,2}(?<unit>月|日)|[〇一二三]{2}/g, /November|令和|同(?:月|年)|X(?=X)/g, /株式会社\S+|当社/g];

/** What `text.matchAll(re)` gives, as comparable values. */
function expected(re: RegExp, text: string): unknown[] {
  return [...text.matchAll(re)].map((m) => [m.index, [...m], m.groups]);
}

test("matchesOf gives what matchAll gives, from the pattern's lastIndex, and leaves lastIndex as it was", () => {
  for (const re of PATTERNS) {
    for (const text of TEXTS) {
      for (const from of [0, 3]) {
        re.lastIndex = from;
        const want = expected(re, text);
        assert.deepEqual([...matchesOf(re, text)].map((m) => [m.index, [...m], m.groups]), want, `${re} on ${JSON.stringify(text)} from ${from}`);
        assert.equal(re.lastIndex, from);
      }
      re.lastIndex = 0;
    }
  }
});

test("startedMatches gives what matchAll gives for a pattern whose matches are never empty", () => {
  for (const re of PATTERNS.filter((p) => !p.test(""))) {
    for (const text of TEXTS) {
      re.lastIndex = 0;
      assert.deepEqual(startedMatches(re, text).map((m) => [m.index, [...m], m.groups]), expected(re, text), `${re} on ${JSON.stringify(text)}`);
    }
  }
});
