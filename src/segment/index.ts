import type { Casefile, Notice, Span } from "../core/types.js";
import { foldWidth } from "../core/width.js";
import { EN_MONTHS } from "../extract/normalize/dates.js";
import { Readings } from "../extract/reading.js";
import { matchesOf } from "../extract/scan.js";
import { choose, speaksOfItself, type Proposal } from "./choose.js";
import { classify, incidentTitle, noticeDensity, otherTopic, type Verdict } from "./classify.js";
import { blogPosts, couldBeTitle, datedLines, dayListing, digest, ENGLISH_ORG_LINE, LISTING_END, ORG_LINE, readMoreIndex, trailingDate, type Heading } from "./headings.js";
import { bullets, cases, datedParagraphs, headlineList, headlines, labelledRecords, leads, namedItems, numberedCards, paragraphs, publishedRecords, quotes, separated, tableEntries, tableOfBodies, tableRows } from "./layouts.js";
import { isBlank, splitLines, type Line } from "./lines.js";
import { splitRoundups } from "./victims.js";

/** One post of a proposed segmentation, in offsets of the text. */
interface Block {
  start: number;
  end: number;
  titleStart: number;
  titleEnd: number;
  heading: Heading | null;
  /** False when no line reads as the post's title and its first sentence stands in. */
  titled: boolean;
}

/** A layout reader: where it says posts start, and how much its kind of marker is worth on its own. */
interface Layout {
  name: string;
  /** What the layout's markers say before the posts are read: explicit markers count for more. */
  prior: number;
  /** Generic layouts need several incident posts about different organisations to win. */
  generic: boolean;
  /** The layout needs at least two incident posts (generic layouts always do). */
  several?: boolean;
  /** The text above the first heading may be a post itself (a blog's pinned post, a digest's first item). */
  headedByPost?: boolean;
  /** Its posts may be parts of one organisation's notice that opens the page (a timeline's dated lines, a table of what leaked). */
  inNotice?: boolean;
  /** A post may be one line that tells its item whole (a bullet, the line under a name heading), not a heading over a body. */
  lineItems?: boolean;
  /** Its posts are framed by the notice above them, which says whose they are and when (`Notice.context`). */
  framed?: boolean;
  read(lines: Line[]): Heading[];
}

/** The blog index as blogs print it: casebook and labelled posts, digest entries, read-more excerpts. */
function blogIndex(lines: Line[]): Heading[] {
  const posts = [...blogPosts(lines), ...digest(lines)];
  const seen = new Set(posts.map((h) => h.start));
  return [...posts, ...readMoreIndex(lines).filter((h) => !seen.has(h.start))].sort((a, b) => a.start - b.start);
}

const LAYOUTS: readonly Layout[] = [
  { name: "day-listing", prior: 3, generic: false, read: dayListing },
  { name: "dated-lines", prior: 1.5, generic: false, inNotice: true, read: datedLines },
  { name: "blog-index", prior: 2, generic: false, headedByPost: true, read: blogIndex },
  { name: "table-rows", prior: 2, generic: false, inNotice: true, read: tableRows },
  { name: "table-entries", prior: 0.5, generic: false, several: true, framed: true, read: tableEntries },
  { name: "table-of-bodies", prior: 2, generic: false, several: true, read: tableOfBodies },
  { name: "headline-list", prior: 1, generic: true, read: headlineList },
  { name: "numbered-cases", prior: 1, generic: false, several: true, framed: true, read: cases },
  { name: "separated-items", prior: 1, generic: false, several: true, headedByPost: true, read: separated },
  { name: "headlines", prior: 0, generic: true, read: headlines },
  { name: "run-on-items", prior: 0, generic: true, headedByPost: true, read: leads },
  { name: "quoted-items", prior: 0.5, generic: true, read: quotes },
  { name: "bulleted-items", prior: 0, generic: true, lineItems: true, read: bullets },
  { name: "subject-paragraphs", prior: 0, generic: true, headedByPost: true, read: paragraphs },
  { name: "named-items", prior: 0.5, generic: true, lineItems: true, read: namedItems },
  { name: "labelled-records", prior: 1, generic: false, several: true, inNotice: true, framed: true, read: labelledRecords },
  { name: "published-records", prior: 1, generic: false, several: true, read: publishedRecords },
  { name: "dated-paragraphs", prior: 1, generic: false, several: true, framed: true, read: datedParagraphs },
  { name: "numbered-cards", prior: 1, generic: false, several: true, read: numberedCards },
];

