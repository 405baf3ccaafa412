import type { Casefile, Notice } from "../core/types.js";
import { classify, incidentTitle, noticeDensity, otherTopic } from "./classify.js";
import { couldBeTitle, findHeadings, LISTING_END, trailingDate, type Heading } from "./headings.js";
import { isBlank, splitLines, type Line } from "./lines.js";

interface Block {
  /** First line of the post (a heading, a listing's day line, or the page start). */
  from: number;
  /** One past the last line. */
  to: number;
  titleLine: number;
  heading: Heading | null;
}

// Breadcrumbs and menus: "ホーム > お知らせ > 報道発表", "すべて | お知らせ | IR情報".
const NAVIGATION = /\S\s*[>＞›»]\s*\S.*[>＞›»]|\S\s*[>＞›»]\s*\S|(?:\s[|｜]\s.*){2,}/;
const ORG_LINE = /^(?:株式会社|有限会社|合同会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|学校法人|医療法人\S*|社会福祉法人|独立行政法人|国立大学法人)\S{1,30}$|^\S{2,30}(?:株式会社|有限会社|合同会社|協会|組合|財団|機構|大学|病院|市|町|村|区|県|都|府|庁|省|委員会)$/;

/** The organisation a page header names on a line of its own, in its first lines. */
function publisherOf(lines: Line[], to: number): Notice["publisher"] {
  for (const l of lines.slice(0, Math.min(to, 6))) {
    const t = l.text.trim();
    if (ORG_LINE.test(t)) {
      const at = l.start + l.text.indexOf(t);
      return { name: t, span: [at, at + t.length] };
    }
  }
  return null;
}

const TITLE_WORDS = /お詫び|おわび|お知らせ|ご報告|について|に関する|のご案内|報告書|発生|判明/;

/** A menu line: three or more short words separated by wide spaces or bars. */
function isMenu(text: string): boolean {
  const parts = text.trim().split(/[\s　|｜]+/);
  return parts.length >= 3 && parts.every((p) => p.length <= 10) && !/[。、]/.test(text);
}

/** Choose the title of a post that has no heading: the first line that reads like one. */
function pickTitle(lines: Line[], from: number, to: number): number {
  let first = -1;
  let fallback = -1;
  let seen = 0;
  for (let i = from; i < to && seen < 12; i++) {
    const l = lines[i]!;
    if (isBlank(l) || NAVIGATION.test(l.text) || isMenu(l.text)) continue;
    seen++;
    if (fallback < 0) fallback = i;
    const t = l.text.trim();
    // Letterhead lines (the organisation, the date) and sentences are not titles.
    if (first < 0 && t.length >= 8 && !ORG_LINE.test(t) && !/^[\d０-９令平R元年月日\s./-]+$|^.{0,8}\d{4}\s*年|。$/.test(t)) first = i;
    if (t.length >= 8 && t.length <= 150 && !/[。]$/.test(t) && (incidentTitle(t) || TITLE_WORDS.test(t))) return i;
  }
  return first >= 0 ? first : fallback >= 0 ? fallback : from;
}

function textOf(lines: Line[], from: number, to: number): string {
  if (to <= from) return "";
  return lines.slice(from, to).map((l) => l.text).join("\n");
}

/** Cut an unmarked post off the end of an incident post when the text changes topic for good. */
function splitTopicShift(lines: Line[], block: Block): Block[] {
  const title = lines[block.titleLine]!.text;
  const whole = classify(title, textOf(lines, block.titleLine + 1, block.to), { casebook: block.heading?.casebook ?? false, listing: false });
  if (!whole.isIncident) return [block];
  for (let i = block.titleLine + 1; i < block.to - 1; i++) {
    const line = lines[i]!;
    if (!couldBeTitle(line) || incidentTitle(line.text)) continue;
    const tail = textOf(lines, i, block.to);
    if (tail.length < 200 || noticeDensity(tail) >= 2.5) continue;
    if (otherTopic(tail).density < 2) continue;
    return [{ ...block, to: i }, { from: i, to: block.to, titleLine: i, heading: null }];
  }
  return [block];
}

/** Lay out the blocks of a page: the text before the first heading, then one per heading. */
function blocksOf(lines: Line[], headings: Heading[]): Block[] {
  const blocks: Block[] = [];
  const first = headings[0]?.line ?? lines.length;
  if (lines.slice(0, first).some((l) => !isBlank(l))) {
    blocks.push({ from: 0, to: first, titleLine: pickTitle(lines, 0, first), heading: null });
  }
  headings.forEach((h, k) => {
    let to = headings[k + 1]?.line ?? lines.length;
    if (h.listing) {
      for (let j = h.titleLine + 1; j < to; j++) {
        if (LISTING_END.test(lines[j]!.text) || /^\s*日付\s/.test(lines[j]!.text) || /^\s*\S*\s*(?:19|20)\d{2}年\d{1,2}月\s*$/.test(lines[j]!.text.normalize("NFKC"))) {
          to = j;
          break;
        }
      }
    }
    blocks.push({ from: h.line, to, titleLine: h.titleLine, heading: h });
  });
  return blocks.flatMap((b) => (b.heading?.listing ? [b] : splitTopicShift(lines, b)));
}

/** Split a decoded page into posts and classify each as an incident or not. Pure. */
export function segment(cf: Casefile): Notice[] {
  const lines = splitLines(cf.text);
  const headings = findHeadings(lines);
  const listing = headings.some((h) => h.listing);
  const blocks = blocksOf(lines, headings);
  const publisher = publisherOf(lines, headings[0]?.line ?? lines.length);
  const notices: Notice[] = [];
  for (const b of blocks) {
    let to = b.to;
    while (to > b.from && isBlank(lines[to - 1])) to--;
    if (to <= b.from) continue;
    const titleLine = lines[b.titleLine]!;
    const lead = titleLine.text.length - titleLine.text.trimStart().length;
    const title = titleLine.text.trim();
    const titleSpan = [titleLine.start + lead, titleLine.start + lead + title.length] as const;
    const body = textOf(lines, b.titleLine + 1, to);
    // The text above a listing's first entry is the page's header, not a post.
    const verdict = listing && !b.heading
      ? { isIncident: false, kind: "unrelated" as const, reason: "page header above the listing" }
      : classify(title, body, { casebook: b.heading?.casebook ?? false, listing: b.heading?.listing ?? false });
    notices.push({
      index: notices.length,
      title,
      span: [lines[b.from]!.start, lines[to - 1]!.end],
      titleSpan,
      kind: verdict.kind,
      isIncident: verdict.isIncident,
      reason: verdict.reason,
      listingDate: b.heading?.date ?? trailingDate(title) ?? cf.doc.published ?? null,
      category: b.heading?.category ?? null,
      publisher,
      incident: null,
    });
  }
  return notices;
}
