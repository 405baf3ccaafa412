import Encoding from "encoding-japanese";
import type { Message } from "../core/types.js";

/** Text after mojibake detection and, where the garbling is reversible, repair. */
export interface MojibakeResult {
  text: string;
  messages: Message[];
  /** Lines (0-based) that look garbled and could not be repaired. */
  garbledLines: number[];
  repairs: number;
}

function encode(text: string, to: "EUCJP" | "SJIS"): number[] {
  return Encoding.convert(Encoding.stringToCode(text), { to, from: "UNICODE" }) as number[];
}

function isKana(c: number): boolean {
  return (c >= 0x3041 && c <= 0x3096) || (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

function isKanji(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

// Per kanji of U+4E00–U+9FFF: 0 not yet looked up, 1 rare, 2 common (a typed array: looked up per character).
const levels = new Uint8Array(0x9fff - 0x4e00 + 1);
/** JIS X 0208 level-2 kanji (and kanji outside JIS) are rare in real notices. */
function isRareKanji(c: number): boolean {
  if (!isKanji(c)) return false;
  let level = levels[c - 0x4e00]!;
  if (level === 0) {
    const b = encode(String.fromCharCode(c), "EUCJP");
    level = b.length !== 2 || b[0]! >= 0xd0 ? 1 : 2;
    levels[c - 0x4e00] = level;
  }
  return level === 1;
}

// Small kana rarely stand where a misaligned reading puts them.
const SMALL_KANA = new Set([0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x308e, 0x30a1, 0x30a3, 0x30a5, 0x30a7, 0x30a9, 0x30ee]);

/** How much a run of text reads like Japanese: kana and common kanji up, oddities down. */
function plausibility(text: string): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) score -= 4;
    else if (SMALL_KANA.has(c)) score -= 1;
    else if (isKana(c)) score += 1;
    else if (isRareKanji(c)) score -= 2;
    else if (isKanji(c)) score += 0.5;
    else if (c >= 0xff61 && c <= 0xff9f) score -= 1;
    else if (c >= 0x0400 && c <= 0x04ff) score -= 2; // Cyrillic in a Japanese page: JIS row 7 misread
  }
  return score;
}

// A stretch of non-ASCII text with several rare kanji close together.
const SUSPECT_RUN = /[^\x00-\x7f\u3000-\u303f\uff01-\uff5e]{3,}/g;

function rareDensity(run: string): number {
  let rare = 0;
  for (let i = 0; i < run.length; i++) if (isRareKanji(run.charCodeAt(i)) || (run.charCodeAt(i) >= 0x0400 && run.charCodeAt(i) <= 0x04ff)) rare++;
  return rare;
}

// EUC-JP lead bytes of rows a strict JIS X 0208 decoder does not know (NEC row 13, user rows):
// a decoder that skips one of them reads every following pair one byte off until the next one.
const SKIPPED = [0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe];

// What the skipped byte began, restored where a phrase starts: a circled or Roman numeral, a company
// or era mark, №, ℡, an extension kanji (髙, 﨑) or a user-defined character; never a unit square
// (㌣, ㎝) or a mathematical sign, which a reading of clean text one byte off would make up
// (無鄰菴 is a garden's name, not ㌣去宙).
const OPENER = /^[\u2460-\u2473\u2160-\u217f\u3231\u3232\u3239\u32a4-\u32a8\u2116\u2121\u301d\u337b-\u337e\uf900-\ufaff\ue000-\uf8ff\u4e00-\u9fff]/;

function isOdd(c: number): boolean {
  return isRareKanji(c) || (c >= 0x0400 && c <= 0x04ff);
}

/**
 * Re-read a run as EUC-JP that lost a skipped byte at its start (and at the point where the
 * reading fell back into step). Returns the repaired run and how many characters it replaces.
 */
function repairShiftedEuc(run: string): { text: string; length: number } | null {
  let lastOdd = -1;
  for (let i = 0; i < run.length; i++) if (isOdd(run.charCodeAt(i))) lastOdd = i;
  if (lastOdd < 0) return null;
  const decoder = new TextDecoder("euc-jp");
  const whole = plausibility(run);
  let best: { text: string; length: number; gain: number } | null = null;
  for (let end = lastOdd + 1; end <= Math.min(run.length, lastOdd + 4); end++) {
    const garbled = run.slice(0, end);
    const bytes = encode(garbled, "EUCJP");
    if (bytes.length !== garbled.length * 2) break; // not all of it came from JIS X 0208 pairs
    const rest = plausibility(run.slice(end));
    for (const lead of SKIPPED) {
      {
        // The byte lost where the reading fell back into step cannot be known: the character it
        // began is shown as 〓, the conventional mark for an undecodable character.
        const text = decoder.decode(Uint8Array.from([lead, ...bytes])).replace(/\ufffd$/, "〓");
        if (text.includes("\ufffd") || !OPENER.test(text)) continue;
        let odd = 0;
        for (let i = 0; i < text.length; i++) if (isOdd(text.charCodeAt(i))) odd++;
        if (odd > 0) continue;
        const gain = plausibility(text) + rest - whole;
        if (!best || gain >= best.gain) best = { text, length: end, gain };
      }
    }
  }
  return best && best.gain >= 4 ? { text: best.text, length: best.length } : null;
}

