import { Readability } from "@mozilla/readability";
import * as cheerio from "cheerio";
import { parseHTML } from "linkedom";
import type { SourceDocument } from "../../core/types.js";
import { UnreadableError, type FormatResult } from "./index.js";
import { decodeText } from "./text.js";
import { CJK } from "./unwrap.js";

/** Never text: active content, embedded objects, hidden elements and ruby readings. */
const NEVER_TEXT = "script, style, noscript, template, iframe, frame, frameset, object, embed, applet, svg, canvas, [hidden], rt, rp";
/** Page furniture around the content. */
const FURNITURE = "nav, aside, form, button, select, textarea, input, dialog";
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

const BLOCK = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "CENTER", "DD", "DETAILS", "DIV", "DL", "DT",
  "FIELDSET", "FIGCAPTION", "FIGURE", "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HGROUP",
  "HR", "LEGEND", "LI", "MAIN", "OL", "P", "SECTION", "SUMMARY", "TABLE", "TBODY", "TFOOT", "THEAD",
  "TR", "UL",
]);
const HEADING = /^H[1-6]$/;
/** A line break in the source between two Japanese characters is not a space. */
const CJK_BREAK = new RegExp(`([${CJK}])[ \\t]*[\\r\\n]+[ \\t\\r\\n]*(?=[${CJK}])`, "g");

/** Collects text into lines: one per block, table cells separated by a tab. */
class Lines {
  readonly lines: string[] = [];
  private current = "";

  text(raw: string): void {
    this.current += raw.replace(CJK_BREAK, "$1").replace(/[\u200b\ufeff]/g, "").replace(/[ \t\n\r\f\v\u00a0]+/g, " ");
  }

  cell(): void {
    if (this.current.trim() !== "" && !this.current.endsWith("\t")) this.current += "\t";
  }

  break(): void {
    const line = this.current.replace(/ *\t */g, "\t").replace(/ {2,}/g, " ").replace(/^\s+|\s+$/g, "");
    if (line !== "") this.lines.push(line);
    this.current = "";
  }
}

/** Walk a DOM subtree, writing its visible text block by block. */
function walk(node: Node, out: Lines): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) out.text(child.nodeValue ?? "");
    if (child.nodeType !== 1) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (tag === "BR") {
      out.break();
    } else if (tag === "PRE") {
      out.break();
      for (const line of (child.textContent ?? "").split(/\r?\n/)) { out.text(line); out.break(); }
    } else {
      if (tag === "TD" || tag === "TH") out.cell();
      const block = BLOCK.has(tag);
      if (block) out.break();
      walk(child, out);
      if (block) out.break();
    }
  }
}

/** The text lines of a DOM subtree. */
function textLines(root: Node): string[] {
  const out = new Lines();
  walk(root, out);
  out.break();
  return out.lines;
}

/**
 * Parse with an HTML5 tree builder (implied html/head/body, entities) and drop everything that
 * is never content, visible or not. Headers and footers are kept inside <article> and <main>, where they hold a
 * post's title and date.
 */
function cleanHtml(html: string): { html: string; title: string | undefined; site: string | undefined } {
  const $ = cheerio.load(html);
  const title = oneLine($("title").first().text()) || oneLine($('meta[property="og:title"]').attr("content")) || undefined;
  const site = oneLine($('meta[property="og:site_name"]').attr("content")) || oneLine($('meta[name="author"]').attr("content")) || undefined;
  $(NEVER_TEXT).remove();
  $("[style]").filter((_, el) => HIDDEN_STYLE.test($(el).attr("style") ?? "")).remove();
  $(FURNITURE).remove();
  $("header, footer").filter((_, el) => $(el).closest("article, main").length === 0).remove();
  return { html: $.html(), title, site };
}

/** The headings that each head some text before the next heading, in document order. */
function headingsWithContent(document: Document): Element[] {
  const seq: (Element | "text")[] = [];
  const visit = (node: Node): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3 && (child.nodeValue ?? "").trim() !== "") seq.push("text");
      else if (child.nodeType === 1 && HEADING.test((child as Element).tagName.toUpperCase())) seq.push(child as Element);
      else if (child.nodeType === 1) visit(child);
    }
  };
  visit(document.body);
  return seq.filter((x, i): x is Element => x !== "text" && seq[i + 1] === "text");
}

/** The smallest element holding all the given ones. */
function commonAncestor(els: Element[]): Element {
  let anc: Element = els[0]!;
  while (anc.parentElement && !els.every((e) => anc.contains(e))) anc = anc.parentElement;
  return anc;
}

/** The outermost <article> elements of the page, in document order. */
function topArticles(document: Document): Element[] {
  return Array.from(document.querySelectorAll("article")).filter((a) => !a.parentElement?.closest("article"));
}

