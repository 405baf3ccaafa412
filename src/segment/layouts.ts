import { GLOSSED_ITEM, HEADING_MARK, NAME_BEFORE_PUBLISHED } from "../extract/names.js";
import { matchesOf } from "../extract/scan.js";
import { incidentTitle } from "./classify.js";
import { iso, lineHeading, pageYear, postedOn, PUBLISHED_AFTER, publishedAfter, publishedLead, trailingDate, westernYears, YMD, type Heading } from "./headings.js";
import { isBlank, type Line } from "./lines.js";
import { isNameAlone, sameSubject, subjectOf } from "./subjects.js";
import { LEGAL_FORM, ORG_SUFFIX } from "../core/vocab/organizations.js";

// Layouts without markers of their own: news pages and digests that string several incidents together.
// Each reader only proposes where posts could start; whether the page really is such a page is decided
// by scoring the proposal against the others (choose.ts).

const DIGITS = "[0-9０-９]";
// A line holding a date and little else: "2026-02-15", "2024年4月16日 19時52分", "日テレNEWS / 2024年4月16日",
// a byline in brackets "(2026年11月20日 みなと日報)".
const DATE_ONLY = new RegExp(`^[^。、]{0,24}?((?:19|20)${DIGITS}{2})\\s*[-/.年]\\s*(${DIGITS}{1,2})\\s*[-/.月]\\s*(${DIGITS}{1,2})\\s*日?(?:\\s*[(（][^)）]{1,3}[)）])?(?:\\s*${DIGITS}{1,2}\\s*[時:]\\s*${DIGITS}{0,2}\\s*分?)?(?:(?<=^\\s*[(（].*)\\s+[^\\s。、()（）]{1,20}\\s*[)）])?\\s*$`);
// A headline may open with a bullet or a bracketed label, but not with a list number or a quote.
const HEADLINE_START = /^[\s■□◆◇●○▼▽★☆◎•\-]*(?:【[^】]{1,12}】)?\s*\S/;
const NOT_HEADLINE = /[。．、，,:：]$|。|です$|ます$|ください$|ました$|^(?:[(（]?\d+[)）.．、]|[①-⑳]|第.{1,3}[章条項節]|※|・)/;

/** The date of a line that holds only a date (and perhaps a source name), `YYYY-MM-DD`. */
export function dateOnly(text: string): string | null {
  const m = DATE_ONLY.exec(text.normalize("NFKC").trim());
  return m ? iso(m[1]!, m[2]!, m[3]!) : null;
}

/** True for a line that reads as prose: sentences, or a run of words too long for a headline. */
function isProse(text: string): boolean {
  const t = text.trim();
  return t.length >= 30 && (/。|\.\s|\.$/.test(t) || t.length > 100);
}

/** True for a short line that reads as a headline, not as a sentence or a numbered section. */
function isHeadline(text: string): boolean {
  const t = text.trim();
  return t.length >= 8 && t.length <= 100 && HEADLINE_START.test(t) && !NOT_HEADLINE.test(t);
}

/** A headline that says an incident happened. */
function isIncidentHeadline(text: string): boolean {
  return isHeadline(text) && incidentTitle(text.trim());
}

// A notice's numbered section says what it is about in a notice's words ("2. 株式会社Xにおける不正アクセスについて"),
// a digest's numbered headline tells the news.
const NOTICE_SECTION = /(?:について|に関して|に関する[^、。]{0,12}|のお知らせ|のご報告|お詫び)$/;

/**
 * News pages: headlines, each followed by prose (an excerpt or an article), perhaps under a date line
 * or above a "source / date" line.
 */
// A headline opening on a short name and a comma: "八甲原リゾート、会員サイトに不正アクセス".
const NAMED_HEADLINE = /^[^\s、。,「」()（）:：]{2,12}、\S/;
// A line naming the period a page covers, nothing else: "2019年9月第2週（9月9日～9月15日）", "2024年5月号".
const PERIOD_LINE = /^\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*(?:第\s*\d\s*週|分|号|度)?\s*(?:[(（][^)）]*[)）])?\s*$/;

export function headlines(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  const asides: Heading[] = [];
  let date: string | null = null;
  // A date line or an organisation's name on a line of its own above a headline opens its item.
  let opener: Line | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    const d = dateOnly(line.text);
    if (d && line.text.trim().length <= 40) { date = d; opener = line; continue; }
    // A post's meta line belongs to the headline above it.
    if (postedOn(line.text) || PERIOD_LINE.test(line.text)) { opener = null; continue; }
    if (isNameLine(line.text)) { opener ??= line; continue; }
    // A digest numbers its headlines ("1. X、ランサムウェア被害で…(11月4日公表)"): a numbered line is a headline
    // when what follows its number says what happened to someone it names (a notice's "1. 概要" is not).
    const number = NUMBER.exec(line.text)?.[0] ?? "";
    const head = line.text.slice(number.length);
    // (A news headline may open on its subject's short name and a comma, 「津刈ガス、顧客情報を…誤送信」.)
    if (number ? !(isIncidentHeadline(head) && (subjectOf(head.trim(), 40) !== null || NAMED_HEADLINE.test(head.trim())) && !NOTICE_SECTION.test(head.trim())) : !isHeadline(line.text)) {
      // Another item of the same numbered list (② a vulnerability, ④ a drill) stands apart if the list holds incidents.
      if (number && isHeadline(head.trim()) && isProse(lines.slice(i + 1).find((l) => !isBlank(l))?.text ?? "")) asides.push({ ...lineHeading(line), titleStart: line.start + number.length });
      opener = null;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j])) j++;
    let own: string | null = null;
    const dated = j < lines.length ? (lines[j]!.text.trim().length <= 40 ? dateOnly(lines[j]!.text) : null) ?? postedOn(lines[j]!.text) : null;
    if (dated) {
      own = dated;
      j++;
      while (j < lines.length && isBlank(lines[j])) j++;
    }
    // Under a date or meta line, a short sentence is the item's text too ("窓口で別の住民の住民票を交付した。").
    if (j >= lines.length || !(isProse(lines[j]!.text) || (own !== null && /。$/.test(lines[j]!.text.trim()) && lines[j]!.text.trim().length >= 10))) { opener = null; continue; }
    // (A headline may close on the day it was made public, 「…被害（4/3公表）」, in the page's year.)
    // (…or its text open on it, 「10月15日公表。」.)
    const published = publishedAfter(line.text, lines) ?? publishedLead(lines[j]!.text, lines);
    out.push({ ...lineHeading(opener ?? line, { date: own ?? published ?? date }, line), ...(number ? { titleStart: line.start + number.length } : {}) });
    opener = null;
  }
  const numbered = out.filter((h) => h.titleStart > h.start || NUMBER.test(lines.find((l) => l.start === h.start)?.text ?? "")).length;
  return numbered >= 2 && asides.length > 0 ? [...out, ...asides].sort((a, b) => a.start - b.start) : out;
}

