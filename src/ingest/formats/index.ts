import type { Message, SourceDocument, Span } from "../../core/types.js";

/** Text drawn from a document in some format, with what the reader noticed on the way. */
export interface FormatResult {
  /** Plain text, one block per line, blank lines between blocks; spans index into it. */
  text: string;
  /** Charset the bytes were decoded with, or null for formats that carry their own (PDF). */
  charset: string | null;
  /** Title the format gives (HTML <title>, PDF metadata), if any. */
  title?: string;
  /** The site or publisher the document names in its metadata (og:site_name, a feed item's author), where the text holds it. */
  site?: { name: string; span: Span };
  messages: Message[];
}

/** Raised when a document cannot be read at all; the batch records it and goes on. */
export class UnreadableError extends Error {
  override name = "UnreadableError";
}

/** A reader for one media type. */
export type FormatReader = (doc: SourceDocument) => Promise<FormatResult>;