/** ≥3 h2 (else h3) headings that each head some text: the posts of an index page. */
function repeatedHeadings(document: Document): Element[] | null {
  const heads = headingsWithContent(document);
  for (const tag of ["H2", "H3"]) {
    const level = heads.filter((h) => h.tagName.toUpperCase() === tag);
    if (level.length >= 3) return level;
  }
  return null;
}

/**
 * The main content of a single-post page by Readability, or null when it finds nothing. Japanese
 * is dense, so a notice of 200 characters is already an article.
 */
function readableLines(html: string): string[] | null {
  const { document } = parseHTML(html) as unknown as { document: Document };
  const article = new Readability<Node>(document, { charThreshold: 200, serializer: (node) => node }).parse();
  const lines = article?.content ? textLines(article.content) : [];
  return lines.length > 0 ? lines : null;
}

// What joins a post's title to the site's name in a <title>: "お詫び | 株式会社X", "X - お知らせ", "Site：Title".
const TITLE_JOINT = /^[\s|｜:：\-–—/／>＞»«]+|[\s|｜:：\-–—/／>＞»«]+$/g;

/**
 * The <title> less the post title the page repeats below it ("お詫び | 株式会社X" over "お詫び" gives
 * "株式会社X"; "" when it is nothing more): a title said twice reads as two posts, each with a title.
 */
function titleBesides(title: string, lines: readonly string[]): string {
  const echoed = lines.slice(0, LEAD_LINES).map(oneLine).find((line) => [...line].length >= 6 && title.includes(line));
  return echoed ? title.replace(echoed, " ").replace(TITLE_JOINT, "").trim() : title;
}

/** Drop a line that repeats the one before it (a page title echoed by the first heading). */
function dedupe(lines: string[]): string[] {
  return lines.filter((line, i) => line !== lines[i - 1]);
}

/** Collapse the whitespace of a title or heading. */
function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

/**
 * The lines of each post of the page. A page of several <article>s gives one list per article;
 * a page of repeated headings (an index, or one long notice in sections: the segmenter tells)
 * gives the block around them; any other page gives its main content.
 */
function postLines(html: string, document: Document): string[][] {
  const articles = topArticles(document);
  if (articles.length >= 2) return articles.map(textLines).filter((lines) => lines.length > 0);
  const heads = repeatedHeadings(document);
  if (heads) return [textLines(commonAncestor(heads))];
  return [readableLines(html) ?? textLines(document.body)];
}

/**
 * Every visible line of an HTML document written for reading whole (no site around it: a rendered Markdown
 * file), a blank line between the blocks of its body as between a text's paragraphs.
 */
export function wholeText(html: string): string {
  const { document } = parseHTML(cleanHtml(html).html) as unknown as { document: Document };
  // Each block is read inside a box of its own, so that the block itself (a <pre>) is walked as such.
  const blocks = Array.from(document.body.childNodes).map((node) => {
    const box = document.createElement("div");
    box.appendChild(node.cloneNode(true));
    return textLines(box);
  });
  return blocks.map((lines) => lines.filter((l) => l !== "").join("\n")).filter((block) => block !== "").join("\n\n");
}

/**
 * Read an HTML document: the text of its main content, one block per line, led by the page
 * title and main heading. A page of several posts keeps every post (heading, then body) in
 * document order, a blank line between <article>s. Nothing in the page is ever run.
 */
export async function readHtml(doc: SourceDocument): Promise<FormatResult> {
  const { text: raw, charset, messages } = decodeText(doc.bytes, doc.declaredCharset);
  const { html, title, site } = cleanHtml(raw);
  const { document } = parseHTML(html) as unknown as { document: Document };
  const posts = postLines(html, document);
  if (posts.every((lines) => lines.length === 0)) throw new UnreadableError("no readable text in the HTML page");
  const h1 = oneLine(document.querySelector("h1")?.textContent);
  const [first = [], ...rest] = posts;
  // The site's name joins the lead, after the title, unless the page's first lines already say it.
  const named = site && [title ?? "", h1, ...first.slice(0, LEAD_LINES)].some((line) => line.includes(site));
  const heading = posts.some((lines) => lines.includes(h1)) ? "" : h1;
  const lead = [titleBesides(title ?? "", [heading, ...first]), site && !named ? site : "", heading].filter(Boolean);
  const text = [dedupe([...lead, ...first]), ...rest.map(dedupe)].map((lines) => lines.join("\n")).join("\n\n");
  const at = site ? text.indexOf(site) : -1;
  return { text, charset, messages, ...(title ? { title } : {}), ...(site && at >= 0 ? { site: { name: site, span: [at, at + site.length] as const } } : {}) };
}

/** Lines at the top of a page where its site's name may already stand (a header, a logo's text). */
const LEAD_LINES = 5;
