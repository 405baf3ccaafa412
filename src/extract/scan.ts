import { beginningsOf, mayMatch } from "./prefilter.js";
import { textOf, type Reading, type Subject } from "./reading.js";

/** A regex match with its offsets in the scanned text (shared between callers: read only). */
export interface Hit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly groups: Readonly<Record<string, string | undefined>>;
}

const globals = new WeakMap<RegExp, RegExp>();
const NO_HITS: readonly Hit[] = Object.freeze([]);
const NO_GROUPS: Readonly<Record<string, string | undefined>> = Object.freeze({});

/** The global twin of a pattern, compiled once. */
function globalOf(re: RegExp): RegExp {
  let g = globals.get(re);
  if (!g) {
    g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
    globals.set(re, g);
  }
  return g;
}

/** Every match of `g` from `from` on that lies before `to`, with absolute offsets. */
function scan(g: RegExp, text: string, from: number, to: number): Hit[] {
  const out: Hit[] = [];
  g.lastIndex = from;
  for (let m = g.exec(text); m && m.index < to; m = g.exec(text)) {
    if (m[0] === "") { g.lastIndex++; continue; }
    const end = m.index + m[0].length;
    if (end > to) continue;
    out.push({ start: m.index, end, text: m[0], groups: m.groups ?? NO_GROUPS });
  }
  return out;
}

/**
 * Every match of the global pattern `re` in `text` from its lastIndex on, as `text.matchAll(re)` gives them, read
 * with `re` itself: matchAll copies the pattern on every call, which costs more than the scan for a long one.
 * `re`'s lastIndex is as it was whenever a match is handed out.
 */
export function* matchesOf(re: RegExp, text: string): Generator<RegExpExecArray, void, undefined> {
  const saved = re.lastIndex;
  let at = saved;
  for (;;) {
    re.lastIndex = at;
    const m = re.exec(text);
    at = re.lastIndex;
    re.lastIndex = saved;
    if (m === null) return;
    // An empty match moves on by one character, as matchAll does (a surrogate pair under /u and /v).
    if (m[0] === "") at += /[uv]/.test(re.flags) && isPair(text, at) ? 2 : 1;
    yield m;
  }
}

/** A pattern to try only where its matches can begin: a class of their first code units, and the pattern made sticky. */
interface Started {
  start: RegExp;
  at: RegExp;
}

const started = new WeakMap<RegExp, Started | null>();

/** How `re` is tried where its matches begin; null when they may begin anywhere, or on a surrogate (which a unicode scan steps over). */
function startedOf(re: RegExp): Started | null {
  let s = started.get(re);
  if (s === undefined) {
    const firsts = beginningsOf(re)?.firsts;
    s = !firsts || firsts.some((c) => c >= 0xd800 && c <= 0xdfff) ? null : {
      start: new RegExp(`[${Array.from(firsts, (c) => `\\u${c.toString(16).padStart(4, "0")}`).join("")}]`, "g"),
      at: new RegExp(re.source, re.flags.includes("y") ? re.flags : re.flags + "y"),
    };
    started.set(re, s);
  }
  return s;
}

/**
 * Every match of the global pattern `re` in `text` from its start, as `matchesOf` gives them when none is empty, with `re`
 * tried only where a character one of its matches begins with stands. A long pattern that the regex engine tries at every
 * character (DATE_RE, in unicode mode) is then tried at a few.
 */
export function startedMatches(re: RegExp, text: string): RegExpExecArray[] {
  const s = startedOf(re);
  if (s === null) return [...matchesOf(re, text)];
  const out: RegExpExecArray[] = [];
  for (let from = 0; ;) {
    s.start.lastIndex = from;
    if (!s.start.test(text)) return out;
    const p = s.start.lastIndex - 1;
    s.at.lastIndex = p;
    const m = s.at.exec(text);
    if (m !== null) out.push(m);
    from = m === null ? p + 1 : Math.max(s.at.lastIndex, p + 1);
  }
}

/** True when `text[at, at + 2)` is a surrogate pair. */
function isPair(text: string, at: number): boolean {
  const a = text.charCodeAt(at), b = text.charCodeAt(at + 1);
  return a >= 0xd800 && a <= 0xdbff && b >= 0xdc00 && b <= 0xdfff;
}

