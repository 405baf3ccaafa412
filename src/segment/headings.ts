import { LEGAL_FORM } from "../core/vocab/organizations.js";
import { isBlank, type Line } from "./lines.js";

/** A line holding only an organisation's name: a legal form and a name, or a name that ends like a body or an institution (no 、: not a headline). */
export const ORG_LINE = new RegExp(`^(?:${LEGAL_FORM})[^\\s、。,「」]{1,30}$|^[^\\s、。,「」]{1,30}(?:${LEGAL_FORM}|協会|組合|財団|機構|大学|病院|市|町|村|区|県|都|府|庁|省|委員会|会議所|協議会|連合会|連盟|学会|学園|学校|学院|研究所|センター|クリニック|医院|診療所|薬局|銀行|信用金庫|ホテル|旅館|事務所)$`);
/** A letterhead's name line in English: "Kanda Electronics Co., Ltd.". */
export const ENGLISH_ORG_LINE = /^[A-Z][\w&.,'’ -]{1,60}\s(?:Co\.,?\s?Ltd\.|Inc\.|Corporation|Corp\.|Ltd\.|Holdings)$/;

/** A place where a post starts, and what the container says about the post. */
export interface Heading {
  /** Offset in the text where the post starts. */
  start: number;
  /** Offsets of the post's title (a heading line, the line after a listing's day line, a lead's headline). */
  titleStart: number;
  titleEnd: number;
  /** The post comes from a casebook-style blog heading (【…#2024-046】). */
  casebook: boolean;
  /** The post is an entry of a news listing. */
  listing: boolean;
  /** Date the container gives the post, `YYYY-MM-DD`. */
  date: string | null;
  /** The news category in front of the title, if any. */
  category: string | null;
  /** False when the "title" is only the post's first sentence (a news item with no headline). */
  titled?: boolean;
  /** The post is a row of a table whose columns are about incidents (流出件数, 被害…). */
  tableRow?: boolean;
  /** Where the post ends when the layout knows it before the next post starts (a digest's bullet, not the remark after it). */
  end?: number;
}

/** A heading on a line of its own (most layouts): the whole line titles the post. */
export function lineHeading(line: Line, over: Partial<Heading> = {}, titleLine: Line = line): Heading {
  const lead = titleLine.text.length - titleLine.text.trimStart().length;
  return {
    start: line.start, titleStart: titleLine.start + lead, titleEnd: titleLine.start + titleLine.text.trimEnd().length,
    casebook: false, listing: false, date: null, category: null, ...over,
  };
}

export const CASEBOOK = /^\s*【[^】\n]{0,40}#\s*\d{4}\s*-\s*\d{1,4}\s*】/;
// 【搭乗記】Title — a bracketed label followed by a title on the same line (not 【誤】From: …, an annotated example).
const LABELLED_TITLE = /^\s*【([^】\n]{2,16})】\s*(?!(?:From|To|Cc|Subject|件名|差出人|送信者|宛先)\s*[:：])(\S.{5,})$/i;
// Labels that introduce a block inside a post rather than a new post.
const BLOCK_LABEL = /状況|原因|対応|概要|経緯|URL|影響|対策|注意|件名|情報|内容|目的|背景|対象|現象|事象|日時|期間|範囲|お問い合わせ|問合せ|更新|追記|公表日|発表日|掲載日|公開日|日付|出典|重要|続報|訂正|お知らせ|速報|第\d+報|PR|広告|お詫び|おわび|ご報告|報告|復旧|障害|緊急|再掲|追加|注意喚起|解決|完了/;
// The day a post or an item was made public, the word that says so on either side: 7月26日公表, 公表 3/3, 3/6 発表.
const PUBLISHED = String.raw`(?:(?:公表|発表|掲載|公開)日?\s*[:：]?\s*(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?|(\d{1,2})\s*[月/]\s*(\d{1,2})\s*日?\s*(?:公表|発表|掲載|公開))`;
// A label giving it: 【7月26日公表】, 【5月2日発表】.
const PUBLISHED_DAY = new RegExp(`^\\s*${PUBLISHED}\\s*$`);
/** It in brackets closing a line: "■X町教育委員会(11月15日公表)", "① X:…(公表 3/3)", after a legal name: "(株式会社X、9月12日公表)". */
export const PUBLISHED_AFTER = new RegExp(`\\s*[(（]\\s*(?:[^()（）、\\n]{2,30}、\\s*)?${PUBLISHED}\\s*[)）]\\s*$`);

// A day alone in a label, perhaps with its weekday: 【11/11(月)】, 【3月4日】.
const DAY_LABEL = /^\s*(\d{1,2})\s*[/月]\s*(\d{1,2})\s*日?\s*(?:\([月火水木金土日]\))?\s*$/;

/** The month and day a match of PUBLISHED_DAY or PUBLISHED_AFTER gives. */
function publishedOn(m: RegExpExecArray): [month: string, day: string] {
  return [m[1] ?? m[3]!, m[2] ?? m[4]!];
}

/** The day an item's text opens by saying it was made public ("10月15日公表。"), in the year of the page's `lines` (postYear), `YYYY-MM-DD`; or null. */
export function publishedLead(text: string, lines: Line[]): string | null {
  const m = PUBLISHED_LEAD.exec(text.normalize("NFKC"));
  const year = m ? m[1] ?? postYear(lines, m[2]) : undefined;
  return m && year ? iso(year, m[2]!, m[3]!) : null;
}

/** The day a line closing on it in brackets was made public ("…被害(4/3公表)"), in the year of the page's `lines` (postYear), `YYYY-MM-DD`; or null. */
export function publishedAfter(text: string, lines: Line[]): string | null {
  const m = PUBLISHED_AFTER.exec(text.normalize("NFKC"));
  const [month, day] = m ? publishedOn(m) : [];
  const year = month ? postYear(lines, month) : undefined;
  return year ? iso(year, month!, day!) : null;
}
const TRAILING_DATE = /[\s　]+[(（]?((?:19|20)\d{2})[\/.年-]\s*(\d{1,2})[\/.月-]\s*(\d{1,2})日?[)）]?\s*$/;
// A day on a line of its own, perhaps with its month and weekday: "10日", "11月24日(月)".
const DAY_LINE = /^\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日\s*(?:[(（][月火水木金土日][)）])?\s*$/;
// A year in the page's header (「…週報 2026年第48週」): the year of day lines under no month header.
// A year in a page's header: 「2026年12月号」, a fiscal year 「令和6年度」 (read in western years), or a full date 「まとめ(2025/3/3〜3/9)」.
const HEADER_YEAR = /((?:19|20)\d{2})\s*(?:年(度)?|[./-]\s*\d{1,2}\s*[./-]\s*\d{1,2}(?!\d))/;
const MONTH_HEADER = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(?:分|の一覧|のニュース)?\s*$/;
/** A full date as the layouts read it, year, month and day captured (2026年11月20日, 2026/11/20, 2026.11.20): a regex source. */
export const YMD = String.raw`((?:19|20)\d{2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?`;
// A weekday after a date: (水), (Thu).
const WEEKDAY = String.raw`(?:[(（][^)）]{1,3}[)）])?`;
// A date on a line of its own, with perhaps its weekday and time: "2025年11月12日", "2025.11.12 (水)", "2026年11月20日 09:30".
// (Or what the day was: "2026年5月14日公表", "2026.11.20 更新".)
const DATE_ALONE = new RegExp(String.raw`^\s*${YMD}\s*${WEEKDAY}\s*(?:\d{1,2}\s*[:時]\s*\d{2}\s*分?)?\s*(?:公表|発表|掲載|更新|公開)?\s*$`);
// A listing's date line with the entry's kind after it ("2026.11.28 ニュース", "2026年11月27日 プレスリリース"): the title is below.
const DATE_KIND = new RegExp(String.raw`^\s*${YMD}\s*${WEEKDAY}(?:\s*[|｜]\s*|\s+)([^\s。、,.:：|｜]{1,8})\s*$`);
// A listing's entry that opens with its date: "2024/3/7 title", "■2026/11/27 株式会社X …".
const DATED_LINE = new RegExp(String.raw`^\s*(?:[■□◆◇●○▼▶・]\s*)?${YMD}\s*[\s:：|｜]\s*(\S.{5,})$`);
// An entry dated in brackets before its title: "[2025/05/02] 株式会社X、…".
const BRACKET_DATED = new RegExp(String.raw`^\s*[[［【]\s*${YMD}\s*[\]］】]\s*(\S.{5,})$`);
// A listing's label for an entry's kind, not a title: 重要なお知らせ, ニュースリリース.
const ENTRY_LABEL = /^(?:【?重要】?\s*)?(?:重要なお知らせ|お知らせ|ニュース|ニュースリリース|プレスリリース|更新情報|トピックス|新着情報|IR情報|IRニュース)$/;
const LISTING_UI = /^\s*(内容を(非)?表示(に)?する|続きを読む|詳細を見る|もっと見る|more|read more)\s*$/i;
/** Lines that end a listing: pagination, footers. */
export const LISTING_END = /^\s*(?:\d+\s+){3,}|次の\d+件|前の\d+件|Page\s*Top|ページの先頭|Copyright|©|All Rights Reserved/i;
// Category labels of Japanese security news listings, before the title on the same line.
const CATEGORY = /^(セキュリティ対策|サイバー攻撃|不正アクセス|内部不正\/ミス|内部不正|ミス|行政機関\/公的機関からの情報|その他|システム障害|ウイルス|ウイルス情報|脆弱性|情報漏えい|情報漏洩|紛失・盗難|誤送信|フィッシング|個人情報漏えい)\s+/;

// An era's year in digits (令和8年, 平成31年, 令和元年): public bodies date their lists so.
const ERA_YEAR = /(令和|平成)\s*(\d{1,2}|元)\s*年/g;
const ERA_BASE: Record<string, number> = { 令和: 2018, 平成: 1988 };
/** A line with its era years written as Western ones (令和8年5月14日 → 2026年5月14日), for the date patterns. */
export function westernYears(t: string): string {
  return t.includes("和") || t.includes("成") ? t.replace(ERA_YEAR, (_, era: string, y: string) => `${ERA_BASE[era]! + (y === "元" ? 1 : Number(y))}年`) : t;
}

/** `YYYY-MM-DD` for a year, month and day, or null when they make no date. */
export function iso(y: string | number, m: string | number, d: string | number): string | null {
  const yy = Number(y), mm = Number(m), dd = Number(d);
  if (!(mm >= 1 && mm <= 12 && dd >= 1 && dd <= 31)) return null;
  return `${yy}-${String(mm).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
}

// A post's meta line under its headline: "投稿日:2026年11月25日 カテゴリー:事件簿", "【公表日】2026年11月18日",
// "出典:みなと新聞 2026/11/20", "Posted on 2026-11-25 by …".
const POSTED = new RegExp(String.raw`^\s*(?:[【\[]?(?:投稿日(?:時)?|公開日|掲載日|配信日|更新日|公表日|発表日|Posted(?: on)?|Published(?: on)?)[】\]]?|(?:出典|配信元|提供|Source)\s*[:：]\s*[^\s:：]{1,24})\s*[:：]?\s*${YMD}(?:\s+\S.{0,40})?$`);

/** The date of a post's meta line ("投稿日:2026年11月25日 カテゴリー:…"), `YYYY-MM-DD`, or null. */
export function postedOn(text: string): string | null {
  const m = POSTED.exec(text.normalize("NFKC").trim());
  return m ? iso(m[1]!, m[2]!, m[3]!) : null;
}

/** The date at the end of a heading line ("… 2024/3/7"), `YYYY-MM-DD`. */
export function trailingDate(text: string): string | null {
  const m = TRAILING_DATE.exec(text.normalize("NFKC"));
  return m ? iso(m[1]!, m[2]!, m[3]!) : null;
}

/** The year a page's header names (「セキュリティ通信 2026年12月号」, 「…週報 2026年第48週」, 「まとめ(2025/3/3〜3/9)」): the year of its days given without one. */
export function pageYear(lines: Line[]): string | null {
  return headerYear(lines)?.[1] ?? null;
}

/** The year of a day the page gives as a month and day: the header's year, the next one for January to March of a fiscal year. */
export function yearOfDay(lines: Line[], month: number): string | null {
  const m = headerYear(lines);
  return m ? String(Number(m[1]) + (m[2] && month <= 3 ? 1 : 0)) : null;
}

/** The first year the page's first lines name. */
function headerYear(lines: Line[]): RegExpExecArray | null {
  return lines.filter((l) => !isBlank(l)).slice(0, 3).map((l) => HEADER_YEAR.exec(westernYears(l.text.normalize("NFKC")))).find((m) => m !== null) ?? null;
}

/**
 * The year of a day in `month` that a page dated by its header's full date (2022-01-08) writes without one: the
 * header's, or the year before for a month after the header's (a January review of December).
 */
function postYear(lines: Line[], month: string | undefined): string | undefined {
  const m = headerYear(lines);
  if (!m) return undefined;
  const posted = /[./-]\s*(\d{1,2})\s*[./-]/.exec(m[0])?.[1];
  return posted && month && Number(month) > Number(posted) ? String(Number(m[1]) - 1) : m[1];
}

/** Split a listing title line into its category label and the rest. */
export function splitCategory(title: string): { category: string | null; rest: string } {
  const m = CATEGORY.exec(title);
  if (m) return { category: m[1]!, rest: title.slice(m[0].length) };
  // "カテゴリ タイトル/組織名": a short first word before the title of an entry that names its source.
  const g = /^(\S{2,16})\s+(\S.{5,})$/.exec(title);
  if (g && g[2]!.includes("/") && !/[。、]/.test(g[1]!)) return { category: g[1]!, rest: g[2]! };
  return { category: null, rest: title };
}

/** A news listing: day lines ("10日") under month headers, each followed by an entry's title. */
export function dayListing(lines: Line[]): Heading[] {
  if (lines.filter((l) => DAY_LINE.test(l.text.normalize("NFKC"))).length < 2) return [];
  const out: Heading[] = [];
  let year: string | null = pageYear(lines), month: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text.normalize("NFKC");
    const mh = MONTH_HEADER.exec(t);
    if (mh && t.length < 60) { year = mh[1]!; month = mh[2]!; continue; }
    const d = DAY_LINE.exec(t);
    if (!d) continue;
    let j = i + 1;
    while (j < lines.length && (isBlank(lines[j]) || LISTING_UI.test(lines[j]!.text))) j++;
    if (j >= lines.length || DAY_LINE.test(lines[j]!.text.normalize("NFKC"))) continue;
    const m = d[1] ?? month;
    const date = year && m ? iso(year, m, d[2]!) : null;
    out.push(lineHeading(lines[i]!, { listing: true, date, category: splitCategory(lines[j]!.text.trim()).category }, lines[j]!));
    // Several bullets under one day (a calendar of incidents): each is an entry of that day.
    let k = j;
    while (k < lines.length && BULLET_LINE.test(lines[k]!.text)) k++;
    if (k - j >= 2) for (const l of lines.slice(j + 1, k)) out.push(lineHeading(l, { listing: true, date, category: splitCategory(l.text.trim()).category }));
  }
  return out;
}

// A bulleted line: "・株式会社X:…".
const BULLET_LINE = /^\s*[・•●○◆◇■□*\-]\s*\S/;

// A line naming a body's departments and nothing else: 健康福祉部 障害福祉課, 教育委員会 高校教育課, 税務課.
const UNIT_LINE = /^(?:[\u4e00-\u9fff]{1,10}(?:部|局|委員会|本部)\s*)?[\u4e00-\u9fff]{1,12}(?:課|室|係|センター)$/;

// A category line of a news index: short, no particle, no sentence ("インシデント・事故", "製品・サービス").
const ENTRY_CATEGORY = /^[^\s、。!?！？のをがにではと]{2,12}$/;

/**
 * A listing whose entries start with their date (three or more): "2024/3/7 title" on one line, or a date
 * on a line of its own above the title (a news index: "2025年11月12日" then "…に関するお知らせ"), or end with it
 * ("…について 2026年11月20日").
 */
export function datedLines(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const t = westernYears(lines[i]!.text.normalize("NFKC"));
    const m = DATED_LINE.exec(t) ?? BRACKET_DATED.exec(t);
    // (A date before a label, 2024.11.15 重要なお知らせ, is a date line naming the entry's kind: the title is below.
    // So is a date barred off from a short category with the headline on the next line: 「2024.10.28 ｜ ランサムウェア」.)
    const category = m?.[4]!.trim().replace(/^[|｜]\s*/, "") ?? "";
    const headline = m ? categoryOver(lines, i, category, t) : null;
    if (m && headline) { out.push(lineHeading(lines[i]!, { listing: true, date: iso(m[1]!, m[2]!, m[3]!), category }, headline)); continue; }
    if (m && !ENTRY_LABEL.test(m[4]!.trim())) { out.push(lineHeading(lines[i]!, { listing: true, date: iso(m[1]!, m[2]!, m[3]!) })); continue; }
    // "…の紛失について 2026年11月20日": the date after the title (a press-release index).
    const after = TRAILING_DATE.exec(t);
    const head = after ? t.slice(0, after.index).trim() : "";
    // (A casebook heading or a numbered headline dated at its end belongs to its own layout.)
    if (after && !postedOn(t) && head.length >= 6 && head.length <= 100 && !/[。.]$/.test(head) && !DATE_ALONE.test(head) && !ORG_LINE.test(head) && !CASEBOOK.test(head) && !/^\s*(?:[0-9]{1,3}\s*[.、)]|[■□◆◇●○・•【])/.test(head)) {
      out.push(lineHeading(lines[i]!, { listing: true, date: iso(after[1]!, after[2]!, after[3]!) }));
      continue;
    }
    const kind = DATE_KIND.exec(t);
    const alone = DATE_ALONE.exec(t) ?? (kind && !ORG_LINE.test(kind[4]!) ? kind : null);
    if (!alone) continue;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j])) j++;
    // A news index may put the entry's category on its own line between the date and the title (インシデント・事故).
    const next = lines[j + 1];
    if (lines[j] && next && !isBlank(next) && ENTRY_CATEGORY.test(lines[j]!.text.trim()) && next.text.trim().length >= 8 && !DATE_ALONE.test(next.text.normalize("NFKC"))) j++;
    const title = lines[j];
    // Under its date, a release's title may read as a sentence (「…を発売します」) but is short and unstopped.
    const tt = title?.text.trim() ?? "";
    // A public body's list of its errors names the department under each date (健康福祉部 障害福祉課): the entry has no title.
    const unit = UNIT_LINE.test(tt);
    // A letterhead's date above the organisation's name titles nothing.
    if (!title || j - i > 2 || DATE_ALONE.test(title.text.normalize("NFKC")) || (tt.length < 6 && !unit) || tt.length > 100 || /[。.]$/.test(tt) || ORG_LINE.test(tt) || ENGLISH_ORG_LINE.test(tt)) continue;
    out.push(lineHeading(lines[i]!, { listing: true, date: iso(alone[1]!, alone[2]!, alone[3]!), ...(unit ? { titled: false } : {}) }, title));
  }
  return out.length >= 3 ? out : [];
}

/** The headline under a date line whose rest is a category barred off from the date (2024.10.28 ｜ 設定ミス), or null. */
function categoryOver(lines: Line[], i: number, rest: string, line: string): Line | null {
  if (!/[|｜]/.test(line.slice(0, line.lastIndexOf(rest))) || !ENTRY_CATEGORY.test(rest)) return null;
  const next = lines[i + 1];
  const t = next?.text.trim() ?? "";
  return next && t.length >= 8 && t.length <= 100 && !/[。.]$/.test(t) && !DATED_LINE.test(next.text.normalize("NFKC")) ? next : null;
}

/** Blog posts: casebook markers and 【label】title lines (two or more of them in all). */
export function blogPosts(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  const labelled: Heading[] = [];
  lines.forEach((l, i) => {
    const t = l.text;
    // A date on the line right above the heading dates the post and opens it ("2026年11月27日" / "【不正アクセス】…").
    const above = lines[i - 1] ? DATE_ALONE.exec(lines[i - 1]!.text.normalize("NFKC")) : null;
    const opened = (over: Partial<Heading>) => above
      ? lineHeading(lines[i - 1]!, { ...over, date: over.date ?? iso(above[1]!, above[2]!, above[3]!) }, l)
      : lineHeading(l, over);
    if (CASEBOOK.test(t)) {
      out.push(opened({ casebook: true, date: trailingDate(t) }));
      return;
    }
    const m = LABELLED_TITLE.exec(t);
    // A label that is the day of publication (【7月26日公表】), or a day alone (【11/11(月)】), dates the post, in the page's year.
    const label = m ? PUBLISHED_DAY.exec(m[1]!.normalize("NFKC")) : null;
    const alone = m && !label ? DAY_LABEL.exec(m[1]!.normalize("NFKC")) : null;
    const day = label ? publishedOn(label) : alone ? [alone[1]!, alone[2]!] as [string, string] : null;
    const year = day ? yearOfDay(lines, Number(day[0])) : null;
    if (m && !BLOCK_LABEL.test(m[1]!) && !/[。．]\s*$/.test(t) && t.length <= 150) labelled.push(opened({ date: trailingDate(t) ?? (year ? iso(year, day![0], day![1]) : null) }));
  });
  // One labelled line alone titles the page; several divide it into posts.
  return [...out, ...(out.length + labelled.length >= 2 ? labelled : [])].sort((a, b) => a.start - b.start);
}

const READ_MORE = /^\s*(?:続きを読む|続きを見る|もっと読む|Read more|Continue reading|詳しくはこちら)\s*[>＞›»…]*\s*$/i;

/** On an index of excerpts, the line after each "続きを読む" titles the next post. */
export function readMoreIndex(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!READ_MORE.test(lines[i]!.text)) continue;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j])) j++;
    if (j < lines.length && !READ_MORE.test(lines[j]!.text)) {
      out.push(lineHeading(lines[j]!, { casebook: CASEBOOK.test(lines[j]!.text), date: trailingDate(lines[j]!.text) }));
    }
  }
  return out;
}

// An item's text opening on the day it was made public: 「10月22日の公表。」, 「11月9日にお知らせが出ていました」.
const PUBLISHED_LEAD = /^\s*(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日(?:の|に)?(?:公表|発表|お知らせ)/;
// "■ 3月4日公表 株式会社X：title" — a digest's entry: a bullet, maybe a date, a name, a colon.
const DIGEST_HEADING = /^\s*[■◆●▼□◇★☆]\s*(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日\s*(?:公表|発表|公開)?\s*)?[^：:。]{2,40}(?<!\d)[：:](?!\d)\s*\S.{4,}$/;
const PAGE_DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/;

/** Entries of a digest: three or more bulleted "name: title" lines, each followed by text. */
export function digest(lines: Line[]): Heading[] {
  // (A circled number marks an item as well: NFKC reads ① as 1, so the mark is read before.)
  const marked = (t: string) => DIGEST_HEADING.test(t.normalize("NFKC")) || (/^\s*[①-⑳]/.test(t) && DIGEST_HEADING.test(`■${t.trimStart().slice(1)}`.normalize("NFKC")));
  const cands = lines.filter((l, i) => marked(l.text) && !/[。]\s*$/.test(l.text) && !isBlank(lines[i + 1]));
  if (cands.length < 3) return [];
  const page = lines.slice(0, 8).map((l) => PAGE_DATE.exec(l.text.normalize("NFKC"))).find(Boolean);
  return cands.map((l) => {
    const t = l.text.normalize("NFKC");
    // The day it was made public: 「3月3日公表」, or in brackets after the item 「(公表 3/3)」, or opening its text 「10月22日の公表。」.
    const d = /(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日\s*(?:公表|発表|公開)?/.exec(t);
    const year = d ? d[1] ?? page?.[1] ?? postYear(lines, d[2]) : undefined;
    const date = d ? (year ? iso(year, d[2]!, d[3]!) : null) : publishedAfter(t, lines) ?? publishedLead(lines[lines.indexOf(l) + 1]?.text ?? "", lines);
    return lineHeading(l, { date });
  });
}

// A line that could title an unmarked post: short, not a sentence, not a list item or label.
const NOT_TITLE_START = /^[\s・･●○◆◇■□▼▽▲△※＊*\-–—>＞〇◎★☆✓✔①-⑳⑴-⒇\d０-９(（【「『〈《\[〔<]/;

/** True when a line could be the title of an unmarked post. */
export function couldBeTitle(line: Line): boolean {
  const t = line.text.trim();
  if (t.length < 8 || t.length > 100) return false;
  if (NOT_TITLE_START.test(t)) return false;
  if (/[。．.!！?？:：]$|です$|ます$|ください$|ました$/.test(t)) return false;
  if (/^[^\s]{1,12}[:：]/.test(t)) return false;
  if (/^[ア-ン]\s/.test(t)) return false; // ア 物理的安全管理措置 — a lettered section
  if (/^(第.{1,3}[章条項節]|別紙|附則|以上)/.test(t)) return false;
  return true;
}
