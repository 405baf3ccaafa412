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
    const sameLine = line !== null && prev !== null && !prev.hasEOL &&
      Math.abs(run.y - prev.y) <= 0.5 * Math.max(prev.height, run.height, 1);
    if (!sameLine || !line) {
      if (line) lines.push(line);
      line = { text: run.str, left: run.x, right: run.x + run.width, y: run.y, size: run.height };
    } else {
      line.text += (prev && needsSpace(line.text, prev, run) ? " " : "") + run.str;
      line.right = Math.max(line.right, run.x + run.width);
      line.size = Math.max(line.size, run.height);
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

/**
 * The text of a page's lines as paragraphs: a line that runs to the right edge of the text and does
 * not end a sentence goes on in the next line (the page wrapped it there), and a wider gap than the
 * page's usual line spacing is a blank line. A page where fewer than two lines reach its right edge
 * wraps nothing; a line that runs past the edge was not wrapped there.
 */
function pageText(lines: PageLine[]): string {
  // The right edge of the text: where most of the longest third of the lines stop (a wide table row or
  // address that runs past it does not move it).
  const rights = lines.map((l) => l.right).sort((x, y) => y - x);
  const edge = median(rights.slice(0, Math.ceil(rights.length / 3)));
  // A line that stops there and spans at least fifteen characters of its type: a short list's equal lines do not wrap.
  const atEdge = (l: PageLine) => Math.abs(l.right - edge) <= 1.5 * Math.max(l.size, 1) && l.right - l.left >= 15 * Math.max(l.size, 1);
  const wraps = lines.filter(atEdge).length >= 2;
  const pitch = median(lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((d) => d > 0));
  let out = lines[0]?.text ?? "";
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const gap = a.y - b.y;
    if (pitch > 0 && gap > 1.6 * pitch) out += "\n\n";
    else if (wraps && gap > 0 && atEdge(a) && !ENDS_PARAGRAPH.test(a.text) && !OPENS_ITEM.test(b.text)) {
      out += joint(a.text, b.text);
    } else out += "\n";
    out += b.text;
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

/** Read a PDF document's text layer: lines rebuilt from positioned runs and joined into paragraphs, a blank line between pages. */
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
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const runs = content.items.flatMap((it): Run[] =>
        "str" in it ? [{ str: it.str, x: it.transform[4], y: it.transform[5], width: it.width, height: it.height, hasEOL: it.hasEOL }] : []);
      const lines = pageLines(runs);
      if (lines.length > 0) pages.push(pageText(lines));
    }
    if (pages.length === 0) throw new UnreadableError("PDF has no text layer (scanned image?)");
    const title = await pdfTitle(pdf);
    return { text: pages.join("\n\n"), charset: null, messages: [], ...(title ? { title } : {}) };
  } catch (err) {
    throw err instanceof UnreadableError ? err : failure(err);
  } finally {
    await task.destroy();
  }
}
