import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { SourceDocument } from "../../core/types.js";
import { UnreadableError, type FormatResult } from "./index.js";
import { ENDS_PARAGRAPH, JAPANESE, joint, OPENS_ITEM } from "./unwrap.js";

/** Where pdfjs-dist keeps its data files, as filesystem paths ending in a separator. */
const PDFJS_ROOT = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const CMAP_DIR = join(PDFJS_ROOT, "cmaps") + sep;
const FONT_DIR = join(PDFJS_ROOT, "standard_fonts") + sep;

/** A positioned run of text on a page, as pdfjs reports it. */
interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hasEOL: boolean;
}

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
let pdfjs: Promise<PdfJs> | null = null;

/** Load pdfjs once, lazily: most batches hold no PDF. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjs;
}

/** True when a space belongs between two runs on the same line. */
function needsSpace(line: string, prev: Run, next: Run): boolean {
  const before = line.at(-1) ?? "";
  const after = next.str[0] ?? "";
  if (/\s/.test(before) || /\s/.test(after)) return false;
  if (JAPANESE.test(before) && JAPANESE.test(after)) return false;
  const gap = next.x - (prev.x + prev.width);
  return gap > 0.2 * Math.max(prev.height, next.height, 1);
}

/** A line of a page as laid out: its text, left and right edges, baseline and type size. */
interface PageLine {
  text: string;
  left: number;
  right: number;
  y: number;
  size: number;
}

/** Rebuild the lines of one page from its runs, in content order. */
function pageLines(runs: Run[]): PageLine[] {
  const lines: PageLine[] = [];
  let line: PageLine | null = null;
  let prev: Run | null = null;
  for (const run of runs) {
    if (line && prev && !prev.hasEOL && Math.abs(run.y - prev.y) <= 0.5 * Math.max(prev.height, run.height, 1)) {
      line.text += (needsSpace(line.text, prev, run) ? " " : "") + run.str;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, run.height);
    } else {
      if (line) lines.push(line);
      line = { text: run.str, left: run.x, right: run.x + run.width, y: run.y, size: run.height };
    }
    prev = run;
  }
  if (line) lines.push(line);
  return lines.map((l) => ({ ...l, text: l.text.replace(/[ \t\u00a0]+/g, " ").trim() })).filter((l) => l.text !== "");
}

/** The middle value of some numbers. */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

// A page's number in its header or footer: "- 3 -", "3 / 12", "Page 3", "iii".
const PAGE_NUMBER = /^(?:[-－–—]?\s*(?:\d{1,3}|[ivxlc]{1,6})\s*[-－–—]?|\d{1,3}\s*\/\s*\d{1,3}|(?:Page|P\.)\s*\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?)$/i;

/** A page's text as paragraphs, and whether its last paragraph goes on over the page. */
interface PageText {
  text: string;
  continues: boolean;
}

/**
 * The text of a page's lines as paragraphs: a line that runs to the right edge of the text and does
 * not end a sentence goes on in the next line (the page wrapped it there), and a wider gap than the
 * page's usual line spacing is a blank line. A page where fewer than two long lines reach its right
 * edge wraps nothing; a line that runs past the edge was not wrapped there. The page's number, at its
 * top or bottom, is not text.
 */
