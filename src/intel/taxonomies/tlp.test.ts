import { test } from "node:test";
import assert from "node:assert/strict";
import { cleared, DEFAULT_TLP, parseTlp, TLP, TLP_LEVELS, tlpRank, tlpTags } from "./tlp.js";
import { inputOf, noticeOf, wordsOf } from "./testkit.js";

test("parseTlp reads TLP 2.0 markings and the TLP 1.0 name WHITE", () => {
  assert.equal(parseTlp("TLP:CLEAR"), "CLEAR");
  assert.equal(parseTlp("tlp: green"), "GREEN");
  assert.equal(parseTlp("white"), "CLEAR");
  assert.equal(parseTlp("TLP:WHITE"), "CLEAR");
  assert.equal(parseTlp("amber+strict"), "AMBER+STRICT");
  assert.equal(parseTlp("TLP:AMBER + STRICT"), "AMBER+STRICT");
  assert.equal(parseTlp("ＴＬＰ：ＲＥＤ"), "RED");
  assert.equal(parseTlp("purple"), null);
  assert.equal(parseTlp(""), null);
});

test("tlpRank orders levels so RED needs clearance RED", () => {
  assert.deepEqual([...TLP_LEVELS].sort((a, b) => tlpRank(a) - tlpRank(b)), ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"]);
  assert.equal(cleared("RED", "RED"), true);
  assert.equal(cleared("AMBER+STRICT", "RED"), false);
  assert.equal(cleared("AMBER", "AMBER+STRICT"), false);
  assert.equal(cleared("GREEN", "CLEAR"), true);
});

test("every level has labels and a definition", () => {
  for (const l of TLP_LEVELS) assert.ok(TLP[l].label.en.endsWith(l) && TLP[l].definition.ja && TLP[l].definition.en, l);
});

test("a public notice is TLP:CLEAR, with no span", () => {
  assert.equal(DEFAULT_TLP, "CLEAR");
  const tags = tlpTags(noticeOf("不正アクセスについて\n当社サーバーが不正アクセスを受けました。\n"));
  assert.equal(tags.length, 1);
  assert.equal(tags[0]!.value, "CLEAR");
  assert.equal(tags[0]!.span, undefined);
});

test("a notice marked with TLP takes its most restrictive marking, spanning it", () => {
  const text = "共有メモ TLP:GREEN\n当社サーバーへの不正アクセスについて。\n添付資料は TLP:AMBER とします。\n";
  const input = inputOf(text);
  const tags = tlpTags(noticeOf(text));
  assert.equal(tags.length, 1);
  assert.equal(tags[0]!.value, "AMBER");
  assert.equal(wordsOf(input, tags[0]), "TLP:AMBER");
});
