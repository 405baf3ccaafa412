import { extractIncident } from "../extract/index.js";
import { Readings } from "../extract/reading.js";
import { expandFeed } from "../ingest/formats/feed.js";
import { readHtml } from "../ingest/formats/html.js";
import type { FormatReader } from "../ingest/formats/index.js";
import { readMarkdown } from "../ingest/formats/markdown.js";
import { readPdf } from "../ingest/formats/pdf.js";
import { readText } from "../ingest/formats/text.js";
import { tagNotice } from "../intel/taxonomies/index.js";
import { pageSite, segment } from "../segment/index.js";
import type { Casefile, SourceDocument } from "./types.js";

const READERS: Record<string, FormatReader> = {
  "text/plain": readText,
  "text/markdown": readMarkdown,
  "text/html": readHtml,
  "application/pdf": readPdf,
  "application/xml": readHtml,
};

/**
 * Decode a document into casefiles: one for a page, one per item for a feed. Throws only when
 * the document cannot be read at all (the caller records the failure and goes on).
 */
export async function openDocument(doc: SourceDocument): Promise<Casefile[]> {
  if (doc.mediaType === "application/xml") {
    const items = expandFeed(doc);
    if (items) {
      const out: Casefile[] = [];
      for (const item of items) out.push(...(await openDocument(item)));
      return out;
    }
  }
  const read = READERS[doc.mediaType] ?? readText;
  const { text, charset, messages, site } = await read(doc);
  return [{ doc, charset, text, messages, notices: [], ...(site ? { site } : {}) }];
}

/** Split a decoded casefile into notices, extract each incident and tag it. Pure: no I/O. */
export function analyse(cf: Casefile): Casefile {
  // One set of readings for the whole page: the segmenter, the rules and the taggers share the NFKC text,
  // sentences, names and pattern matches of every stretch they all read.
  const readings = new Readings(cf.text);
  // A page whose header names no organisation is published by the site its metadata or its copyright line names.
  const site = pageSite(cf);
  cf.notices = segment(cf, readings).map((n) => (n.publisher || !site ? n : { ...n, publisher: site }));
  for (const n of cf.notices) {
    n.incident = n.isIncident ? extractIncident(cf.text, n, readings) : null;
    if (n.incident) n.incident.tags = tagNotice({ fields: n.incident.fields, findings: n.incident.findings, source: cf.text, span: n.span, reading: readings.of(n.span[0], n.span[1]) });
  }
  return cf;
}

/** Run the whole pure-after-decoding pipeline on one document. */
export async function runPipeline(doc: SourceDocument): Promise<Casefile[]> {
  return (await openDocument(doc)).map(analyse);
}
