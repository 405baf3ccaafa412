import { kanji2number } from "@geolonia/japanese-numeral";
import { warekiToDate } from "@smarthr/wareki";
import { startedMatches } from "../scan.js";

/** A date written in the text, resolved to the calendar. */
export interface DateMention {
  start: number;
  end: number;
  year: number | null;
  month: number;
  day: number | null;
  /** `YYYY-MM-DD`, `YYYY-MM`, or null when the year is unknown. */
  iso: string | null;
  /** The year was not written and was taken from context. */
  yearInferred: boolean;
  /** Written in a Japanese era (令和6年, R6.1.26). */
  era: boolean;
  /** A news wire's byline date ("(asahi = 1-27-16)"): the article's own. */
  byline?: true;
}

const KANJI = "〇一二三四五六七八九十百千";
const NUM = `(?:\\d{1,2}|[${KANJI}]{1,3})`;
const ERA = "(令和|平成|昭和|R|H|S)";
// What may follow a date before the word that makes it a period's edge: a weekday, a time of day.
const CLOCK = String.raw`\s*(?:[(（][月火水木金土日](?:曜日?)?[)）])?\s*(?:午前|午後|深夜|早朝|未明|夜)?\s*(?:\d{1,2}\s*[:時]\s*(?:\d{1,2}\s*分?)?)?\s*(?:頃|ごろ)?\s*`;
/**
 * What follows a date that opens or closes a period ("3月12日以降", "8月14日頃から", "5月24日 13時30分頃から同月25日まで",
 * "2021年3月17日~2024年1月18日", "May 3 to May 5"), not a day something happened on.
 */
export const PERIOD_EDGE = new RegExp(`^${CLOCK}(?:以降|以後|まで|以前|から|~|〜|～|[-－](?=\\s*(?:\\d|令和|平成))|(?:to|until|through)\\b)`);
// What stands before the second date of a range ("昨年6月 - 2月19日", not a date after a list bullet "- "), or
// before a date a period starts or ends on in English ("between March 2 and August 3, 2023", "from May 1").
const RANGE_END = /[^\s-－―~〜～][^\S\n]*(?:~|〜|～|-|－|―|から)[^\S\n]*$|\b(?:between|from|since|until|through)\s*$|\bbetween\b[^.。]{1,30}\band\s*$|\bfrom\b[^.。]{1,30}\bto\s*$/;

/** True when a date of `text` opens or closes a period rather than standing for a day of its own. */
export function periodEdge(text: string, d: { start: number; end: number }): boolean {
  return PERIOD_EDGE.test(text.slice(d.end, d.end + 24)) || RANGE_END.test(text.slice(Math.max(0, d.start - 40), d.start));
}

/** English month names, January first. */
export const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
// Month names and their abbreviations, longest first.
const EN_MONTH = `(?:${EN_MONTHS.map((m) => (m.length > 3 ? `${m}|${m.slice(0, 3)}` : m)).join("|")}|Sept)`;
// Order matters: the longest forms come first in the alternation.
const DATE_RE = new RegExp(
  [
    `(?<era>${ERA})\\s*(?<ey>元|${NUM})\\s*(?:年|[./])\\s*(?:(?<em>${NUM})\\s*(?:月|[./])\\s*(?:(?<ed>${NUM})(?:\\s*日)?)?)?`,
    `(?<wy>(?:19|20)\\d{2}|[二][〇零][〇零一二三四五六七八九]{2})\\s*年\\s*(?:(?<wm>${NUM})\\s*月\\s*(?:(?<wd>${NUM})\\s*日)?)?`,
    `(?<sy>(?:19|20)\\d{2})\\s*(?<sep>[/.-])\\s*(?<sm>\\d{1,2})\\s*\\k<sep>\\s*(?<sd>\\d{1,2})(?!\\d)`,
    // English, with the year: "November 20, 2025", "Nov. 20, 2025", "20 November 2025"; a month and day alone
    // ("said on November 16") take the year of the context, as 11月16日 does.
    `(?<enm>${EN_MONTH})\\.?\\s(?<end>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s(?<eny>(?:19|20)\\d{2}))?(?!\\d)`,
    `(?<![\\d.])(?<edd>\\d{1,2})(?:st|nd|rd|th)?\\s(?<edm>${EN_MONTH})\\.?,?\\s(?<edy>(?:19|20)\\d{2})(?!\\d)`,
    // "昨年12月28日", "本年 1 月": the year said relative to the notice's own.
    `(?<rel>昨年|去年|前年|今年|本年)\\s*(?<rm>${NUM})\\s*月\\s*(?:(?<rd>${NUM})\\s*日)?`,
    // "同月25日", "同年3月5日": the month or year of the date before.
    `同(?:(?<same>月)|年\\s*(?<ym>${NUM})\\s*月)\\s*(?<yd>${NUM})\\s*日`,
    `(?<![\\d年/.])(?<mm>${NUM})\\s*月\\s*(?<md>${NUM})\\s*日`,
    `(?<![\\d/.]|\\d:)(?<pm>\\d{1,2})/(?<pd>\\d{1,2})(?=\\s*(?:[、,にの(（]|から|まで|より|時点|付|発表|公表|掲載|\\d{1,2}:\\d{2}))`,
    // A timeline row that opens with the date: "10/11 外部からの通報で発覚", "10/13~11/7 警察へ届出".
    `(?<=^|\\n)(?<lm>\\d{1,2})/(?<ld>\\d{1,2})(?=[ \\t~〜～-])`,
    // "25日午後7時頃に検知" after "12月25日…26日": a day of the month of the date before.
    `(?<![\\d月/.年第毎])(?<od>\\d{1,2})\\s*日(?![間本曜経]|以内|程度|分|目|前|後|ぶり|連続|ほど|余り|付近|中|以上|未満|ごと|おき|あたり|当たり)`,
    // A news wire's byline, month-day-year: "(asahi = 1-27-16)"; last, and its source checked after its digits (a look
    // behind tried at every place would cost every text).
    `(?<bm>1[0-2]|0?[1-9])-(?<bd>3[01]|[12]\\d|0?[1-9])-(?<by>\\d{2})(?=\\s?[)])(?<=[(]\\s?[A-Za-z][\\w .]{0,20}?\\s?=\\s?\\d{1,2}-\\d{1,2}-\\d{2})`,
  ].join("|"),
  "gu",
);

