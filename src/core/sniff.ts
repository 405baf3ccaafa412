/** Media types the pipeline knows how to read. */
export type MediaType = "text/plain" | "text/markdown" | "text/html" | "application/pdf" | "application/xml" | "application/octet-stream";

const BY_EXTENSION: Record<string, MediaType> = {
  txt: "text/plain", text: "text/plain", md: "text/markdown", markdown: "text/markdown",
  html: "text/html", htm: "text/html", xhtml: "text/html",
  pdf: "application/pdf",
  xml: "application/xml", rss: "application/xml", atom: "application/xml", rdf: "application/xml",
};

/** Decide a document's media type from its first bytes, then a declared type, then its name. */
export function sniffMediaType(bytes: Uint8Array, declared?: string | null, name?: string | null): MediaType {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString("latin1").replace(/^\xef\xbb\xbf/, "").trimStart().toLowerCase();
  if (head.startsWith("%pdf-")) return "application/pdf";
  if (head.startsWith("<?xml") || /^<(rss|feed|rdf:rdf)[\s>]/.test(head)) {
    return /<(rss|feed|rdf:rdf)[\s>]/.test(head) || !/<html[\s>]/.test(head) ? "application/xml" : "text/html";
  }
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(head)) return "text/html";
  const type = declared?.split(";")[0]?.trim().toLowerCase();
  if (type === "application/pdf") return "application/pdf";
  if (type && /html/.test(type)) return "text/html";
  if (type === "text/markdown") return "text/markdown";
  if (type && /(rss|atom|rdf|xml)/.test(type)) return "application/xml";
  const ext = name?.toLowerCase().match(/\.([a-z0-9]+)(?:[?#].*)?$/)?.[1];
  if (ext && BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  return "text/plain";
}