/** Re-read text that was UTF-8 decoded as Shift_JIS (縺薙ｓ縺ｫ…). */
function repairUtf8AsSjis(run: string): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(encode(run, "SJIS")));
    return plausibility(text) > plausibility(run) + 2 ? text : null;
  } catch {
    return null;
  }
}

/** Re-read text that was UTF-8 decoded as Latin-1 / Windows-1252 (ã\u0081\u0082…). */
function repairUtf8AsLatin1(run: string): string | null {
  const bytes: number[] = [];
  for (const ch of run) {
    const c = ch.codePointAt(0)!;
    if (c > 0xff) return null;
    bytes.push(c);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return null;
  }
}

// Shift_JIS text whose non-ASCII bytes were dropped leaves lines like "ZLeBT[rX":
// ASCII letters mixed with [\]^`{|} and no spaces or vowels pattern of words.
function isStrippedSjisLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 4 || /[\u3040-\u30ff\u4e00-\u9fff]/.test(t)) return false;
  const ascii = t.replace(/[^\x21-\x7e]/g, "");
  if (ascii.length < 4) return false;
  if ((ascii.match(/[A-Za-z]/g) ?? []).length < 3) return false;
  const odd = (ascii.match(/[\[\\\]^`{|}]/g) ?? []).length;
  const words = t.split(/\s+/).filter((w) => /^[A-Za-z][a-z]+$|^[A-Z0-9.\/-]+$/.test(w)).length;
  const caseFlips = (t.match(/[a-z][A-Z]|[A-Z]{1}[a-z][A-Z]/g) ?? []).length;
  return (odd >= 1 && words === 0) || (caseFlips >= 2 && words === 0 && !/\s/.test(t));
}

/**
 * Find garbled text (wrong-charset decoding), repair what is reversible (EUC-JP read one byte
 * off, UTF-8 read as Shift_JIS or Latin-1) and flag the rest with a message per run of lines.
 */
export function fixMojibake(text: string): MojibakeResult {
  const messages: Message[] = [];
  const garbledLines: number[] = [];
  let repairs = 0;
  const lines = text.split("\n");
  for (let li = 0; li < lines.length; li++) {
    let line = lines[li]!;
    if (/[\u00c2-\u00ef][\u0080-\u00bf]{1,2}/.test(line)) {
      const fixed = line.replace(/[\u00c2-\u00f4][\u0080-\u00bf]+(?:[\u00c2-\u00f4][\u0080-\u00bf]+)*/g, (run) => repairUtf8AsLatin1(run) ?? run);
      if (fixed !== line) { line = fixed; repairs++; }
    }
    if (/縺|繧|繝|譁|莠/.test(line)) {
      const fixed = line.replace(/[^\x00-\x7f]+/g, (run) => repairUtf8AsSjis(run) ?? run);
      if (fixed !== line) { line = fixed; repairs++; }
    }
    // A line without a rare kanji holds no misread run: nothing to repair or flag there.
    if (rareDensity(line) === 0) {
      if (isStrippedSjisLine(line)) garbledLines.push(li);
      lines[li] = line;
      continue;
    }
    line = line.replace(SUSPECT_RUN, (run, at: number) => {
      if (rareDensity(run) < 1) return run;
      // A full-width period folded to "." by an earlier NFKC pass may be the first garbled pair.
      const dot = at > 0 && line[at - 1] === "." ? 1 : 0;
      const fixed = repairShiftedEuc((dot ? "．" : "") + run);
      if (fixed === null) return run;
      repairs++;
      return (dot ? "\u0000" : "") + fixed.text + run.slice(fixed.length - dot);
    });
    line = line.replace(/\.\u0000/g, "");
    lines[li] = line;
    const run = line.match(SUSPECT_RUN)?.find((r) => rareDensity(r) >= 3);
    if (run || isStrippedSjisLine(line)) garbledLines.push(li);
  }
  if (repairs > 0) {
    messages.push({ stage: "decode", severity: "info", code: "mojibake-repaired", text: `repaired ${repairs} garbled run(s) decoded with the wrong charset` });
  }
  if (garbledLines.length > 0) {
    const shown = garbledLines.slice(0, 5).map((l) => l + 1).join(", ");
    messages.push({
      stage: "decode", severity: "warning", code: "mojibake",
      text: `${garbledLines.length} line(s) look like text decoded with the wrong charset (lines ${shown}${garbledLines.length > 5 ? ", …" : ""})`,
    });
  }
  return { text: repairs > 0 ? lines.join("\n") : text, messages, garbledLines, repairs };
}