// Breadcrumbs and menus: "ホーム > お知らせ > 報道発表", "すべて | お知らせ | IR情報".
const NAVIGATION = /\S\s*[>＞›»]\s*\S.*[>＞›»]|\S\s*[>＞›»]\s*\S|(?:\s[|｜]\s.*){2,}/;

/** True when a header's title counts the posts below it: 個人情報の不適切な取扱いについて(2件) over two posts. */
function countsPosts(title: string, posts: number): boolean {
  const n = /[(（]\s*(\d+)\s*件\s*[)）]/.exec(title.normalize("NFKC"));
  return n !== null && Number(n[1]) === posts && posts >= 2;
}

/** The organisation a page header names on a line of its own, in its first lines (perhaps with its office after it). */
function publisherOf(lines: Line[], before: number): Notice["publisher"] {
  for (const l of lines.slice(0, 6)) {
    if (l.start >= before) break;
    const office = officeOf(l);
    if (office) return office;
  }
  return null;
}

// An office under a body's name: its departments (ひがしうら市 総務部 総務課).
const OFFICE = /^\S{1,12}(?:部|課|室|係|局|センター|事務局)$/;

// A site's section after the body's name in a page header: 株式会社X　ニュース＆お知らせ.
const SECTION = /^(?:ニュース|お知らせ|ニュースリリース|プレスリリース|トピックス|新着情報)(?:[&＆・](?:ニュース|お知らせ|トピックス|IR))?(?:一覧)?$/;

/** The body a line names alone or with its office or the site's section after it (ひがしうら市 総務部 総務課), or null. */
function officeOf(line: Line): Notice["publisher"] {
  const [name, ...offices] = line.text.trim().split(/\s+/);
  if (!name || !ORG_LINE.test(name) || !offices.every((o) => OFFICE.test(o) || SECTION.test(o))) return null;
  const at = line.start + line.text.indexOf(name);
  return { name, span: [at, at + name.length] };
}

/** The body whose office signs the page on its last line (a notice of numbered cases is one body's, signed once at its foot). */
function signatureOf(lines: Line[]): Notice["publisher"] {
  const last = [...lines].reverse().find((l) => l.text.trim() !== "");
  return last ? officeOf(last) : null;
}

// Labels of a page's frame, not of its text: 本文, ここから本文です, 印刷, and the names of its sections
// (お知らせ, ニュース一覧), which a page's <title> and menus repeat above every post, and its links back (ニュース一覧へ戻る).
const PAGE_CHROME = /^\s*(?:本文|ここから本文です?|本文へ|メニュー|MENU|印刷(?:する)?|ページの先頭へ|ページトップへ|ホーム|トップページ|(?:[^\s。、]{0,12}一覧|前のページ|トップ)?(?:へ|に)戻る|戻る|Back(?: to [A-Za-z ]{1,20})?|(?:お知らせ|ニュース|新着情報|トピックス|ニュースリリース|プレスリリース)(?:一覧)?|News|Topics|Information)\s*$/i;
const PROSE = /^.{20,}。$/;
// A quoted mail's header line (From: …, 件名: …) is part of a sample, never a title.
const MAIL_HEADER = /^(?:【[^】]{1,4}】)?\s*(?:From|To|Cc|Subject|件名|差出人|送信者|宛先)\s*[:：]/i;
const PROSE_LINE = /^.{40,}。\s*$/m;
const SUBJECT_LINE = /^(?:件名|表題|題名)\s*[:：]\s*(\S.{7,})$/;
const TITLE_WORDS = /お詫び|おわび|お知らせ|ご報告|について|に関する|のご案内|報告書|発生|判明/;
// A letter's salutation and greeting (「お客様各位」, 「平素は格別のお引き立てを…」, 「いつも当院をご利用いただき、ありがとうございます」): neither title nor lead.
const SALUTATION = /^\s*[^。\n]{0,16}各位\s*$|^\s*(?:平素|日頃|日ごろ)[はよ]|^\s*(?:いつも|毎度)[^。\n]{0,30}(?:ありがとうございます|ありがとうございます。|御礼申し上げます)/;
// A numbered or bulleted item: 「1. …」, 「(2) …」, 「③ …」, 「・…」.
const LIST_ITEM = /^(?:\d{1,2}\s*[.．)）、]|[(（]\d{1,2}[)）]|[①-⑳]|[・•■●◆▶-])\s*/;