/** Every match of a pattern in a reading's text; a text holding none of the ways a match begins is not scanned at all. */
function scanReading(text: string, re: RegExp, reading: Reading): Hit[] {
  const g = globalOf(re);
  return mayMatch(g, reading.chars) ? scan(g, text, 0, text.length) : [];
}

/** Index of the first hit starting at or after `at` (hits are in text order). */
function firstFrom(found: readonly Hit[], at: number): number {
  let lo = 0;
  let hi = found.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (found[mid]!.start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Every match of `re` that lies within `text[from, to)`, with absolute offsets. A Reading's text is
 * scanned once per pattern (rules and taggers ask many patterns of one notice, often region by region);
 * a bare string is scanned each time.
 */
export function hits(re: RegExp, subject: Subject, from = 0, to = textOf(subject).length): readonly Hit[] {
  if (typeof subject === "string") return scan(globalOf(re), subject, from, to);
  const text = subject.text;
  const found = subject.once(re, scanReading);
  if (found.length === 0) return NO_HITS;
  const i = firstFrom(found, from);
  // A match of the whole text that runs across `from` hides what a scan starting there finds.
  if (i > 0 && found[i - 1]!.end > from) return scan(globalOf(re), text, from, to);
  const out: Hit[] = [];
  for (let k = i; k < found.length && found[k]!.start < to; k++) {
    if (found[k]!.end <= to) out.push(found[k]!);
  }
  return out;
}

const CLAUSE_BREAK = /[。\n()（）]|が、|ですが|ものの|一方/g;

/** Offsets of the clause breaks of `text`: starts and ends, in text order. */
function clauseBreaks(text: string): { starts: Int32Array; ends: Int32Array } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of matchesOf(CLAUSE_BREAK, text)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Number of leading values of the ascending `xs` that are below `limit`. */
function countBelow(xs: Int32Array, limit: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < limit) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The clause around `[start, end)` (start <= end): bounded by 。, line breaks, brackets and 〜が、. */
export function clauseAround(subject: Subject, start: number, end: number): [number, number] {
  const text = textOf(subject);
  const { starts, ends } = typeof subject === "string" ? clauseBreaks(text) : subject.once(clauseBreaks, clauseBreaks);
  const before = countBelow(ends, start + 1); // breaks ending at or before `start`
  const after = countBelow(starts, end); // the first break starting at or after `end`
  const s = before > 0 ? ends[before - 1]! : 0;
  const at = starts[after];
  const e = at === undefined ? text.length : at + (text[at] === "。" ? 1 : 0);
  return [s, e];
}

// A negation that qualifies a noun (配信対象ではないお客様, 配信を希望されていないお客様) describes it and denies nothing;
// "流出はない模様", "表示されない仕様" and the like still deny.
const ATTRIBUTIVE = /^\s?(?!模様|見込み|状況|様子|予定|もの|仕様|設定|構成|形|状態|ため|方針|扱い|管理)[一-龥ァ-ヴーおご]/;
const NEGATION = /含まれ(?:て(?:お)?り|てい)?ません|含まれていない|含まれない|含まれず|含んで(?:お)?りません|含んでいない|入って(?:お)?りません|入っていない|入っていません|対象外|ございません|一切ありません|ではありません|ではない|(?:流出|漏えい|漏洩)して(?:い(?:ない|ません)|おりません|おらず)|されておりません|されていません|されていない|されませんでした|確認されません|(?:表示|送信|保存|記録|記載|登録|送付|添付|保持|保管|格納|入力|含)されない|ありません|(?:取り?扱っ|保持し|保有し|保存し|保管し|取得し|管理し|預かっ|預かりし|登録し|記録し|格納し)て(?:お|い)(?:りません|ません|ない|らず)|対象外です|対象となっておりません|(?:は|も)ない(?![かでよ])|(?:は|も|が)(?:無い|無かった|無し|無く(?!な))|されておらず|がない(?:こと|と(?:判断|確認))|なかった|ありませんでした|ないと(?:判断|考え|思われ)|ないものと|認められ(?:ない|ません)|可能性は(?:極めて)?(?:低い|低く|ない|ありません)|考えにくい/g;

// English denials of exposure: "email addresses were not affected", "card data wasn't accessed".
const NEGATION_EN = /\b(?:(?:was|were|is|are|has|have|had)(?: been)? not|(?:wasn|weren|isn|aren|hasn|haven)['’]t(?: been)?|not) (?:affected|included|involved|leaked|exposed|compromised|stolen|accessed|taken)\b/i;
// An English denial right before a word: "but not", "not including", "excluding", "other than", "No credit card information is stored";
// or a doubt: "it has not been confirmed whether any personal information has been leaked", "there is no evidence that
// personal information has been leaked".
const DENIED_BEFORE_EN = /\b(?:but not|not including|excluding|other than|no|whether|no (?:evidence|indication|sign)s? (?:that|of))\s(?:(?:any|their|the|its)\s)?$/i;
// An English sentence's end: a clause read for an English denial stops there (at its very start, when the word read ends the sentence).
const ENGLISH_STOP = /(?:^|(?<=[a-z0-9)]))\.(?=\s|$)/;

// The word's own leak opening a list of harms: "(情報)の流出や、…".
const LEAK_LISTED = /^[^、。]{0,6}(?:流出|漏えい|漏洩)(?:や|、|及び|および)/;
// A denial whose topic is misuse or harm, not the data or event named before it.
const MISUSE_TOPIC = /(?:二次被害|不正利用|悪用|被害|影響)[^、。]{0,10}(?:は|も)[^、。]{0,8}$/;

// A verb clause joined to the next one ("…閲覧されていた件に関して、…", "…認められず、…"): the
// predicate that can deny a word ends there, even though 、 alone does not end a clause.
const VERB_JOIN = /(?:て|ず|ところ|結果|ので|ため|遭い|受け|あり|おり|(?:のみ|だけ)で|(?<=[一-龥])し)、/;

// A denial that the data was hit at all, after the reason why (…で管理しているため、流出の対象ではありません;
// …暗号化して保存しているため、流出はなかったもの; …別のシステムで管理しており、影響はありません).
const REASONED_DENIAL = /^[^、。]{0,12}(?:対象(?:外|では(?:ありません|ない)|となっておりません)|含まれ(?:ておりません|ていません|ません|ない)|(?:流出|漏えい|漏洩)(?:して|は)(?:おりません|いません|ない|なかった|ございません)|(?:流出|漏えい|漏洩)の(?:可能性|おそれ)は(?:極めて)?(?:低い|低く|ない|ありません)|影響は(?:ありません|ございません|ない))/;

/** True when the clause holding `[start, end)` says it is not so (含まれておりません…). */
export function negated(subject: Subject, start: number, end: number): boolean {
  const text = textOf(subject);
  // "…dates of birth, but not credit card numbers": an English denial stands before the word.
  if (DENIED_BEFORE_EN.test(text.slice(Math.max(0, start - 24), start))) return true;
  // "メールアドレス以外の個人情報は含まれておりません" says the word itself is in.
  if (/^\s*以外/.test(text.slice(end, end + 4))) return false;
  let from = end;
  const gloss = /^\s*[(（][^)）\n]{0,20}[)）]/.exec(text.slice(end, end + 24));
  if (gloss) from = end + gloss[0].length;
  let clause = text.slice(from, clauseAround(subject, from, from)[1]);
  const join = VERB_JOIN.exec(clause);
  // "クレジットカード情報は決済代行会社で管理しているため、流出の対象ではありません", "…は異なる環境で管理し、外部への流出はない":
  // a reason, then the denial of the word.
  if (join && /^(?:ため|ので|し|おり|あり)、$/.test(join[0]) && REASONED_DENIAL.test(clause.slice(join.index + join[0].length))) return true;
  if (join) clause = clause.slice(0, join.index + join[0].length);
  let no: RegExpExecArray | undefined;
  for (const m of matchesOf(NEGATION, clause)) {
    if (m[0].endsWith("ない") && ATTRIBUTIVE.test(clause.slice(m.index + m[0].length))) continue;
    no = m;
    break;
  }
  if (!no) {
    if (!/n[o'’]t/.test(clause)) return false; // no English denial can be there: not read further
    const stop = ENGLISH_STOP.exec(clause);
    return NEGATION_EN.test(stop ? clause.slice(0, stop.index) : clause);
  }
  // "お客さま情報の流出や、不正な取引などの被害は確認されておりません": the word's leak is one of the harms denied.
  if (LEAK_LISTED.test(clause) && /など|等/.test(clause.slice(0, no.index))) return true;
  // "…電話番号でいまの所、二次被害は確認されていない": the denial is about misuse, not the word.
  return !MISUSE_TOPIC.test(clause.slice(Math.max(0, no.index - 20), no.index));
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
