import { test } from "node:test";
import assert from "node:assert/strict";
import Encoding from "encoding-japanese";
import { decodeBytes, looksBinary, NotTextError } from "./decode.js";

const SAMPLE = "株式会社テスト商会は、不正アクセスにより顧客情報①が流出した可能性があることを確認しました。";

function encoded(text: string, to: "SJIS" | "EUCJP" | "JIS"): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: "UNICODE" }) as number[]);
}

test("UTF-8, with and without BOM", () => {
  const bytes = new TextEncoder().encode(SAMPLE);
  assert.deepEqual([decodeBytes(bytes).text, decodeBytes(bytes).charset], [SAMPLE, "utf-8"]);
  const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);
  assert.equal(decodeBytes(bom).charset, "utf-8");
  assert.equal(decodeBytes(bom).text.replace(/^\ufeff/, ""), SAMPLE);
});

test("Shift_JIS (CP932 circled digits), EUC-JP and ISO-2022-JP are detected", () => {
  for (const [to, label] of [["SJIS", "shift_jis"], ["EUCJP", "euc-jp"], ["JIS", "iso-2022-jp"]] as const) {
    const d = decodeBytes(encoded(SAMPLE, to));
    assert.equal(d.charset, label, to);
    assert.equal(d.text, SAMPLE, to);
    assert.deepEqual(d.messages, [], to);
  }
});

test("a declared charset that does not fit the bytes is overruled, with a message", () => {
  const d = decodeBytes(encoded(SAMPLE, "SJIS"), "utf-8");
  assert.equal(d.charset, "shift_jis");
  assert.equal(d.text, SAMPLE);
  assert.equal(d.messages[0]?.code, "charset-mismatch");
});

test("a declared charset inside the HTML is used", () => {
  const html = `<html><head><meta charset="EUC-JP"></head><body>${SAMPLE}</body></html>`;
  const d = decodeBytes(encoded(html, "EUCJP"));
  assert.equal(d.charset, "euc-jp");
  assert.ok(d.text.includes(SAMPLE));
});

test("invalid UTF-8 keeps the text and says how many bytes were replaced", () => {
  const bytes = Uint8Array.from([...new TextEncoder().encode("漏えいの"), 0xff, 0xfe, 0x80, ...new TextEncoder().encode("お知らせ")]);
  const d = decodeBytes(bytes);
  assert.ok(d.text.startsWith("漏えいの") && d.text.endsWith("お知らせ"));
  assert.equal(d.messages[0]?.code, "invalid-bytes");
});

test("binary data is refused", () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  assert.equal(looksBinary(png), true);
  assert.throws(() => decodeBytes(png), NotTextError);
  assert.equal(looksBinary(new TextEncoder().encode(SAMPLE)), false);
});
