/** A regex match with its offsets in the scanned text. */
export interface Hit {
  start: number;
  end: number;
  text: string;
  groups: Record<string, string | undefined>;
}

const globals = new WeakMap<RegExp, RegExp>();

/** The global twin of a pattern, compiled once. */
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    globals.set(re, g);
  }
  return g;
}

/** Every match of `re` that lies within `text[from, to)`, with absolute offsets. */
export function hits(re: RegExp, text: string, from = 0, to = text.length): Hit[] {
  const g = globalOf(re);
  const out: Hit[] = [];
  g.lastIndex = from;
  for (let m = g.exec(text); m && m.index < to; m = g.exec(text)) {
    if (m[0] === "") { g.lastIndex++; continue; }
    const end = m.index + m[0].length;
    if (end > to) continue;
    out.push({ start: m.index, end, text: m[0], groups: { ...(m.groups ?? {}) } });
  }
  return out;
}

const CLAUSE_BREAK = /[。\n()（）]|が、|ですが|ものの|一方/g;

/** The clause around `[start, end)`: bounded by 。, line breaks, brackets and 〜が、. */
export function clauseAround(text: string, start: number, end: number): [number, number] {
  let s = 0;
  let e = text.length;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) {
    const at = m.index;
    if (at + m[0].length <= start) s = at + m[0].length;
    else if (at >= end) { e = at + (m[0] === "。" ? 1 : 0); break; }
  }
  return [s, e];
}

const NEGATION = /含まれ(?:て(?:お)?り)?ません|含まれていない|含まれない|含まれず|含んで(?:お)?りません|含んでいない|入って(?:お)?りません|入っていない|入っていません|対象外|ございません|一切ありません|ではありません|ではない|流出していない|漏えいしていない|漏洩していない|保持して(?:お)?りません|保有して(?:お)?りません|取得して(?:お)?りません|取り扱って(?:お)?りません|されておりません|されていません|ありません|保存して(?:お)?りません|保存していません|保有しておらず|管理しておらず|取り扱っておらず|対象外です|対象となっておりません/;

/** True when the clause holding `[start, end)` says it is not so (含まれておりません…). */
export function negated(text: string, start: number, end: number): boolean {
  let from = end;
  const gloss = /^\s*[(（][^)）\n]{0,20}[)）]/.exec(text.slice(end, end + 24));
  if (gloss) from = end + gloss[0].length;
  const e = clauseAround(text, from, from)[1];
  return NEGATION.test(text.slice(from, e));
}

/** Offsets of the line holding position `at`. */
export function lineAround(text: string, at: number): [number, number] {
  const s = text.lastIndexOf("\n", at - 1) + 1;
  let e = text.indexOf("\n", at);
  if (e < 0) e = text.length;
  return [s, e];
}

/** The lines of a text with their offsets. */
export function linesOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    out.push({ start, end, text: text.slice(start, end) });
    start = end + 1;
  }
  return out;
}