// A heading's name: a legal form, or an organisation's ending (かえで市, 医療法人ゆずりは会 ゆずりは病院: kana
// that a subject's reading takes for particles), and no clause.
const HEADING_NAME = new RegExp(`^(?:${LEGAL_FORM})|(?:${ORG_SUFFIX})$`);
const CLAUSE = /[。、,「」:：]|について|による|における|から|まで|ため|された|します|しました/;

// A bulleted day and a name: "・8月2日 山吹市(神奈川県)", the place in brackets left out.
// (Or a number before the day, and what the day was: "(1) 8月5日公表　三ツ池総合病院".)
const DATED_NAME = /^\s*(?:[・•]|[(]?[0-9]{1,2}[).])\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日\s*(?:公表|発表)?\s+(\S(?:.*?\S)?)\s*(?:\([^)]{1,12}\))?\s*$/;

/** True for a heading that is an organisation's name and nothing else. */
function isHeadingName(text: string): boolean {
  const t = text.trim();
  return t.length >= 3 && t.length <= 30 && !CLAUSE.test(t) && (HEADING_NAME.test(t) || isNameLine(t));
}

/** The organisation a marked heading names and nothing else ("■ かえで市", "### 1) 株式会社X", "【X大学】"), or null. */
export function headingName(text: string): string | null {
  const glossed = GLOSSED_ITEM.exec(text)?.[1];
  if (glossed && isHeadingName(glossed)) return glossed;
  const rest = text.slice(HEADING_MARK.exec(text)![0].length).trim();
  // "■ Ransomware — 株式会社X (chemicals)": what happened, a dash, the name, perhaps what it does in brackets.
  const labelled = LABELLED_NAME.exec(rest)?.[1];
  if (labelled && isHeadingName(labelled)) return labelled;
  // (The day it was made public may close the heading: "■X町教育委員会(11月15日公表)"; or what the body does: "▼X運輸株式会社（運送業）".)
  const name = /^【([^】]+)】$/.exec(rest)?.[1] ?? rest.replace(PUBLISHED_AFTER, "").replace(/\s*[(（][^()（）\d]{1,12}[)）]$/, "");
  if (isHeadingName(name)) return name;
  // Closing on that day, a heading names a body whatever its name ends in (■ かもめスイミングクラブ（7月2日公表）), or gives
  // its legal name in the bracket (■ Xオンラインショップ（株式会社Y、11月5日公表）).
  const published = NAME_BEFORE_PUBLISHED.exec(rest.normalize("NFKC"));
  const named = published?.[2] ?? published?.[1];
  return named && !CLAUSE.test(named) && !/[、。「」]/.test(named) ? named : null;
}

// A heading naming the kind of incident before a dash, then the organisation: "Lost media — X信用金庫", "ランサムウェア ― 株式会社X(化学)".
const LABELLED_NAME = /^[^—–―:：、。]{2,30}?\s*[—–―]\s*(\S.*?)(?:\s*[(（][^)）]{1,20}[)）])?$/;

/**
 * Digests whose items are headed by the organisation's name alone ("■ 株式会社X", "### 1) X町", "【X大学】"),
 * then what happened to it: the item's first line or sentence stands as its title; or by the name in brackets
 * on the item's own line ("【X市】保育料の通知書を…と発表。").
 */
