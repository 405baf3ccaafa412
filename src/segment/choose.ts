import type { Notice } from "../core/types.js";
import { SELF_REFERENCE_WORD } from "../core/vocab/organizations.js";
import { incidentTitle, titleScore } from "./classify.js";
import { headingName } from "./layouts.js";
import { distinctSubjects, subjectOf } from "./subjects.js";

/** One way of cutting a page into posts, read and classified. */
export interface Proposal {
  layout: string;
  /** What the layout's own markers are worth (casebook headings and day lines are explicit; a run of leads is not). */
  prior: number;
  /** A generic layout must show several incident posts about different organisations. */
  generic: boolean;
  /** The layout holds only when it yields at least two incident posts (numbered cases, separated items, generic layouts). */
  several: boolean;
  /** Its posts may be parts of one organisation's notice above them (a timeline, a table of what leaked): it cannot hold under one. */
  inNotice: boolean;
  /** Its posts are one line each (bullets): a post with nothing under its line is not hollow. */
  lineItems: boolean;
  notices: Notice[];
}

/** How much a post's title reads like a title: short, not a sentence, saying what happened. In [0, 1]. */
export function titleQuality(title: string): number {
  const t = title.trim();
  let q = t.length >= 8 && t.length <= 90 ? 0.5 : 0.1;
  if (/[。]$|です$|ます$|ました$/.test(t)) q *= 0.4;
  if (incidentTitle(t)) q += 0.3;
  if (/お詫び|おわび|お知らせ|ご報告|について|に関する/.test(t)) q += 0.2;
  return Math.min(1, q);
}

// Words that refer to the writer: a page that speaks of itself throughout is one organisation's notice.
const SELF = new RegExp(SELF_REFERENCE_WORD, "g");

// A line marking a language's half of a bilingual notice: [English], 【日本語】, (Japanese version).
const LANGUAGE_MARK = /^\s*[[［【(（<]\s*(?:English|Japanese|英語|英文|日本語|和文)(?:\s*(?:version|版))?\s*[\]］】)）>]\s*$/gim;

/**
 * True when a page speaks of itself throughout (当社, 本学… three times or more), or tells one notice in two
 * languages ([English] / [日本語]): no generic layout can hold there.
 */
export function speaksOfItself(text: string): boolean {
  return (text.match(SELF) ?? []).length >= 3 || (text.match(LANGUAGE_MARK) ?? []).length >= 2;
}

/** The organisation a post is about: a name line or heading above its title, the subject of its title, else of its first sentences (null: none named). */
function subjectOfPost(text: string, n: Notice): string | null {
  const above = text.slice(n.span[0], n.titleSpan[0]).trim();
  const title = text.slice(n.titleSpan[0], n.titleSpan[1]);
  // (A heading may be a name alone, perhaps after a label: "▼【DDoS】株式会社X".)
  return (above ? subjectOf(`${above}は`, 40) ?? headingName(above) : null) ?? subjectOf(title, 100) ?? (title.length <= 60 ? subjectOf(`${title}は`, 100) : null) ?? headingName(title) ?? subjectOf(text.slice(n.titleSpan[1], n.span[1]).trimStart(), 120);
}

/**
 * A post with nothing under its heading (a framed title line, a heading repeated): it counts as no incident of its own.
 * A table's row holds its account in its cells.
 */
function hollow(text: string, n: Notice): boolean {
  return !/[。.]$/.test(n.title.trim()) && (n.title.match(/[|｜]/g) ?? []).length < 2 && text.slice(n.titleSpan[1], n.span[1]).trim().length < 20;
}

// What only the organisation a notice is about says of it, in the humble voice: お知らせいたします, 判明いたしました.
const OWN_VOICE = /(?:お知らせ|ご報告|ご連絡)(?:いた|致)します|お詫び申し上げ|(?:判明|確認|発生|発覚)(?:いた|致)しました/;

/**
 * True when the text above a layout's first post is one organisation's notice of an incident: an incident
 * title (or one naming an incident's theme) over prose in which the writer speaks of itself (当社のサーバーが…, …を確認いたしました).
 */
function opensWithOwnNotice(text: string, header: Notice | undefined): boolean {
  // A report on an incident's investigation names its theme only (ランサムウェア被害に関する調査結果のご報告).
  if (!header || !(incidentTitle(header.title) || titleScore(header.title).theme.length > 0)) return false;
  const body = text.slice(header.titleSpan[1], header.span[1]);
  SELF.lastIndex = 0;
  return (SELF.test(body) || OWN_VOICE.test(body)) && /[^。\n]{20,}。/.test(body);
}

/** The score of a proposal; null when it cannot be the page's layout. */
function scoreOf(p: Proposal, text: string): number | null {
  // A timeline's dated lines or a table of what leaked, under one organisation's notice, are parts of it. The notice
  // may open with its own date line over its title (2024.03.08 / Notice: …) and read as the first dated post: then
  // the dated lines after it, none an incident, are its timeline.
  const posts = p.notices.filter((n) => n.reason !== "page header above the posts");
  const timeline = posts.length >= 2 && opensWithOwnNotice(text, posts[0]) && posts.slice(1).every((n) => !n.isIncident);
  if (p.inNotice && (timeline || opensWithOwnNotice(text, p.notices.find((n) => n.reason === "page header above the posts")))) return null;
  // An entry of a listing is its headline; elsewhere a heading with nothing under it is no incident of its own.
  const incidents = posts.filter((n) => n.isIncident && (p.prior >= 2 || p.lineItems || n.kind === "news_entry" || !hollow(text, n)));
  if (p.layout !== "single") {
    if (posts.length < 2 && p.prior < 2) return null;
    if (p.several && incidents.length < 2) return null;
    if (p.generic) {
      // Posts about different organisations, on a page that does not speak of itself throughout.
      if (distinctSubjects(incidents.map((n) => subjectOfPost(text, n)).filter((s): s is string => s !== null)) < 2) return null;
      if (speaksOfItself(text)) return null;
    }
  }
  let score = p.prior;
  for (const n of posts) {
    const q = titleQuality(n.title);
    score += incidents.includes(n) ? 1 + q : 0.3 * q;
  }
  return score;
}

/** The proposal with the best score (ties go to the earlier proposal), and how each scored, for the analyst. */
export function choose(proposals: Proposal[], text: string): { best: Proposal; why: string } {
  let best = proposals[0]!;
  let top = -Infinity;
  const scored: string[] = [];
  for (const p of proposals) {
    const s = scoreOf(p, text);
    scored.push(`${p.layout} ${s === null ? "ruled out" : s.toFixed(1)}`);
    if (s !== null && s > top) { best = p; top = s; }
  }
  return { best, why: `layout ${best.layout} (${scored.join(", ")})` };
}
