import Encoding from "encoding-japanese";
import type { Message } from "../core/types.js";

/** The result of turning bytes into text. */
export interface Decoded {
  text: string;
  /** WHATWG label of the charset used. */
  charset: string;
  messages: Message[];
}

/** Raised for bytes that are not text at all; the batch reports it and goes on. */
export class NotTextError extends Error {
  override name = "NotTextError";
}

const LABELS: Record<string, string> = {
  "utf-8": "utf-8", utf8: "utf-8",
  "shift_jis": "shift_jis", "shift-jis": "shift_jis", sjis: "shift_jis", "x-sjis": "shift_jis",
  "windows-31j": "shift_jis", cp932: "shift_jis", "ms932": "shift_jis", ms_kanji: "shift_jis",
  "euc-jp": "euc-jp", eucjp: "euc-jp", "x-euc-jp": "euc-jp", "cp51932": "euc-jp",
  "iso-2022-jp": "iso-2022-jp", jis: "iso-2022-jp", "csiso2022jp": "iso-2022-jp",
  "utf-16le": "utf-16le", "utf-16be": "utf-16be", "utf-16": "utf-16le",
};

/** Canonical WHATWG label for a charset name, or null when it is not one we decode. */
export function charsetLabel(name: string | undefined | null): string | null {
  if (!name) return null;
  return LABELS[name.trim().toLowerCase().replace(/^["']|["']$/g, "")] ?? null;
}

/** Charset declared inside the bytes: an HTML meta tag or an XML declaration. */
export function declaredInBytes(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)["']/i.exec(head);
  return m?.[1] ?? null;
}

function bom(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return null;
}

/** True when the bytes look like a binary file rather than text in any charset we know. */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bom(bytes)?.startsWith("utf-16")) return false;
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b >= 0x20) continue; // most bytes: printable ASCII and multi-byte sequences
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b !== 0x1b)) control++;
  }
  return control / n > 0.05;
}

function tryDecode(label: string, bytes: Uint8Array, fatal: boolean): string | null {
  try {
    return new TextDecoder(label, { fatal, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const ENCODING_JAPANESE: Record<string, string> = { SJIS: "shift_jis", EUCJP: "euc-jp", JIS: "iso-2022-jp", UTF8: "utf-8" };

/**
 * Decode bytes to text: BOM, then a declared charset that decodes cleanly, then strict UTF-8,
 * then detection among Shift_JIS, EUC-JP and ISO-2022-JP. Never throws for text; throws
 * NotTextError for binary data.
 */
export function decodeBytes(bytes: Uint8Array, declared?: string | null): Decoded {
  const messages: Message[] = [];
  if (looksBinary(bytes)) throw new NotTextError("binary data, not text (NUL or control bytes)");
  const fromBom = bom(bytes);
  if (fromBom) return { text: tryDecode(fromBom, bytes, false) ?? "", charset: fromBom, messages };

  const hasEsc = bytes.includes(0x1b);
  const wanted = charsetLabel(declared) ?? charsetLabel(declaredInBytes(bytes));
  if (wanted) {
    const text = tryDecode(wanted, bytes, true);
    if (text !== null && !(wanted === "utf-8" && hasEsc && /\x1b\$[@B]/.test(text))) {
      return { text, charset: wanted, messages };
    }
    messages.push({
      stage: "decode", severity: "warning", code: "charset-mismatch",
      text: `declared charset ${wanted} does not decode these bytes; detecting instead`,
    });
  }
  if (hasEsc) {
    const jis = tryDecode("iso-2022-jp", bytes, true);
    if (jis !== null && /\x1b\$[@B]/.test(Buffer.from(bytes).toString("latin1"))) {
      return { text: jis, charset: "iso-2022-jp", messages };
    }
  }
  const utf8 = tryDecode("utf-8", bytes, true);
  if (utf8 !== null) return { text: utf8, charset: "utf-8", messages };

  const guess = ENCODING_JAPANESE[String(Encoding.detect(bytes, ["SJIS", "EUCJP", "JIS", "UTF8"]) || "")];
  // Among the legacy charsets, keep the one that decodes without errors and with fewest oddities.
  const candidates = [guess, "shift_jis", "euc-jp"].filter((c, i, a): c is string => !!c && a.indexOf(c) === i && c !== "utf-8");
  let best: { text: string; charset: string; bad: number } | null = null;
  for (const c of candidates) {
    const text = tryDecode(c, bytes, false);
    if (text === null) continue;
    const bad = countReplacement(text) * 4 + countRareKanji(text);
    if (!best || bad < best.bad) best = { text, charset: c, bad };
  }
  if (best && countReplacement(best.text) === 0) return { text: best.text, charset: best.charset, messages };

  // Nothing decodes cleanly: keep what UTF-8 gives and say so.
  const lossy = tryDecode("utf-8", bytes, false) ?? "";
  const lossyBad = countReplacement(lossy);
  const chosen = best && countReplacement(best.text) < lossyBad ? best : { text: lossy, charset: "utf-8" };
  const bad = countReplacement(chosen.text);
  messages.push({
    stage: "decode", severity: "warning", code: "invalid-bytes",
    text: `${bad} byte sequence(s) invalid in ${chosen.charset}; replaced with U+FFFD`,
  });
  return { text: chosen.text, charset: chosen.charset, messages };
}

function countReplacement(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\ufffd"); i >= 0; i = text.indexOf("\ufffd", i + 1)) n++;
  return n;
}

// Half-width katakana and private-use characters are rare in real Japanese text and common
// when Shift_JIS is read as EUC-JP or the reverse.
function countRareKanji(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0xff61 && c <= 0xff9f) || (c >= 0xe000 && c <= 0xf8ff)) n++;
  }
  return n;
}