export function namedItems(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  const year = pageYear(lines);
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    // "・8月2日　山吹市(神奈川県)": a bullet, the day, the name (and where it is), the item on the lines below.
    const dated = DATED_NAME.exec(text.normalize("NFKC"));
    if (dated && isHeadingName(dated[3]!)) {
      const body = lines.slice(i + 1, i + 3).find((l) => !isBlank(l));
      if (body && !DATED_NAME.test(body.text.normalize("NFKC"))) {
        const lead = body.text.length - body.text.trimStart().length;
        const title = firstSentence(body.text.trim());
        out.push({ start: lines[i]!.start, titleStart: body.start + lead, titleEnd: body.start + lead + title.length, casebook: false, listing: false, date: year ? iso(year, dated[1]!, dated[2]!) : null, category: null, titled: false });
        continue;
      }
    }
    // "【株式会社X】受注システムへの不正アクセスにより…": the name in brackets, the item on the same line.
    const inline = /^(\s*【([^】\n]{2,30})】\s*)(\S.{5,})$/.exec(text);
    if (inline && isHeadingName(inline[2]!)) {
      const at = lines[i]!.start + inline[1]!.length;
      out.push({ start: lines[i]!.start, titleStart: at, titleEnd: at + firstSentence(inline[3]!).length, casebook: false, listing: false, date: null, category: null, titled: false });
      continue;
    }
    // "1. Miyabi Foods (株式会社ミヤビフーズ) — card skimming…": an English roundup's item, its Japanese name in brackets, then what happened.
    const glossed = GLOSSED_ITEM.exec(text);
    if (glossed && isHeadingName(glossed[1]!)) { out.push(lineHeading(lines[i]!, { titled: true })); continue; }
    const mark = HEADING_MARK.exec(text)![0];
    // A name line with no mark is a letterhead or a signature, not a heading; one only numbered is a section of a
    // notice about each party ((1) ドコモ社 / (2) ネクシア社 in a regulator's guidance).
    // (A bullet heads a name too when the name closes on the day it was made public: ・株式会社X（8月5日公表）.)
    const bullet = /^\s*[・•]\s*/.exec(text);
    const published = bullet !== null && PUBLISHED_AFTER.test(text.normalize("NFKC"));
    if (!/[#■□◆◇●○▼▶]/.test(mark) && !/^\s*【/.test(text) && !published) continue;
    if (headingName(published ? text.slice(bullet![0].length) : text) === null) continue;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j])) j++;
    const body = lines[j];
    if (!body || j - i > 2 || isHeadingName(body.text.replace(HEADING_MARK, ""))) continue;
    // A heading that says what happened before the name (■ Lost media — X信用金庫) titles its item.
    if (LABELLED_NAME.test(text.slice(mark.length).trim())) { out.push(lineHeading(lines[i]!, { titled: true })); continue; }
    const lead = body.text.length - body.text.trimStart().length;
    const title = firstSentence(body.text.trim());
    // (A heading closing on the day it was made public, 「■X町教育委員会（11月15日公表）」, dates its item in the page's year; so does a text opening on it, 「8月19日公表。」.)
    out.push({ start: lines[i]!.start, titleStart: body.start + lead, titleEnd: body.start + lead + title.length, casebook: false, listing: false, date: publishedAfter(text, lines) ?? publishedLead(body.text, lines), category: null, titled: false });
  }
  return out.length >= 2 ? [...out, ...otherSections(lines, out)].sort((a, b) => a.start - b.start).map((h) => withEndAtMark(lines, h)) : [];
}

// A marked line: an item's heading or a digest's category (▼不正アクセス・カード情報漏えい).
const MARKED_LINE = /^\s*[■□◆◇●○▼▶]/;

/** An item that ends before the next marked line below its title (a category heading between items is no part of it). */
function withEndAtMark(lines: Line[], h: Heading): Heading {
  const next = lines.find((l) => l.start > h.titleEnd && MARKED_LINE.test(l.text));
  if (!next) return h;
  const last = lines.filter((l) => l.end > h.titleStart && l.end <= next.start && !isBlank(l)).at(-1);
  return last ? { ...h, end: last.end } : h;
}

/**
 * The sections after a digest's first item marked as its items are (■ Ransomware — X … ■ Vulnerability watch) that
 * name no one: posts of their own for the classifier to judge, not the end of the item above.
 */
function otherSections(lines: Line[], items: Heading[]): Heading[] {
  const first = lines.find((l) => l.start === items[0]!.start)!;
  const mark = /^\s*([■□◆◇●▼▶])/.exec(first.text)?.[1];
  if (!mark) return [];
  const taken = new Set(items.map((h) => h.start));
  return lines.filter((l) => l.start > first.start && !taken.has(l.start) && l.text.trimStart().startsWith(mark) && l.text.trim().length >= 10 && !/[。.]$/.test(l.text.trim()))
    .map((l) => {
      // A section closing on the day it was made public names someone the names missed (■ ちりはまスポーツクラブ（6月21日公表）):
      // an item like the others, titled by its text's first sentence.
      const next = lines[lines.indexOf(l) + 1];
      if (!PUBLISHED_AFTER.test(l.text.normalize("NFKC")) || !next || isBlank(next)) return lineHeading(l, { titled: true });
      const lead = next.text.length - next.text.trimStart().length;
      return { ...lineHeading(l, { date: publishedAfter(l.text, lines) }), titleStart: next.start + lead, titleEnd: next.start + lead + firstSentence(next.text.trim()).length, titled: false };
    });
}


// A record's field on its own line: "件名:…", "組織名:株式会社X", "・公表日:令和8年10月24日".
const FIELD_LINE = /^\s*[・■●◆\-]?\s*([^\s:：|｜]{1,8}?)\s*[:：]\s*(\S.*)$/;
// Labels that make no record of an incident: a mail's header (a sample mail), a question and its answer.
const NOT_RECORD_LABEL = /^(?:差出人|送信者|送信元|From|To|Cc|宛先|送信日時?|本文|Subject|Q|A|問|答|質問|回答|URL|TEL|電話|FAX|住所|担当|お問い?合わ?せ先?|問合せ先?)$/i;
// The label whose value titles a record, and the labels that date it (when it was made public).
const TITLE_LABEL = /^(?:件名|事案名?|案件名?|タイトル|表題|見出し|題名)$/;
const PUBLISHED_LABEL = /^(?:公表日|発表日|掲載日|公開日|日付|公表|発表)$/;
const RECORD_DATE = new RegExp(YMD);

