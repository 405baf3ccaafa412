import { test } from "node:test";
import assert from "node:assert/strict";
import { normalize, toOriginal } from "./nfkc.js";

test("full-width digits and letters fold to ASCII with a one-to-one map", () => {
  const src = "被害件数は３，７７５件（ＵＳＢ）";
  const n = normalize(src);
  assert.equal(n.text, "被害件数は3,775件(USB)");
  const at = n.text.indexOf("3,775件");
  assert.deepEqual(toOriginal(n, at, at + 6), [5, 11]);
  assert.equal(src.slice(5, 11), "３，７７５件");
});

test("one character that expands maps back to itself", () => {
  const src = "㈱テスト商事の①と②";
  const n = normalize(src);
  assert.equal(n.text, "(株)テスト商事の1と2");
  const [s, e] = toOriginal(n, 0, 3);
  assert.equal(src.slice(s, e), "㈱");
  const one = n.text.indexOf("1");
  assert.equal(src.slice(...toOriginal(n, one, one + 1)), "①");
});

test("half-width katakana with voiced marks collapse and map back to both code units", () => {
  const src = "ｶﾞｲﾄﾞ情報";
  const n = normalize(src);
  assert.equal(n.text, "ガイド情報");
  assert.equal(src.slice(...toOriginal(n, 0, 3)), "ｶﾞｲﾄﾞ");
  assert.equal(src.slice(...toOriginal(n, 3, 5)), "情報");
});

test("CRLF becomes LF and offsets stay on the original", () => {
  const src = "一行目\r\n二行目\r三行目";
  const n = normalize(src);
  assert.equal(n.text, "一行目\n二行目\n三行目");
  const at = n.text.indexOf("三行目");
  assert.equal(src.slice(...toOriginal(n, at, at + 3)), "三行目");
});

test("astral characters and ideographic spaces keep exact offsets", () => {
  const src = "𠮷野家　２０２４年";
  const n = normalize(src);
  assert.equal(n.text, "𠮷野家 2024年");
  const at = n.text.indexOf("2024年");
  assert.equal(src.slice(...toOriginal(n, at, at + 5)), "２０２４年");
  assert.equal(src.slice(...toOriginal(n, 0, 2)), "𠮷");
});