function pageText(all: PageLine[]): PageText {
  const top = Math.max(...all.map((l) => l.y));
  const bottom = Math.min(...all.map((l) => l.y));
  const lines = all.filter((l) => !(all.length > 1 && (l.y === top || l.y === bottom) && PAGE_NUMBER.test(l.text)));
  // The right edge of the text: the rightmost place where two lines stop (a single wide table row or
  // address that runs past it does not move it).
  const near = (l: PageLine, x: number) => Math.abs(l.right - x) <= 1.5 * Math.max(l.size, 1);
  const edge = lines.map((l) => l.right).sort((x, y) => y - x).find((x) => lines.filter((l) => near(l, x)).length >= 2);
  // A line that stops there and spans at least fifteen characters of its type: a short list's equal lines do not wrap.
  const atEdge = (l: PageLine) => edge !== undefined && near(l, edge) && l.right - l.left >= 15 * Math.max(l.size, 1);
  const wraps = lines.filter(atEdge).length >= 2;
  // Ragged English stops short of the edge where the next line's first word would not have fitted (its
  // width read off that line's own characters); Japanese breaks anywhere, so it reaches the edge.
  const wordFits = (a: PageLine, b: PageLine) => {
    const word = /^[^\s\u3000-\u30ff\u3400-\u9fff\uff01-\uff9f]+/.exec(b.text.trimStart())?.[0];
    return word === undefined || a.right + ((word.length + 1) * (b.right - b.left)) / Math.max(b.text.length, 1) <= edge!;
  };
  // (Ragged lines stop anywhere short of the margin, so the edge two of them share may fall a little short of it.)
  const ragged = (a: PageLine, b: PageLine) => edge !== undefined && a.right - a.left >= 15 * Math.max(a.size, 1) &&
    a.right <= edge + (3 * (a.right - a.left)) / Math.max(a.text.length, 1) && !wordFits(a, b);
  const runsOn = (a: PageLine, b?: PageLine) => wraps && (atEdge(a) || (b !== undefined && ragged(a, b))) && !ENDS_PARAGRAPH.test(a.text);
  const pitch = median(lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((d) => d > 0));
  let out = lines[0]?.text ?? "";
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const gap = a.y - b.y;
    if (pitch > 0 && gap > 1.6 * pitch) out += "\n\n";
    else if (gap > 0 && runsOn(a, b) && !OPENS_ITEM.test(b.text)) out += joint(a.text, b.text);
    else out += "\n";
    out += b.text;
  }
  const last = lines.at(-1);
  return { text: out, continues: last !== undefined && runsOn(last) };
}

/** Pages' texts in order: a blank line between two, unless a paragraph runs on over the page. */
function joinPages(pages: PageText[]): string {
  let out = pages[0]?.text ?? "";
  for (let k = 1; k < pages.length; k++) {
    const [prev, next] = [pages[k - 1]!, pages[k]!];
    out += prev.continues && !OPENS_ITEM.test(next.text) ? joint(prev.text, next.text) : "\n\n";
    out += next.text;
  }
  return out;
}

/** One-line reason for a pdfjs failure. */
function failure(err: unknown): UnreadableError {
  const name = err instanceof Error ? err.name : "";
  if (name === "PasswordException") return new UnreadableError("encrypted PDF");
  const reason = (err instanceof Error ? err.message : String(err)).split("\n")[0]!.replace(/\.$/, "");
  return new UnreadableError(`truncated or corrupt PDF: ${reason}`);
}

/** True when the end-of-file marker is missing from the last bytes (a download cut short). */
function isCutShort(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 4096))).toString("latin1");
  return !tail.includes("%%EOF");
}

/** The document title from the PDF's info dictionary; a broken one is no title. */
async function pdfTitle(pdf: { getMetadata(): Promise<{ info: object }> }): Promise<string> {
  const info = await pdf.getMetadata().then((m) => m.info as { Title?: unknown }, () => null);
  return typeof info?.Title === "string" ? info.Title.trim() : "";
}

/** Read a PDF document's text layer: lines rebuilt from positioned runs and joined into paragraphs, a blank line between pages (but within a paragraph). */
export async function readPdf(doc: SourceDocument): Promise<FormatResult> {
  if (isCutShort(doc.bytes)) throw new UnreadableError("truncated or corrupt PDF: no end-of-file marker");
  const { getDocument, VerbosityLevel } = await loadPdfJs();
  const task = getDocument({
    data: new Uint8Array(doc.bytes), // pdfjs may detach the buffer it is given
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: FONT_DIR,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    const pdf = await task.promise;
    const pages: PageText[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const runs = content.items.flatMap((it): Run[] =>
        "str" in it ? [{ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height, hasEOL: it.hasEOL }] : []);
      const lines = pageLines(runs);
      const page = lines.length > 0 ? pageText(lines) : null;
      if (page?.text) pages.push(page);
    }
    if (pages.length === 0) throw new UnreadableError("PDF has no text layer (scanned image?)");
    const title = await pdfTitle(pdf);
    return { text: joinPages(pages), charset: null, messages: [], ...(title ? { title } : {}) };
  } catch (err) {
    throw err instanceof UnreadableError ? err : failure(err);
  } finally {
    await task.destroy();
  }
}