/**
 * A list of records, each a run of labelled lines opened by the same label (件名:… / 発生日:… / 担当課:…, or
 * 組織名:… / 発表日:… / 概要:…), with blank lines between them: a public body's table of its incidents, a
 * database's export. A record titles itself by its subject's label (件名) and is dated by its publication's.
 */
export function labelledRecords(lines: Line[]): Heading[] {
  let out = READ_RECORDS.get(lines);
  if (!out) READ_RECORDS.set(lines, out = records(lines));
  return out;
}

// The records of each page's lines, read once for the two layouts that propose them.
const READ_RECORDS = new WeakMap<Line[], Heading[]>();

/** Labelled records each dated by its own publication (公表日:…): incidents of their own, even under one body's notice. */
export function publishedRecords(lines: Line[]): Heading[] {
  const out = labelledRecords(lines);
  return out.every((h) => h.date !== null) ? out : [];
}

/** The records of a page (labelledRecords). */
function records(lines: Line[]): Heading[] {
  type Run = { first: number; label: string; fields: [label: string, value: string, line: Line][] };
  const runs: Run[] = [];
  let run: Run | null = null;
  lines.forEach((l, i) => {
    const m = FIELD_LINE.exec(l.text.normalize("NFKC"));
    if (!m || NOT_RECORD_LABEL.test(m[1]!)) { run = null; return; }
    if (!run) runs.push(run = { first: i, label: m[1]!, fields: [] });
    // Two fields may share a line: 「発生所属：中央県税事務所　公表日：令和6年7月12日」 (not a post's meta line,
    // 「投稿日:… カテゴリー:…」, which dates the headline above it).
    const [value, ...more] = m[2]!.split(/ (?=[^\s:|｜]{1,8}?\s*:)/);
    const shared = more.length > 0 && postedOn(l.text) === null;
    run.fields.push([m[1]!, shared ? value! : m[2]!, l]);
    for (const f of shared ? more : []) {
      const pair = /^([^\s:|｜]{1,8}?)\s*:\s*(\S.*)$/.exec(f);
      if (pair) run.fields.push([pair[1]!, pair[2]!, l]);
    }
  });
  // The label most runs open with opens the records; a record holds two fields or more.
  const opens = new Map<string, number>();
  for (const r of runs) if (r.fields.length >= 2) opens.set(r.label, (opens.get(r.label) ?? 0) + 1);
  const [label, n] = [...opens].sort((a, b) => b[1] - a[1])[0] ?? ["", 0];
  const records = runs.filter((r) => r.label === label && r.fields.length >= 2);
  if (n < 2) return [];
  return records.map((r) => {
    const titleField = r.fields.find(([k]) => TITLE_LABEL.test(k));
    const dated = r.fields.find(([k]) => PUBLISHED_LABEL.test(k));
    const d = dated ? RECORD_DATE.exec(westernYears(dated[1])) : null;
    // A short heading right above the fields opens the record ((1) ひばり市立東小学校 / 発生日:…); one that says what
    // happened rather than whose record it is (１　納税通知書の誤封入) titles it.
    const above = lines[r.first - 1];
    const headed = above && !isBlank(above) && above.text.trim().length <= 40 && !/[。:：]/.test(above.text);
    const titledAbove = headed && !titleField && headingName(above.text) === null && !isNameLine(above.text.replace(HEADING_MARK, ""));
    const over = { date: d ? iso(d[1]!, d[2]!, d[3]!) : null, titled: titleField !== undefined || titledAbove };
    const start = headed ? above : lines[r.first]!;
    if (!titleField) return lineHeading(start, over);
    // The title is the subject's value, after its label's colon.
    const line = titleField[2];
    const colon = /[:：]\s*/.exec(line.text)!;
    return { ...lineHeading(start, over, line), titleStart: line.start + colon.index + colon[0].length };
  });
}

/** True for a line that holds nothing but an organisation's name (株式会社パスモ, 岐阜バスケットボール株式会社). */
function isNameLine(text: string): boolean {
  const t = text.trim();
  // (A particle before a kanji or katakana word starts a clause: 株式会社Xで会員情報が流出 is a headline.)
  return t.length >= 3 && t.length <= 30 && isNameAlone(t) && !/[でがをにへ](?=[一-龥ァ-ヴ])/.test(t);
}

// The lead of a news item: its subject and, often, the day it announced (「京都府木津川市は7月19日、」「2 件目は」).
const LEAD_DATE = `(?:(?:(?:19|20)${DIGITS}{2}\\s?年\\s?)?${DIGITS}{1,2}\\s?月\\s?)?${DIGITS}{1,2}\\s?日(?:\\s?(?:午前|午後|夜|朝))?`;
const SUBJECT = `[^\\s、。「」『』()（）!?！？]{2,30}?(?:\\s?[(（][^()（）\\n]{1,30}[)）])?`;
// A back-reference (同社は, 当院が) continues the item it is in.
const BACK_REFERENCE = "(?!(?:同|当|弊|本|その|この|これ|それ)\\S{0,4}\\s?(?:は|が))";
const LEAD = new RegExp(`^${BACK_REFERENCE}(?:${SUBJECT}\\s?(?:は|が)\\s?${LEAD_DATE}\\s?[、,]|${DIGITS}+\\s?件目(?:は|が|として)|${SUBJECT}\\s?(?:は|が)、[^。\\n]{4,120}?(?:と|を)(?:発表|公表|明らかに)し)`);
// Within a long line, an item starts after a sentence or a byline: "…という。 (asahi = 3-3-23) 見出し 本文".
const ITEM_BREAK = /(?:。|[)）])[ 　]+(?=\S)/g;