/** A numeral in digits or kanji (3, 十二, 元 for an era's first year), or null. */
export function numeral(s: string | undefined): number | null {
  if (s === undefined) return null;
  if (s === "元") return 1;
  if (/^\d+$/.test(s)) return Number(s);
  const n = kanji2number(s.replace(/零/g, "〇"));
  return Number.isFinite(n) ? n : null;
}

function kanjiYear(s: string): number {
  return /^\d+$/.test(s) ? Number(s) : Number([...s].map((c) => "〇一二三四五六七八九".indexOf(c === "零" ? "〇" : c)).join(""));
}

const ERA_NAMES: Record<string, string> = { R: "令和", H: "平成", S: "昭和", 令和: "令和", 平成: "平成", 昭和: "昭和" };

function eraYear(era: string, y: number): number | null {
  // Resolve through the wareki library on 1 July, which every era year contains.
  const r = warekiToDate(`${ERA_NAMES[era]}${y}年7月1日`);
  if (r.isValid) return r.result.getUTCFullYear();
  const base = { 令和: 2018, 平成: 1988, 昭和: 1925 }[ERA_NAMES[era]!];
  return base === undefined ? null : base + y;
}

function valid(month: number | null, day: number | null): boolean {
  return month !== null && month >= 1 && month <= 12 && (day === null || (day >= 1 && day <= 31));
}

function isoOf(year: number | null, month: number, day: number | null): string | null {
  if (year === null) return null;
  const mm = String(month).padStart(2, "0");
  return day === null ? `${year}-${mm}` : `${year}-${mm}-${String(day).padStart(2, "0")}`;
}

/** True when the date at `[start, end)` is the text's own date: in its heading (a first line without 。) or on a line of its own. */
function ownDate(text: string, start: number, end: number): boolean {
  const ls = text.lastIndexOf("\n", start - 1) + 1;
  let le = text.indexOf("\n", end);
  if (le < 0) le = text.length;
  if (text.slice(0, ls).trim() === "" && !text.slice(ls, le).includes("。")) return true;
  return OWN_DATE_LABELS.test((text.slice(ls, start) + text.slice(end, le)).replace(/\s/g, ""));
}

// What may stand beside the notice's own date on its line: a weekday, brackets, a publication label.
const OWN_DATE_LABELS = /^(?:[(（)）[\]【】:：]|[月火水木金土日](?:曜日?)?|公開日?|掲載日?|発表日?|公表日?|更新日?|作成日?|発行日?|日付|付|版)*$/;

// A dated bracket closing an article: 「…謝罪した。（2025年12月3日）」, 「(2025年12月3日 10時30分)」.
const CLOSING_BRACKET = /[(（]\s*$/;
const CLOSING_REST = /^\s*(?:\d{1,2}\s*[:時]\s*\d{0,2}\s*分?)?\s*[)）]\s*$/;

/** True when the full date `d` is the bracketed date a text closes on: a news article's publication time. */
export function closesText(text: string, d: DateMention): boolean {
  return !d.yearInferred && d.year !== null && CLOSING_BRACKET.test(text.slice(Math.max(0, d.start - 2), d.start)) && CLOSING_REST.test(text.slice(d.end));
}
/** What the date pattern matches in a text, before any is resolved: `findDates` may read them twice, with and without a reference. */
export function dateMatches(text: string): RegExpExecArray[] {
  return startedMatches(DATE_RE, text);
}