/** A menu line: three or more short words separated by wide spaces or bars (an English line's single spaces separate words, not items). */
function isMenu(text: string): boolean {
  const latin = /^[\x20-\x7e’‘“”]+$/.test(text.trim());
  const parts = text.trim().split(latin ? /\s{2,}|[|｜]/ : /[\s　|｜]+/);
  // (A title spaced around a Latin word, 注意喚起:マルウェア Emotet の感染再拡大について, goes on where a part opens on a particle;
  // a headline spaced into short phrases counts what happened, 会員情報 約2,100件流出か しおかぜ商店: no menu counts.)
  // (Parts between bars may be a little longer: テレビ｜インターネット｜障害・メンテナンス情報.)
  const longest = /[|｜]/.test(text) && !/\d/.test(text) ? 12 : 10;
  return parts.length >= 3 && parts.every((p) => p.length <= longest && !/^[のをにが]/.test(p)) && !/[。、]/.test(text) && !/\d\s*(?:件|人|名|万|世帯)/.test(text);
}

// A letterhead's date line: "2025年10月8日(水)", "令和7年3月18日", "2025.12.01 18:00 更新", "October 8, 2025".
// (An era's date may be written in kanji numerals: 令和八年十一月二日.)
const DATE_LINE = /^(?:[^\s。]{0,6}[:：]\s*)?(?:(?:19|20)\d{2}|(?:令和|平成)\s*(?:\d{1,2}|元|[一二三四五六七八九十]{1,3}))\s*[年./-]\s*(?:\d{1,2}|[一二三四十]{1,2})\s*[月./-]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?\s*(?:[(（][^)）]{1,3}[)）])?\s*(?:\d{1,2}\s*[:時]\s*\d{0,2}\s*分?)?\s*(?:更新|公開|掲載|発表|公表|作成|現在)?\s*$|^(?:January|February|March|April|May|June|July|August|September|October|November|December)\s\d{1,2},?\s(?:19|20)\d{2}$/;

/** True for a page title made of its section and site only ("お知らせ | 株式会社X"): the page's frame, not the notice's title. */
function isFrameTitle(t: string): boolean {
  const parts = t.split(/\s*[|｜]\s*/);
  return parts.length >= 2 && parts.every((p) => PAGE_CHROME.test(p) || ORG_LINE.test(p.trim()));
}

/** True for a letterhead line (the organisation's name, the date), which titles nothing. */
function isLetterhead(t: string): boolean {
  return ORG_LINE.test(t) || DATE_LINE.test(t.normalize("NFKC")) || ENGLISH_ORG_LINE.test(t);
}

