import * as cheerio from "cheerio";
import {
  detectAtomFeed, detectRdfFeed, detectRssFeed, MalformedError, parseFeed, ParseError,
  type AtomFeed, type RdfFeed, type RssFeed,
} from "feedsmith";
import { makeDocument } from "../../core/document.js";
import type { SourceDocument } from "../../core/types.js";
import { UnreadableError } from "./index.js";
import { decodeText } from "./text.js";

/** What the casebook keeps of one feed item. */
interface FeedItem {
  title: string;
  link?: string | undefined;
  id?: string | undefined;
  date?: string | undefined;
  /** HTML of the item's body. */
  html: string;
  /** Who wrote the item (RSS author or dc:creator, Atom author). */
  author?: string | undefined;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function ymd(year: string, month: number, day: string): string | undefined {
  if (month < 1 || month > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year.length === 2 ? `20${year}` : year}-${String(month).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/**
 * `YYYY-MM-DD` of a feed date (W3C/ISO 8601, RFC 822, "May 1, 2024", 2024/05/01, 2024年5月1日),
 * read as written: the day in the feed's own offset, never shifted to UTC.
 */
export function feedDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let m = /(\d{4})(?:-|\/|\.|年)(\d{1,2})(?:-|\/|\.|月)(\d{1,2})/.exec(raw);
  if (m) return ymd(m[1]!, Number(m[2]), m[3]!);
  m = /(\d{1,2})\s+([a-z]{3,})\.?,?\s+(\d{4}|\d{2})\b/i.exec(raw);
  if (m) return ymd(m[3]!, monthOf(m[2]!), m[1]!);
  m = /\b([a-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/i.exec(raw);
  if (m) return ymd(m[3]!, monthOf(m[1]!), m[2]!);
  return undefined;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Plain text of an Atom text construct (html and xhtml ones carry markup). */
function atomText(text: AtomFeed.Text | undefined): string {
  if (!text) return "";
  return text.type === "html" || text.type === "xhtml" ? cheerio.load(text.value).text() : text.value;
}

/** HTML of an Atom text construct or content. */
function atomHtml(text: AtomFeed.Text | AtomFeed.Content | undefined): string {
  if (!text?.value) return "";
  return text.type === "html" || text.type === "xhtml" ? text.value : `<p>${escapeHtml(text.value)}</p>`;
}

function rssItems(feed: RssFeed.Feed<string>): FeedItem[] {
  return (feed.items ?? []).map((it) => ({
    title: it.title ?? "",
    link: it.link,
    id: it.guid?.value,
    date: it.pubDate ?? it.dc?.dates?.[0] ?? it.atom?.updated,
    html: it.content?.encoded ?? it.description ?? "",
    author: it.dc?.creators?.[0] ?? it.authors?.[0]?.name,
  }));
}

function atomItems(feed: AtomFeed.Feed<string>): FeedItem[] {
  return (feed.entries ?? []).map((it) => ({
    title: atomText(it.title),
    link: (it.links?.find((l) => !l.rel || l.rel === "alternate") ?? it.links?.[0])?.href,
    id: it.id,
    date: it.published ?? it.updated ?? it.dc?.dates?.[0],
    html: atomHtml(it.content) || atomHtml(it.summary),
    author: it.authors?.[0]?.name ?? it.dc?.creators?.[0],
  }));
}

function rdfItems(feed: RdfFeed.Feed<string>): FeedItem[] {
  return (feed.items ?? []).map((it) => ({
    title: it.title ?? "",
    link: it.link,
    id: it.rdf?.about,
    date: it.dc?.dates?.[0] ?? it.dcterms?.issued?.[0] ?? it.dcterms?.modified?.[0],
    html: it.content?.encoded ?? it.description ?? "",
    author: it.dc?.creators?.[0],
  }));
}

// Comments, CDATA, processing instructions, doctype, then tags (attribute values may hold ">").
const XML_TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^>[]|\[[\s\S]*?\])*>|<(\/?)([A-Za-z_][\w.:-]*)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/gi;

/** Why the XML is not well formed as far as its tags go (a cut-short feed), or null. */
function tagProblem(xml: string): string | null {
  const open: string[] = [];
  for (const m of xml.matchAll(XML_TOKEN)) {
    const [, closing, name, selfClosing] = m;
    if (!name || selfClosing) continue;
    if (!closing) { open.push(name); continue; }
    const expected = open.pop();
    if (expected !== name) return expected ? `</${name}> where </${expected}> was expected` : `</${name}> was never opened`;
  }
  return open.length > 0 ? `<${open.at(-1)}> is not closed (cut short?)` : null;
}

/** The items of a feed and the feed's own title (its publisher), or null when the XML is not a feed. */
function feedItems(xml: string): { publisher: string; items: FeedItem[] } | null {
  if (!detectRssFeed(xml) && !detectAtomFeed(xml) && !detectRdfFeed(xml)) return null;
  const problem = tagProblem(xml);
  if (problem) throw new UnreadableError(`broken feed XML: ${problem}`);
  try {
    const { format, feed } = parseFeed(xml);
    if (format === "rss") return { publisher: feed.title ?? "", items: rssItems(feed) };
    if (format === "atom") return { publisher: atomText(feed.title), items: atomItems(feed) };
    if (format === "rdf") return { publisher: feed.title ?? "", items: rdfItems(feed) };
    return null;
  } catch (err) {
    if (err instanceof ParseError) return { publisher: "", items: [] }; // a feed without a channel or entries
    const cause = err instanceof MalformedError && err.cause instanceof Error ? err.cause.message : String(err);
    throw new UnreadableError(`broken feed XML: ${cause.split("\n")[0]}`);
  }
}

/**
 * The small HTML page a feed item becomes: title, date, publisher, then the item's own HTML. Its
 * site is the item's author, else the feed's title.
 */
function itemPage(item: FeedItem, published: string | undefined, publisher: string): string {
  const title = escapeHtml(item.title);
  const date = published ?? item.date;
  const site = item.author?.replace(/\s+/g, " ").trim() || publisher;
  return `<html><head><meta charset="utf-8"><title>${title}</title>${site ? `<meta property="og:site_name" content="${escapeHtml(site)}">` : ""}</head>` +
    `<body><h1>${title}</h1>${date ? `<p>${escapeHtml(date)}</p>` : ""}${publisher ? `<p>${escapeHtml(publisher)}</p>` : ""}${item.html}</body></html>`;
}

/**
 * Split an RSS 2.0, Atom or RSS 1.0 (RDF) feed into one HTML document per item; null if the XML
 * is not a feed. Throws UnreadableError for a feed whose XML is broken.
 */
export function expandFeed(doc: SourceDocument): SourceDocument[] | null {
  const feed = feedItems(decodeText(doc.bytes, doc.declaredCharset).text);
  if (!feed) return null;
  const publisher = feed.publisher.replace(/\s+/g, " ").trim();
  return feed.items.map((item, i) => {
    const published = feedDate(item.date);
    const title = item.title.replace(/\s+/g, " ").trim();
    return makeDocument(Buffer.from(itemPage({ ...item, title }, published, publisher), "utf8"), {
      source: item.link?.trim() || `${doc.source}#${item.id?.trim() || i + 1}`,
      fetchedAt: doc.fetchedAt,
      declaredType: "text/html",
      ...(title ? { title } : {}),
      ...(published ? { published } : {}),
      parent: doc.sha256,
    });
  });
}