/** The headline in front of an item's lead ("見出し 日本原燃は 3 日、…"), or null when the item opens with its lead. */
function headlineBefore(text: string): string | null {
  for (const m of matchesOf(/[ 　]+(?=\S)/g, text.slice(0, 100))) {
    const head = text.slice(0, m.index);
    if (head.includes("。")) break;
    if (isIncidentHeadline(head) && LEAD.test(text.slice(m.index! + m[0].length))) return head;
  }
  return null;
}

/**
 * Offsets of the news items run together in one long line (articles pasted without line breaks): breaks
 * followed by a lead or by a headline and a lead, and the line's start when it opens an item too.
 */
function leadsIn(line: Line): number[] {
  if (line.text.length < 200) return [];
  const starts = [line.text.length - line.text.trimStart().length];
  for (const m of matchesOf(ITEM_BREAK, line.text)) starts.push(m.index! + m[0].length);
  const found: { at: number; head: number }[] = [];
  for (const at of starts) {
    const rest = line.text.slice(at, at + 200);
    const head = headlineBefore(rest);
    if (head !== null || LEAD.test(rest)) found.push({ at, head: head?.length ?? 0 });
  }
  // A byline's break and the headline's own break can both lead to one item: keep the later.
  const items = found.filter((f, k) => !(found[k + 1] && found[k + 1]!.at < f.at + f.head));
  return items.length >= 2 ? items.map((f) => line.start + f.at) : [];
}

/** News items run together in long lines, each opening with a lead (and perhaps a headline) that names its subject. */
export function leads(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  lines.forEach((line, i) => {
    for (const start of leadsIn(line)) {
      const text = line.text.slice(start - line.start);
      // The title is the headline before the lead (on its own line above, or in front of it), else the lead's first sentence.
      const headline = headlineBefore(text);
      if (headline === null && start === line.start + line.text.length - line.text.trimStart().length) out.push(headedItem(lines, i));
      else out.push({ start, titleStart: start, titleEnd: start + (headline ?? firstSentence(text)).trimEnd().length, casebook: false, listing: false, date: null, category: null, titled: headline !== null });
    }
  });
  return out;
}

/** Quoted news items: paragraphs that open with 『 (a blog quoting several reports). */
export function quotes(lines: Line[]): Heading[] {
  const starts = lines.filter((l) => /^\s*『/.test(l.text) && l.text.trim().length >= 30);
  if (starts.length < 2) return [];
  return starts.map((l) => {
    const open = l.start + l.text.indexOf("『");
    const sentence = /^『[^。』]*[。』]?/.exec(l.text.slice(open - l.start))![0];
    return { start: l.start, titleStart: open, titleEnd: open + sentence.length, casebook: false, listing: false, date: null, category: null, titled: false };
  });
}

// "(1) 令和7年3月10日:…の案件(事案1)", "2. 2件目の事案": numbered items that each name a case.
const NUMBER = /^\s*(?:[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}\s*[.．、)]|[①-⑳])\s*(?=\S)/;
const CASE_ITEM = /^\s*(?:[(（][0-9０-９]{1,2}[)）]|[0-9０-９]{1,2}\s*[.．、)]|[①-⑳])\s*\S.{12,}(?:事案|案件|件目)/;
// A case collection's labels: "事例1 製造業A社", "【ケース2】", "Case 3:".
const CASE_LABEL = /^(?:【)?(?:事例|ケース|Case)\s?[0-9０-９]{1,2}(?:】)?(?=\s|[:：.．]|$)/;
// "1件目は…", "市の説明によると、2件目は…": running text that counts its cases off.
const ORDINAL_CASE = /^.{0,20}?[0-9０-９]\s?件目(?:は|が|として|の)/;
// A notice that says how many cases follow: "下記6件の漏えい事案", "3件の事案", "取扱いに関する誤りが2件判明".
const SEVERAL = /[0-9０-９]+\s?件の[^。\n]{0,20}(?:事案|事故|漏えい|漏洩|流出|インシデント)|(?:誤り|ミス|事案|事故|不備)が[2-9２-９]\s?件(?:判明|発生|あり|確認)|以下の[0-9０-９]+件|(?:以下|下記|次)の[^。\n]{0,20}(?:事案|事故)が(?:発生|ありました)|^.{0,20}(?:事例|事案一覧|インシデント一覧|被害一覧)\s*$/;

/**
 * A notice or article reporting several cases: numbered items that name a case, paragraphs that count
 * them off (1件目は…), or, under a line announcing them (下記6件の…, サイバー攻撃事例), numbered headings each
 * followed by the case's account.
 */
export function cases(lines: Line[]): Heading[] {
  const marked = lines.filter((l) => {
    const t = l.text.trim();
    return t.length > 120 || /[。]$/.test(t) ? ORDINAL_CASE.test(t) : CASE_ITEM.test(t) || ORDINAL_CASE.test(t) || CASE_LABEL.test(t) || officeCase(t);
  });
  const items = marked.length >= 2 ? marked : announcedCases(lines);
  return items.length >= 2 ? items.map((l) => lineHeading(l)) : [];
}

// A body's own case headed by the office it happened in, then what happened: 「■ 市民課　住民票の写しの誤交付」.
const OFFICE_CASE = /^[■□◆◇●○▼]\s*[^\s、。]{1,16}(?:部|課|室|係|局|事務所|センター)[\s\u3000]+(\S.{3,60})$/;

/** True when a marked heading names an office and an incident that happened there. */
function officeCase(t: string): boolean {
  const m = OFFICE_CASE.exec(t);
  return m !== null && incidentTitle(m[1]!.trim());
}