/** Choose the title of a post that has no heading: the first line that reads like one (titled: false when none does). */
function pickTitle(lines: Line[], from: number, to: number): { line: Line; titled: boolean } {
  let first: Line | null = null;
  let fallback: Line | null = null;
  let prose = false;
  let seen = 0;
  for (const [k, l] of lines.entries()) {
    if (l.end <= from || isBlank(l) || NAVIGATION.test(l.text) || isMenu(l.text) || PAGE_CHROME.test(l.text) || SALUTATION.test(l.text) || isFrameTitle(l.text.trim())) continue;
    // A title stands above the text: once prose has begun, later short lines are subheadings.
    if (l.start >= to || seen >= 12 || (prose && !first)) break;
    seen++;
    prose ||= PROSE.test(l.text.trim());
    const t = l.text.trim();
    // Without a title, the post opens with its first line past the letterhead.
    if (!isLetterhead(t)) fallback ??= l;
    // Letterhead lines (the organisation, the date) and sentences are not titles.
    // A line that breaks off mid-sentence (…感染被害が、) is a wrapped sentence, not a title; a headline
    // may end in に when a blank line follows it (「名簿が所在不明に」).
    // A notice's subject line (件名:…) above its letterhead titles it, unless it heads a quoted mail.
    const subject = SUBJECT_LINE.exec(t);
    if (subject && !first && !MAIL_HEADER.test(lines[k - 1]?.text.trim() ?? "") && !MAIL_HEADER.test(lines[k + 1]?.text.trim() ?? "") && (incidentTitle(subject[1]!) || TITLE_WORDS.test(subject[1]!))) {
      const at = l.text.indexOf(subject[1]!);
      return { line: { ...l, start: l.start + at, text: subject[1]! }, titled: true };
    }
    const headlineNi = /に$/.test(t) && (k + 1 >= lines.length || isBlank(lines[k + 1]));
    const broken = /[、，,]$|[はがをにでとの]$/.test(t) && !headlineNi || MAIL_HEADER.test(t);
    if (!first && !broken && t.length >= 8 && !isLetterhead(t) && !/^[\d０-９令平R元年月日\s./-]+$|^.{0,8}\d{4}\s*年|。$/.test(t)) first = l;
    // Once prose has begun, a numbered or bulleted item is a point of the text, not its title, nor is a
    // bracketed section heading (【被害に遭わないために】).
    if (prose && (LIST_ITEM.test(t) || /^【[^】]+】$/.test(t))) continue;
    if (!broken && t.length >= 8 && t.length <= 150 && !/[。]$/.test(t) && (incidentTitle(t) || TITLE_WORDS.test(t))) return { line: l, titled: true };
  }
  return first ? { line: first, titled: true } : { line: fallback ?? lines.find((l) => l.end > from)!, titled: false };
}

/** A block titled by a line of its own. */
function titled(start: number, end: number, line: Line, heading: Heading | null, hasTitle = true): Block {
  const lead = line.text.length - line.text.trimStart().length;
  return { start, end, titleStart: line.start + lead, titleEnd: line.start + line.text.trimEnd().length, heading, titled: hasTitle };
}

/** Where an incident post changes topic for good (an unmarked post follows it): the line that titles the rest, or null. */
function topicShift(text: string, lines: Line[], block: Block): Line | null {
  for (const line of lines) {
    if (line.start <= block.titleEnd || line.end >= block.end) continue;
    if (!couldBeTitle(line) || incidentTitle(line.text)) continue;
    const tail = text.slice(line.start, block.end);
    if (tail.length < 200 || noticeDensity(tail) >= 2.5) continue;
    if (otherTopic(tail).density < 2) continue;
    return line;
  }
  return null;
}

/** Where a listing entry ends: at pagination, a footer, a table header or the next month's header. */
function listingEnd(lines: Line[], from: number, to: number): number {
  for (const l of lines) {
    if (l.start <= from || l.start >= to) continue;
    if (LISTING_END.test(l.text) || /^\s*日付\s/.test(l.text) || /^\s*\S*\s*(?:19|20)\d{2}年\d{1,2}月\s*$/.test(l.text.normalize("NFKC"))) return l.start;
  }
  return to;
}