/**
 * Find the dates written in NFKC text: Western (2024年3月1日, 2024/3/1, 2023 年 11 月 27 日),
 * era (令和6年1月26日, 令和元年, R6.1.26, kanji numerals) and dates without a year, whose year
 * is taken from the closest date before them, else from `ref` (the listing date).
 */
export function findDates(text: string, ref: { year: number; month: number; day?: number } | null = null, matches: readonly RegExpExecArray[] = dateMatches(text)): DateMention[] {
  const out: DateMention[] = [];
  // The year a date without one takes. `event`: it was read from a date of the story (in the body), not
  // from the notice's own date (the listing, the title, a date line), which comes after what it tells.
  let context: { year: number; month: number; event?: boolean } | null = ref;
  for (const m of matches) {
    const g = m.groups!;
    const start = m.index!;
    const end = start + m[0].length;
    let year: number | null = null, month: number | null = null, day: number | null = null;
    let era = false, yearInferred = false;
    if (g.era) {
      if (/^[RHS]$/.test(g.era) && (!g.em || !g.ed)) continue; // "R6" alone is too ambiguous
      const y = numeral(g.ey);
      if (y === null) continue;
      year = eraYear(g.era, y);
      month = numeral(g.em);
      day = numeral(g.ed);
      era = true;
      if (month === null) {
        if (year !== null) context = { year, month: 12 };
        continue; // a bare era year names no date
      }
    } else if (g.wy) {
      year = kanjiYear(g.wy);
      month = numeral(g.wm);
      day = numeral(g.wd);
      if (month === null) continue;
    } else if (g.sy) {
      year = Number(g.sy);
      month = Number(g.sm);
      day = Number(g.sd);
    } else if (g.eny || g.edy) {
      year = Number(g.eny ?? g.edy);
      month = EN_MONTHS.findIndex((m) => m.startsWith((g.enm ?? g.edm)!.slice(0, 3))) + 1;
      day = Number(g.end ?? g.edd);
    } else if (g.enm) {
      month = EN_MONTHS.findIndex((m) => m.startsWith(g.enm!.slice(0, 3))) + 1;
      day = Number(g.end);
      if (context) year = context.year + yearShift(context, month);
      yearInferred = true;
    } else if (g.by) {
      year = 2000 + Number(g.by);
      month = Number(g.bm);
      day = Number(g.bd);
    } else if (g.rel) {
      month = numeral(g.rm);
      day = numeral(g.rd);
      const base = ref ?? context;
      if (base) year = base.year - (/今年|本年/.test(g.rel) ? 0 : 1);
      yearInferred = true;
    } else if (g.yd || g.od) {
      // The month or year of the date before; a day alone only after a full date, or before any date
      // of an article whose byline dates it ("27日、…発表した": that month, or the one before for a later day).
      const prev = out.at(-1);
      day = numeral(g.yd ?? g.od);
      if (!prev && g.od && ref?.day !== undefined && day !== null) {
        const back = day > ref.day;
        year = back && ref.month === 1 ? ref.year - 1 : ref.year;
        month = back ? (ref.month === 1 ? 12 : ref.month - 1) : ref.month;
        yearInferred = true;
      } else {
        if (!prev || prev.year === null || (g.od && prev.day === null)) continue;
        year = prev.year;
        month = g.ym ? numeral(g.ym) : prev.month;
        yearInferred = true;
      }
    } else {
      month = numeral(g.mm ?? g.pm ?? g.lm);
      day = numeral(g.md ?? g.pd ?? g.ld);
      if (context && month !== null) year = context.year + yearShift(context, month);
      yearInferred = true;
    }
    if (!valid(month, day)) continue;
    out.push({ start, end, year, month: month!, day, iso: isoOf(year, month!, day), yearInferred, era, ...(g.by ? { byline: true as const } : {}) });
    // (A month that opens a span of months, 「令和4年1月～12月受診分」, says what the span covers, not the story's year.)
    if (year !== null && !yearInferred && !(day === null && MONTH_SPAN_AFTER.test(text.slice(end, end + 3)))) context = { year, month: month!, event: !ownDate(text, start, end) };
    else if (year !== null && context?.event) context = { year, month: month!, event: true }; // a timeline moves on
  }
  return out;
}

// A range mark after a month: "1月～12月", "4月から".
const MONTH_SPAN_AFTER = /^\s*(?:[~〜～－ー-]|から)/;

/**
 * The year a month without one is in, relative to the context date's: after a date of the story, the
 * nearest ("1月5日" after "12月26日" is next January, "12月28日" after "1月10日" last December);
 * after the notice's own date, never later ("12月28日" in a notice of January is last December).
 */
function yearShift(context: { month: number; event?: boolean }, month: number): number {
  if (!context.event) return month > context.month + 1 ? -1 : 0;
  return month - context.month > 6 ? -1 : context.month - month > 6 ? 1 : 0;
}
