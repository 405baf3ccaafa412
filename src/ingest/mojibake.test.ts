import { test } from "node:test";
import assert from "node:assert/strict";
import Encoding from "encoding-japanese";
import { fixMojibake } from "./mojibake.js";

/**
 * Garble text the way a strict JIS X 0208 EUC-JP decoder does: it skips the lead byte of a NEC
 * circled digit, then reads every following pair one byte off, dropping the first byte of any
 * pair it does not know, which brings it back into step.
 */
function garbleEucSkippingFirstByte(text: string): string {
  const bytes = Encoding.convert(Encoding.stringToCode(text), { to: "EUCJP", from: "UNICODE" }) as number[];
  const decoder = new TextDecoder("euc-jp", { fatal: true });
  let out = "";
  let i = 1;
  while (i < bytes.length) {
    if (bytes[i]! < 0x80) { out += String.fromCharCode(bytes[i]!); i++; continue; }
    try {
      out += decoder.decode(Uint8Array.from(bytes.slice(i, i + 2)));
      i += 2;
    } catch {
      i += 1;
    }
  }
  return out;
}

test("EUC-JP read one byte off after a skipped circled digit is repaired; the lost character shows as 〓", () => {
  const original = "①個人情報を含む書類の管理を徹底する";
  const garbled = garbleEucSkippingFirstByte(original);
  assert.notEqual(garbled, original);
  const r = fixMojibake(`再発防止策\n${garbled}\n以上`);
  assert.equal(r.repairs, 1);
  // 理 lost its second byte where the reading fell back into step: it cannot be known.
  assert.equal(r.text.split("\n")[1], "①個人情報を含む書類の管〓を徹底する");
  assert.equal(r.messages[0]?.code, "mojibake-repaired");
});

test("UTF-8 read as Shift_JIS is repaired", () => {
  const original = "不正アクセスのお知らせ";
  const garbled = new TextDecoder("shift_jis").decode(new TextEncoder().encode(original));
  const r = fixMojibake(garbled);
  assert.equal(r.text, original);
});

test("UTF-8 read as Latin-1 is repaired", () => {
  const original = "個人情報の漏えい";
  const garbled = Buffer.from(original, "utf8").toString("latin1");
  assert.equal(fixMojibake(garbled).text, original);
});

test("Shift_JIS text that lost its high bytes is flagged, not changed", () => {
  const r = fixMojibake("情報セキュリティ\nZLeBT[rX\ngbvy[W\n通常の本文です。");
  assert.deepEqual(r.garbledLines, [1, 2]);
  assert.equal(r.messages.at(-1)?.code, "mojibake");
  assert.equal(r.text.split("\n")[1], "ZLeBT[rX");
});

test("clean Japanese, English and markdown are left alone", () => {
  const text = "令和6年1月26日、USBメモリ(1本)の紛失が判明しました。\nThe VPN appliance was patched.\n![]() |\n鵜飼いと蕎麦の話";
  const r = fixMojibake(text);
  assert.equal(r.text, text);
  assert.deepEqual(r.messages, []);
});

test("a name in rare kanji that a one-byte-off reading would turn into a unit square (㌦野宙) is left alone", () => {
  const text = "北鄰菴におけるメール誤送信について\nお客様各位";
  const r = fixMojibake(text);
  assert.equal(r.text, text);
  assert.equal(r.repairs, 0);
});