/** Lay out the blocks of a page: the text before the first heading, then one per heading. */
function blocksOf(text: string, lines: Line[], headings: Heading[]): Block[] {
  const blocks: Block[] = [];
  const first = headings[0]?.start ?? text.length;
  if (text.slice(0, first).trim() !== "") {
    const pick = pickTitle(lines, 0, first);
    blocks.push(titled(0, first, pick.line, null, pick.titled));
  }
  headings.forEach((h, k) => {
    const next = headings[k + 1]?.start ?? text.length;
    const end = h.listing ? listingEnd(lines, h.titleEnd, next) : Math.min(h.end ?? next, next);
    blocks.push({ start: h.start, end, titleStart: h.titleStart, titleEnd: h.titleEnd, heading: h, titled: h.titled ?? true });
  });
  return blocks;
}

// The month a page's header names: 「2023年11月」 standing alone, not a day (「2023年11月度」 and 「- 2023年11月」 alike);
// in English, a month and its year, a day between or not ("Week of November 16, 2026", "November 2026").
const PAGE_MONTH = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/;
const PAGE_MONTH_EN = new RegExp(`\\b(${EN_MONTHS.join("|")})(?:\\s\\d{1,2},?)?\\s((?:19|20)\\d{2})\\b`);
// A year, then the first day of the span the page covers: "Week 22, 2025(5月26日〜6月1日)", "まとめ(2025/3/3〜3/9)";
// or the day the page was posted: "Posted 2023-11-17".
const PAGE_SPAN = /((?:19|20)\d{2})\s*(?:[/.]|[^\d\n]{0,4}?[(（])\s*(\d{1,2})\s*[月/.]\s*\d{1,2}\s*日?\s*[~〜～-]|(?:Posted|Published|Updated|投稿|公開|配信)(?:\s*(?:on|日))?\s*[:：]?\s*((?:19|20)\d{2})[-/.年]\s*(\d{1,2})[-/.月]\s*\d{1,2}/;

/** A notice with the month its page names, if any. */
function withPageMonth(n: Notice, month: string | null): Notice {
  return month ? { ...n, pageMonth: month } : n;
}

/** The month the text above a page's posts names, `YYYY-MM`, if any. */
function pageMonthOf(header: string): string | null {
  const span = PAGE_SPAN.exec(header);
  const m = PAGE_MONTH.exec(header) ?? (span ? [span[0], span[1] ?? span[3], span[2] ?? span[4]] as const : null);
  const en = m ? null : PAGE_MONTH_EN.exec(header);
  const [year, month] = m ? [m[1]!, Number(m[2])] : en ? [en[2]!, EN_MONTHS.indexOf(en[1]!) + 1] : ["", 0];
  return month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, "0")}` : null;
}

/** The notices of one proposed segmentation, each classified. */
function noticesOf(cf: Casefile, lines: Line[], headings: Heading[], layout: Layout | null): Notice[] {
  const text = cf.text;
  const blocks = blocksOf(text, lines, headings);
  const publisher = publisherOf(lines, headings[0]?.start ?? text.length) ?? (layout?.name === "numbered-cases" ? signatureOf(lines) : null);
  const month = headings.length > 0 && blocks[0] && !blocks[0].heading ? pageMonthOf(text.slice(blocks[0].start, blocks[0].end)) : null;
  // A numbered case belongs to the notice that frames it: its opening text says whose case it is (its name, its
  // date). So does a post of any framed layout, and a post under a header that counts the posts (…について(2件)).
  const opening = blocks[0] && !blocks[0].heading ? blocks[0] : null;
  const counted = opening !== null && countsPosts(text.slice(opening.titleStart, opening.titleEnd), headings.length);
  const frame: Span | undefined = opening && (layout?.framed || counted) ? [opening.start, opening.end] : undefined;
  const notices: Notice[] = [];
  const verdictOf = (b: Block, end: number): Verdict => classify(text.slice(b.titleStart, b.titleEnd), text.slice(b.titleEnd, end), {
    casebook: b.heading?.casebook ?? false, listing: b.heading?.listing ?? false, titled: b.titled,
    numberedCase: b.heading !== null && layout?.name === "numbered-cases", tableRow: b.heading?.tableRow ?? false,
  });
  const queue = [...blocks];
  for (let b = queue.shift(); b; b = queue.shift()) {
    let end = b.end;
    while (end > b.start && /\s/.test(text[end - 1]!)) end--;
    if (end <= b.start) continue;
    const title = text.slice(b.titleStart, b.titleEnd);
    // Above a listing's first entry stands the page's header, not a post; a blog or a run of news items may open with one.
    // (A header that counts the posts below it, …について(2件), heads them however much prose it holds.)
    const header = !b.heading && headings.length > 0 && (!(layout?.headedByPost && PROSE_LINE.test(text.slice(b.start, end))) || (b === opening && counted));
    const verdict: Verdict = header ? { isIncident: false, kind: "unrelated", reason: "page header above the posts" } : verdictOf(b, end);
    // An incident post may run on into an unmarked post on another topic: that part becomes a post of its own.
    const shift = verdict.isIncident && !b.heading?.listing ? topicShift(text, lines, b) : null;
    if (shift) {
      queue.unshift(titled(shift.start, b.end, shift, null));
      end = shift.start;
      while (end > b.start && /\s/.test(text[end - 1]!)) end--;
    }
    const context = b.heading ? frame : undefined;
    notices.push({
      ...(context ? { context } : {}),
      index: notices.length,
      title,
      span: [b.start, end],
      titleSpan: [b.titleStart, b.titleEnd],
      kind: verdict.kind,
      isIncident: verdict.isIncident,
      reason: verdict.reason,
      listingDate: b.heading?.date ?? trailingDate(title) ?? cf.doc.published ?? null,
      category: b.heading?.category ?? null,
      ...(month && b.heading ? { pageMonth: month } : {}),
      publisher,
      incident: null,
    });
  }
  return notices;
}

/**
 * Split a decoded page into posts and classify each as an incident or not. Every layout reader
 * proposes where posts start; each proposal is read and scored, and the best wins (choose.ts); a post
 * naming several victims is split by victim (victims.ts). Pure.
 */
export function segment(cf: Casefile, readings = new Readings(cf.text)): Notice[] {
  // The layouts read digits, marks and spaces in ASCII, and never the site's frame; a page may write
  // its headings and dates in full width, and a page copied whole holds its menu and footer.
  const width = foldWidth(cf.text);
  const blocks = sideBlocks(width);
  const folded = withoutFrame(width, blocks);
  const page = folded === cf.text ? cf : { ...cf, text: folded };
  const lines = splitLines(page.text);
  const proposals: Proposal[] = [{ layout: "single", prior: 0, generic: false, several: false, inNotice: false, lineItems: false, notices: noticesOf(page, lines, [], null) }];
  // Generic layouts cannot hold on a page that speaks of itself throughout: they are not read there.
  const ownPage = speaksOfItself(page.text);
  for (const layout of LAYOUTS) {
    if (layout.generic && ownPage) continue;
    const headings = layout.read(lines);
    const several = layout.generic || (layout.several ?? false);
    // A layout that needs two incident posts is not worth reading when it cannot have two posts.
    if (headings.length === 0 || (several && headings.length + (layout.headedByPost ? 1 : 0) < 2)) continue;
    proposals.push({ layout: layout.name, prior: layout.prior, generic: layout.generic, several, inNotice: layout.inNotice ?? false, lineItems: layout.lineItems ?? false, notices: noticesOf(page, lines, headings, layout) });
  }
  const { best, why } = choose(proposals, page.text);
  cf.messages.push({ stage: "segment", severity: "info", code: "layout", text: ownPage ? `${why}; generic layouts not read (the page speaks of itself)` : why });
  // Listings and blogs may list a follow-up or a pinned post twice on purpose; digests repeat their summary.
  // A post that names several organisations hit (a roundup) then gives each its own notice.
  // Posts under explicit markers (casebook headings, day lines, table rows: a prior of 2 or more) are one incident each.
  const notices = best.generic ? withoutRepeats(best.notices, page.text) : best.notices;
  // (A victim's part takes the month its page's header names, "March 14, 2025", for the days it writes alone.)
  const split = (best.prior >= 2 ? notices : splitRoundups(readings, notices))
    .map((n) => n.victim && !n.pageMonth ? withPageMonth(n, pageMonthOf(page.text.slice(0, Math.min(n.span[0], 400)))) : n)
    .map((n) => beforeSideBlocks(n, blocks, page.text));
  // Titles and the publisher's name are quoted as the page writes them.
  return page === cf ? split : split.map((n) => ({
    ...n, title: cf.text.slice(...n.titleSpan),
    ...(n.publisher ? { publisher: { ...n.publisher, name: cf.text.slice(...n.publisher.span) } } : {}),
  }));
}

// A breadcrumb ("ホーム > お知らせ > 2024年") and a footer's copyright line: the site's frame, on every page of it.
const BREADCRUMB = /^\s*(?:ホーム|トップ(?:ページ)?|TOP|Home)\s*[>＞›»]|^[^。、\n]{0,80}[>＞›»][^。、\n]{0,80}[>＞›»][^。、\n]{0,80}$/i;
// Every breadcrumb holds one of its arrows: a line without one is not read further.
const CRUMB_MARK = /[>＞›»]/;
const COPYRIGHT = /^\s*(?:Copyright|©|\(c\))|All Rights Reserved/i;
// The owner a copyright line names: "Copyright © 2025 X Co., Ltd. All Rights Reserved.", "(C) 株式会社X".
const COPYRIGHT_OWNER = /^\s*(?:Copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:(?:19|20)\d{2}(?:\s*[-–~]\s*(?:19|20)\d{2})?\s*,?\s*)?(.+?)\s*(?:All\s+Rights\s+Reserved\.?)?\s*$/i;

/** The site a page is published by: the one its metadata names (not a section's name such as お知らせ), else the owner its copyright line names. */
export function pageSite(cf: Casefile): { name: string; span: Span } | null {
  return cf.site && !PAGE_CHROME.test(cf.site.name) ? cf.site : copyrightOwner(cf.text);
}

/** The owner the copyright line among a page's last lines names, where the text holds it. */
function copyrightOwner(text: string): { name: string; span: Span } | null {
  const lines = text.trimEnd().split("\n").slice(-8);
  let at = text.trimEnd().length;
  for (let k = lines.length - 1; k >= 0; k--) {
    const line = lines[k]!;
    at -= line.length;
    // Read in NFKC (ＣＯＰＹＲＩＧＨＴ); a line NFKC keeps the length of is quoted at the same offsets.
    const norm = line.normalize("NFKC");
    const m = norm.length === line.length ? COPYRIGHT_OWNER.exec(norm) : null;
    const name = m?.[1]?.trim();
    // "Copyright © All Rights Reserved." names no owner: an earlier line may.
    if (name && !/^All\s+Rights/i.test(name)) {
      const from = m!.index + m![0].indexOf(name);
      return { name: line.slice(from, from + name.length), span: [at + from, at + from + name.length] };
    }
    at -= 1;
  }
  return null;
}

// A block of the page beside the notice, headed by its name and running to the next blank line or prose: links to related pages
// (関連するお知らせ, 【関連記事】, whose dated lines are no listing of this page) and the notice's update history (更新履歴).
const SIDE_BLOCK = /^\s*[【■◆●]?\s*(?:更新履歴|改訂履歴|掲載履歴|関連(?:する)?(?:お知らせ|情報|記事|リンク|ページ|ニュース)|(?:その他|過去)のお知らせ|あわせて読みたい|こちらの記事も(?:おすすめ)?)\s*】?\s*[:：]?\s*$/;

/** The blocks beside the notice (SIDE_BLOCK), as offsets: each ends at a blank line, at prose (…。) or after a dozen lines. */
function sideBlocks(text: string): Span[] {
  const out: [number, number][] = [];
  let open: [number, number] | null = null;
  let count = 0;
  for (const m of matchesOf(/^.*$/gm, text)) {
    const t = m[0].trim();
    const end = m.index + m[0].length;
    if (SIDE_BLOCK.test(m[0])) {
      open = [m.index, end];
      out.push(open);
      count = 1;
    } else if (open && count <= 12 && t !== "" && t.length <= 100 && !t.endsWith("。")) {
      open[1] = end;
      count++;
    } else open = null;
  }
  return out;
}

/** The text with the lines of the site's frame (menu words, breadcrumbs, copyright) and the given blocks blanked: spaces of the same length, so every offset holds. */
function withoutFrame(text: string, blocks: readonly Span[]): string {
  const framed = text.replace(/^.*$/gm, (line) => (PAGE_CHROME.test(line) || (CRUMB_MARK.test(line) && BREADCRUMB.test(line)) || COPYRIGHT.test(line) ? " ".repeat(line.length) : line));
  return blocks.reduce((t, [a, b]) => t.slice(0, a) + t.slice(a, b).replace(/[^\n]/g, " ") + t.slice(b), framed);
}

/** A post cut before a block beside it when no prose (…。) follows the block within the post (a byline may). */
function beforeSideBlocks(n: Notice, blocks: readonly Span[], text: string): Notice {
  const block = blocks.find(([a, b]) => a > n.titleSpan[1] && a < n.span[1] && !/。/.test(text.slice(b, n.span[1])));
  if (!block) return n;
  let end = block[0];
  while (end > n.span[0] && /\s/.test(text[end - 1]!)) end--;
  return { ...n, span: [n.span[0], end] };
}

/** The bigrams of a title without its brackets, bullets and spaces. */
function bigrams(title: string): Set<string> {
  const t = title.normalize("NFKC").replace(/[\s【】「」『』\[\]()（）•・\-■●◆]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 1 < t.length; i++) out.add(t.slice(i, i + 2));
  return out;
}

/** The figures of a text (two digits or more, commas dropped): 2,400 → 2400. */
function figures(text: string): Set<string> {
  return new Set((text.normalize("NFKC").match(/\d[\d,]*\d/g) ?? []).map((f) => f.replace(/,/g, "")));
}

/** True when `english` holds almost no Japanese, `japanese` mostly Japanese, and two or more of the English figures, at least half of them, are the Japanese text's. */
function translates(english: string, japanese: string): boolean {
  const share = (t: string) => (t.match(/[\u3040-\u30ff\u3400-\u9fff]/g)?.length ?? 0) / Math.max(1, t.replace(/[\s\d,.]/g, "").length);
  if (share(english) > 0.05 || share(japanese) < 0.4) return false;
  const en = figures(english), ja = figures(japanese);
  const shared = [...en].filter((f) => ja.has(f)).length;
  return shared >= 2 && 2 * shared >= en.size;
}

/**
 * A digest that summarises its items and then gives them in full names each incident twice: the shorter
 * telling of two incident posts with (nearly) the same title is marked a repeat, not a second incident; so is
 * a bilingual notice's English telling after the Japanese.
 */
function withoutRepeats(notices: Notice[], text: string): Notice[] {
  const grams = notices.map((n) => bigrams(n.title));
  const length = (n: Notice) => n.span[1] - n.span[0];
  for (let i = 0; i < notices.length; i++) {
    for (let j = i + 1; j < notices.length; j++) {
      const [a, b] = [notices[i]!, notices[j]!];
      if (!a.isIncident || !b.isIncident) continue;
      // A bilingual notice tells its incident again in English: the same figures in the other language.
      if (translates(text.slice(...b.span), text.slice(...a.span))) {
        Object.assign(b, { isIncident: false, kind: "unrelated", reason: `repeats the post "${a.title.slice(0, 40)}" in English` });
        continue;
      }
      if (grams[i]!.size < 6) continue;
      const shared = [...grams[i]!].filter((g) => grams[j]!.has(g)).length;
      if ((2 * shared) / (grams[i]!.size + grams[j]!.size) < 0.8) continue;
      const [kept, repeat] = length(a) >= length(b) ? [a, b] : [b, a];
      Object.assign(repeat, { isIncident: false, kind: "unrelated", reason: `repeats the post "${kept.title.slice(0, 40)}"` });
    }
  }
  return notices;
}