// Under a line that announces cases, a number and a space also head a case, as public bodies write them: 「1　県立X高等学校」.
const SPACED_NUMBER = /^\s*[0-9０-９]{1,2}[ \u3000]+(?=\S)/;

/** The ordinal of a numbered line: (2) → 2, ③ → 3. */
function ordinal(text: string): number {
  const m = (NUMBER.exec(text) ?? SPACED_NUMBER.exec(text))![0].normalize("NFKC");
  const circled = /[①-⑳]/.exec(m);
  return circled ? circled[0].charCodeAt(0) - 0x2460 + 1 : Number(/\d+/.exec(m)![0]);
}

/**
 * Numbered headings right under a line that announces cases (下記6件の…, サイバー攻撃事例): 1, 2, 3… in order,
 * each an incident headline or a short heading above the case's account.
 */
function announcedCases(lines: Line[]): Line[] {
  const at = lines.findIndex((l) => SEVERAL.test(l.text));
  if (at < 0) return [];
  const items: Line[] = [];
  let gap = 0;
  for (let i = at + 1; i < lines.length && gap <= 3; i++) {
    const t = lines[i]!.text.trim();
    if (t === "") continue;
    const number = NUMBER.exec(t) ?? SPACED_NUMBER.exec(t);
    if (!number || t.length > 120 || /[。]$/.test(t)) { if (items.length === 0) gap++; continue; }
    if (ordinal(t) !== items.length + 1) break;
    // A table's row numbered as the announced cases ("1 | 11月10日 | 保険年金課 | …") is one.
    if (ROW.test(t) && /^[|｜]/.test(t.slice(number[0].length))) { items.push(lines[i]!); continue; }
    const heading = t.slice(number[0].length);
    const next = lines.slice(i + 1).find((l) => !isBlank(l));
    if (!isIncidentHeadline(heading) && !(heading.length <= 40 && !NOT_HEADLINE.test(heading) && next !== undefined && isProse(next.text))) break;
    items.push(lines[i]!);
  }
  return items;
}

// A line that only separates items: "◇ ◇ ◇", "＊＊＊", "-----", "■■■".
const SEPARATOR = /^\s*(?:[◇◆■□●○＊*☆★]\s*){3,}$|^\s*[-─━=＝_~〜]{4,}\s*$/;

/** Items set apart by separator lines: each part that follows one starts with its title. */
export function separated(lines: Line[]): Heading[] {
  const parts: Line[] = [];
  let after = true;
  for (const l of lines) {
    if (SEPARATOR.test(l.text)) { after = true; continue; }
    if (isBlank(l) || !after) continue;
    parts.push(l);
    after = false;
  }
  return lines.some((l) => SEPARATOR.test(l.text)) && parts.length >= 2 ? parts.map((l) => lineHeading(l, { titled: isHeadline(l.text) })) : [];
}

// A line that dates the paragraph above it: "(2026年6月12日掲載)", "掲載日:2026/6/12".
const DATED_AFTER = new RegExp(String.raw`^\s*[(（]?\s*(?:掲載日|公開日|公表日|更新日|発表日)?\s*[:：]?\s*${YMD}\s*(?:掲載|公開|公表|更新|発表)?\s*[)）]?\s*$`);

/** Paragraphs each closed by the line that dates them (a site's notices, newest first, each "(2026年6月12日掲載)"). */
export function datedParagraphs(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  let start = -1;
  lines.forEach((l, i) => {
    if (isBlank(l)) { start = -1; return; }
    const t = westernYears(l.text.normalize("NFKC"));
    // (A bare date line may sign a notice: only a bracketed or labelled one dates the paragraph above.)
    const d = /[()]|掲載|公開|公表|更新|発表/.test(t) ? DATED_AFTER.exec(t) : null;
    if (d && start >= 0) {
      const first = lines[start]!;
      const lead = first.text.length - first.text.trimStart().length;
      const title = firstSentence(first.text.trim());
      out.push({ start: first.start, titleStart: first.start + lead, titleEnd: first.start + lead + title.length, casebook: false, listing: false, date: iso(d[1]!, d[2]!, d[3]!), category: null, titled: false });
      start = -1;
      return;
    }
    if (start < 0 && !d) start = i;
  });
  return out.length >= 2 ? out : [];
}

// A card's number on its own line: "No.071", "No. 12"; or with its labels after bars: "01｜医療｜ランサムウェア".
const CARD_NUMBER = /^\s*(?:No\.?\s*\d{1,5}|\d{1,3}(?:\s*\|\s*[^|\d]{1,16}){1,3})\s*$/i;

/** Cards of a collection, each opened by its number on a line of its own (No.071 / name / date / what happened). */
export function numberedCards(lines: Line[]): Heading[] {
  // (A numbered label line over a row of bars, 「1 | 株式会社X | 漏えい」, is a table's, not a card's.)
  const next = (i: number) => lines.slice(i + 1).find((l) => !isBlank(l))?.text ?? "";
  const cards = lines.filter((l, i) => CARD_NUMBER.test(l.text.normalize("NFKC")) && !/[|｜]/.test(next(i)));
  return cards.length >= 2 ? cards.map((l) => lineHeading(l, { titled: false })) : [];
}

// A bulleted line of prose: "• 電子部品X社が…を開示。", "- X市のサーバーが感染、…".
const BULLET = /^\s*[•・●◆■▪\-]\s*/;

// A line that opens a new section after a list: a numbered heading, a marked one.
const SECTION_START = /^\s*(?:[(（]?[0-9０-９]{1,2}[)）.．]\s|[①-⑳■□◆◇【])/;

