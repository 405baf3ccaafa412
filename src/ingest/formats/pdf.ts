import { createRequire } from "node:module";
import { dirname, join, sep } from "node:path";
import type { SourceDocument } from "../../core/types.js";
import { UnreadableError, type FormatResult } from "./index.js";

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

const JAPANESE = /[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff9f]/;

/** True when a space belongs between two runs on the same line. */
function needsSpace(line: string, prev: Run, next: Run): boolean {
  const before = line.at(-1) ?? "";
  const after = next.str[0] ?? "";
  if (/\s/.test(before) || /\s/.test(after)) return false;
  if (JAPANESE.test(before) && JAPANESE.test(after)) return false;
  const gap = next.x - (prev.x + prev.width);
  return gap > 0.2 * Math.max(prev.height, next.height, 1);
}

/** Rebuild the lines of one page from its runs, in content order. */
function pageLines(runs: Run[]): string[] {
  const lines: string[] = [];
  let line = "";
  let prev: Run | null = null;
  for (const run of runs) {
    const sameLine = prev !== null && !prev.hasEOL &&
      Math.abs(run.y - prev.y) <= 0.5 * Math.max(prev.height, run.height, 1);
    if (!sameLine) {
      lines.push(line);
      line = run.str;
    } else if (prev) {
      line += (needsSpace(line, prev, run) ? " " : "") + run.str;
    }
    prev = run;
  }
  lines.push(line);
  return lines.map((l) => l.replace(/[ \t\u00a0]+/g, " ").trim()).filter(Boolean);
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

/** Read a PDF document's text layer: lines rebuilt from positioned runs, a blank line between pages. */
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
      if (lines.length > 0) pages.push(lines.join("\n"));
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
