import { createHash } from "node:crypto";
import { sniffMediaType } from "./sniff.js";
import type { SourceDocument } from "./types.js";

/** Hex SHA-256 of some bytes. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Options for describing fetched bytes as a document. */
export interface DocumentOptions {
  source: string;
  fetchedAt?: string;
  declaredType?: string | null;
  declaredCharset?: string;
  title?: string;
  published?: string;
  parent?: string;
}

/** Describe fetched bytes as a source document: hash, media type and provenance. */
export function makeDocument(bytes: Uint8Array, opts: DocumentOptions): SourceDocument {
  const doc: SourceDocument = {
    bytes,
    sha256: sha256(bytes),
    source: opts.source,
    mediaType: sniffMediaType(bytes, opts.declaredType, opts.source),
    fetchedAt: opts.fetchedAt ?? new Date().toISOString(),
  };
  if (opts.declaredCharset) doc.declaredCharset = opts.declaredCharset;
  if (opts.title) doc.title = opts.title;
  if (opts.published) doc.published = opts.published;
  if (opts.parent) doc.parent = opts.parent;
  return doc;
}