/**
 * A summary of items as bullets, each a sentence or two about one organisation's incident; an item ends
 * with its paragraph (a remark after the list is not the last item's).
 */
export function bullets(lines: Line[]): Heading[] {
  const long = (l: Line | undefined) => l !== undefined && BULLET.test(l.text) && l.text.trim().length >= 20;
  const told = lines.map((l, i) => [l, i] as const).filter(([l]) => long(l) && incidentTitle(l.text.trim()));
  if (told.length < 2) return [];
  // An item of the same list after an incident's (a bullet that tells no incident, an aside) is an item too, for the classifier to judge.
  const items = lines.map((l, i) => [l, i] as const).filter(([l, i]) => long(l) && (told.some(([t]) => t === l) || sameList(lines, told, i)));
  const year = pageYear(lines);
  return items.map(([l, i]) => {
    const lead = l.text.length - l.text.replace(BULLET, "").length;
    const title = firstSentence(l.text.slice(lead).trim());
    // An item opening with its day (・3/4 株式会社X：…) is dated by it, in the page's year.
    const day = year ? BULLET_DAY.exec(title.normalize("NFKC")) : null;
    let last = i;
    // It ends at a blank line, the next bullet, or the next section's numbered or marked heading (「2) 一覧」, 【…】).
    while (lines[last + 1] && !isBlank(lines[last + 1]) && !BULLET.test(lines[last + 1]!.text) && !SECTION_START.test(lines[last + 1]!.text)) last++;
    return { start: l.start, titleStart: l.start + lead, titleEnd: l.start + lead + title.length, casebook: false, listing: false, date: day ? iso(year!, day[1]!, day[2]!) : null, category: null, titled: false, end: lines[last]!.end };
  });
}

// The day an item opens with, before what it says: 「3/4 」, 「3月4日公表 」.
const BULLET_DAY = /^([0-9]{1,2})\s*[/月]\s*([0-9]{1,2})\s*日?(?:公表|発表)?[\s:]/;

/** True when line `i` is a bullet of the list an incident's item `told` opens: no blank line or section heading between them. */
function sameList(lines: Line[], told: (readonly [Line, number])[], i: number): boolean {
  const before = told.filter(([, t]) => t < i).pop();
  if (!before) return false;
  return lines.slice(before[1] + 1, i).every((l) => !isBlank(l) && !SECTION_START.test(l.text));
}

// A row of a flattened table: three or more cells between bars ("2021/1/18 | 株式会社X | 162 |").
const ROW = /^[^|｜\n]*(?:[|｜][^|｜\n]*){2,}$/;
// A row of a table copied with its tabs: three or more cells between tabs.
const TAB_ROW = /^[^\t\n]*(?:\t[^\t\n]*){2,}$/;
/** True when a line is a table's row, between bars or tabs. */
const isRow = (t: string) => ROW.test(t) || TAB_ROW.test(t);
// A table whose columns are about leaks lists incidents: 流出件数, 被害, 漏えい内容…
const INCIDENT_COLUMNS = /流出|漏えい|漏洩|被害|件数|インシデント|事故|攻撃/;

// A cell holding a month and day only: "10/2", "10月2日".
const MONTH_DAY = /^\s*([0-9]{1,2})\s*[/月]\s*([0-9]{1,2})\s*日?\s*$/;

// A table of entries of any kind, each told in its row: 件名 | 概要 | 内容.
const ENTRY_COLUMNS = /件名|概要|内容|事案|タイトル/;

// A column naming the body each row is about: 団体名, 企業名, 事業者名… (a body's own list names its offices instead: 所属, 担当課).
const BODY_COLUMN = /団体名|組織名|企業名|会社名|法人名|事業者名?|機関名|自治体名|被害(?:組織|企業|団体)|公表(?:元|者)|発表者/;

/** Rows of a table of incidents: every row under a header whose columns speak of leaks is one incident. */
export function tableRows(lines: Line[]): Heading[] {
  return rowsUnder(lines, INCIDENT_COLUMNS, true, false);
}

/** Rows of a table of entries (発生日 | 担当課 | 件名 | 概要): each row a post, an incident only by its own words. */
export function tableEntries(lines: Line[]): Heading[] {
  return rowsUnder(lines, ENTRY_COLUMNS, false, false);
}

/**
 * Rows of a table with a column naming a body (公表日 | 団体名 | 種別 | 概要): each row another body's post, never a
 * part of the notice above it; an incident as a row of a table of incidents, else by its own words.
 */
export function tableOfBodies(lines: Line[]): Heading[] {
  return rowsUnder(lines, BODY_COLUMN, null, true);
}

/**
 * The rows under the first header whose columns `columns` finds, each dated by its first cell; `incidents`: each row is
 * one (null: when the header's columns speak of leaks). A header naming a body's column is read only when `bodies`.
 */
function rowsUnder(lines: Line[], columns: RegExp, incidents: boolean | null, bodies: boolean): Heading[] {
  const header = lines.findIndex((l) => isRow(l.text) && !/[0-9０-９]/.test(l.text) && columns.test(l.text) && BODY_COLUMN.test(l.text) === bodies);
  if (header < 0) return [];
  if (incidents === null) incidents = INCIDENT_COLUMNS.test(lines[header]!.text);
  const rows = lines.slice(header + 1).filter((l) => isRow(l.text) && /[0-9０-９]/.test(l.text) && l.text.replace(/[|｜\s]/g, "").length >= 6);
  const year = pageYear(lines);
  return rows.length >= 2 ? rows.map((l) => lineHeading(l, { listing: true, ...(incidents ? { tableRow: true } : {}), date: rowDate(l.text, year) })) : [];
}

/**
 * The date in a table row's first cell that holds one (| 2024/07/02 | …, a numbered row's second: 6-1 ⇥ 令和6年4月19日):
 * an era's year (令和6年11月5日) read as the Western one, a day without its year (10/2) in the page's `year`.
 */
function rowDate(row: string, year: string | null): string | null {
  for (const raw of row.split(/[|｜\t]/).filter((c) => c.trim() !== "")) {
    const cell = raw.normalize("NFKC");
    const d = year ? MONTH_DAY.exec(cell) : null;
    const date = dateOnly(westernYears(cell)) ?? (d ? iso(year!, d[1]!, d[2]!) : null);
    if (date) return date;
  }
  return null;
}

/** An item starting at line `i`, with the headline above it when there is one (not the page's title); else its first sentence stands as its title. */
function headedItem(lines: Line[], i: number): Heading {
  let h = i - 1;
  while (h >= 0 && isBlank(lines[h])) h--;
  // The page's first line titles the page, not its first item.
  const pageTitle = lines.slice(0, h).every(isBlank);
  if (h >= 0 && !pageTitle && isHeadline(lines[h]!.text) && !isProse(lines[h]!.text)) return lineHeading(lines[h]!, { titled: true });
  const line = lines[i]!;
  const lead = line.text.length - line.text.trimStart().length;
  const title = firstSentence(line.text.trim());
  return { start: line.start, titleStart: line.start + lead, titleEnd: line.start + lead + title.length, casebook: false, listing: false, date: null, category: null, titled: false };
}

/** The first sentence of a text (or its first 200 characters). */
function firstSentence(text: string): string {
  return /^[^。\n]{0,200}。?/.exec(text)![0];
}

/** True when a line continues the sentence of the line above (a hard-wrapped paragraph), not a headline's article. */
function continues(prev: Line | undefined, line: Line): boolean {
  if (!prev || isBlank(prev) || isBlank(line)) return false;
  const p = prev.text.trim();
  if (p.length < 20 || /[。」』)）!?！？]$/.test(p)) return false;
  return /[、，,のにをはがでと]$/.test(p) || !isIncidentHeadline(p);
}

/**
 * Digests of paragraphs: a paragraph that names a new organisation as its subject starts a new item;
 * paragraphs that go on about the same one (同社によると…) stay with it.
 */
export function paragraphs(lines: Line[]): Heading[] {
  const out: Heading[] = [];
  let current: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const t = line.text.trim();
    if (t.length < 30 || continues(lines[i - 1], line)) continue;
    // The subject opens the paragraph (Xは…, Xによりますと…), or a lead names it (N件目は…).
    const subject = subjectOf(t, 30, false) ?? (LEAD.test(t) ? t.slice(0, 20) : null);
    if (!subject || (current !== null && sameSubject(current, subject))) continue;
    out.push(headedItem(lines, i));
    current = subject;
  }
  return out;
}

// A numbered or bulleted headline in a list: "3.■宮崎県 特別支援学校教諭 USB紛失 2017年7月25日".
// Its number may be bracketed and its day follow in brackets, or the day stand first: "(1)[12/1] 株式会社X、…", "5/30　X市、…".
const LIST_MARK = /^\s*(?:[(（]?[0-9０-９]{1,3}(?![/／0-9０-９])\s*[.．、)）]?\s*|[①-⑳]\s*)?(?:[[［【(（]\s*[0-9０-９]{1,2}\s*[/／月]\s*[0-9０-９]{1,2}\s*日?\s*[\]］】)）]\s*|[0-9０-９]{1,2}[/／][0-9０-９]{1,2}\s+)?[■□◆◇●○・•\-]?\s*/;
// The day in a list mark: "[12/1]", "5/30 ".
const MARKED_DAY = /^\s*(?:(?:[(（]?[0-9]{1,3}\s*[.、)）]?\s*)?[[【(（]\s*([0-9]{1,2})\s*[/月]\s*([0-9]{1,2})|([0-9]{1,2})\/([0-9]{1,2})\s)/;

/**
 * A list of headlines, one incident a line, with no articles under them (an index of reports): three or
 * more lines that each say what happened to someone they name.
 */
export function headlineList(lines: Line[]): Heading[] {
  const items = lines.filter((l, i) => {
    const t = l.text.replace(LIST_MARK, "").trim();
    if (!isIncidentHeadline(t)) return false;
    let next = i + 1;
    while (next < lines.length && isBlank(lines[next])) next++;
    // (A headline dated in its mark is one whoever it names: 豪州の通信会社Bluegum Telecom、…)
    return (next === lines.length || !isProse(lines[next]!.text)) && (subjectOf(t, 40) !== null || MARKED_DAY.test(l.text.normalize("NFKC")));
  });
  if (items.length < 3) return [];
  // The title is the headline without its number and bullet; a day in the mark takes the page's year.
  const year = pageYear(lines);
  const dayOf = (t: string) => {
    const d = year ? MARKED_DAY.exec(t.normalize("NFKC")) : null;
    return d ? iso(year!, d[1] ?? d[3]!, d[2] ?? d[4]!) : null;
  };
  // A table's row is dated by its first cell (| 2024/07/02 | 株式会社X | …).
  const rowOf = (t: string) => /[|｜]/.test(t) ? rowDate(t, year) : null;
  return items.map((l) => ({ ...lineHeading(l, { listing: true, date: trailingDate(l.text) ?? dayOf(l.text) ?? rowOf(l.text) }), titleStart: l.start + LIST_MARK.exec(l.text)![0].length }));
}
