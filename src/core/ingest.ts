import type { ReadFailure, ReadOptions } from "../ingest/readers/index.js";
import { isFailure, readInputs } from "../ingest/readers/index.js";
import type { Writer } from "../casebook/authorize.js";
import type { Store } from "../store/types.js";
import { runPipeline } from "./pipeline.js";
import type { Casefile, SourceDocument } from "./types.js";

/** What one ingest run did, for the summary line and the exit code. */
export interface IngestSummary {
  /** Incidents opened or changed, for watchlists. */
  incidentIds: string[];
  documents: number;
  unchanged: number;
  notices: number;
  incidentsNew: number;
  incidentsUpdated: number;
  incidentsUnchanged: number;
  failures: { input: string; error: string }[];
  warnings: { input: string; text: string }[];
}

/** Progress reported after each input. */
export type IngestProgress = (done: number, input: string) => void;

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0]!.slice(0, 300);
}

/** How documents are decoded, split and extracted: in this thread (runPipeline), or on a worker. */
export type Pipeline = (doc: SourceDocument) => Promise<Casefile[]>;

/** Ingest one read document as `writer`: archive it, decode, split, extract and store, or say why not. */
async function ingestDocument(store: Store, doc: SourceDocument, writer: Writer, pipeline: Pipeline, sum: IngestSummary): Promise<void> {
  if (await store.hasDocument(doc.sha256)) {
    await store.addSource(doc.sha256, doc.source, doc.fetchedAt, writer);
    sum.unchanged++;
    return;
  }
  const casefiles = await pipeline(doc);
  if (casefiles.length === 0 || casefiles.some((cf) => cf.doc.sha256 !== doc.sha256)) await store.saveContainer({ doc, messages: [] });
  for (const cf of casefiles) {
    const r = await store.saveCasefile(cf, writer);
    sum.documents++;
    sum.notices += r.notices;
    sum.incidentsNew += r.incidentsNew;
    sum.incidentsUpdated += r.incidentsUpdated;
    sum.incidentsUnchanged += r.incidentsUnchanged;
    if (r.incidentsNew || r.incidentsUpdated) sum.incidentIds.push(...r.incidentIds);
    if (!r.stored) sum.unchanged++;
    for (const m of cf.messages) if (m.severity !== "info") sum.warnings.push({ input: cf.doc.source, text: m.text });
  }
}

/**
 * Read every input and store what it holds as `writer`, one transaction per document. A bad input
 * (or one the writer may not file) is recorded as a failure with a one-line reason and the batch goes on.
 */
export async function ingest(store: Store, inputs: string[], writer: Writer, opts: ReadOptions = {}, progress?: IngestProgress): Promise<IngestSummary> {
  return ingestDocuments(store, readInputs(inputs, opts), writer, progress);
}

/**
 * Store documents already read (uploads, polled feeds), or record the failures to read them: the rest
 * of `ingest`. `pipeline` analyses each document (in this thread unless said otherwise).
 */
export async function ingestDocuments(
  store: Store, items: AsyncIterable<SourceDocument | ReadFailure> | Iterable<SourceDocument | ReadFailure>, writer: Writer,
  progress?: IngestProgress, pipeline: Pipeline = runPipeline,
): Promise<IngestSummary> {
  const sum: IngestSummary = { incidentIds: [], documents: 0, unchanged: 0, notices: 0, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, failures: [], warnings: [] };
  let done = 0;
  for await (const item of items) {
    if (isFailure(item)) {
      sum.failures.push(item);
    } else {
      try {
        await ingestDocument(store, item, writer, pipeline, sum);
      } catch (err) {
        sum.failures.push({ input: item.source, error: oneLine(err) });
      }
    }
    progress?.(++done, isFailure(item) ? item.input : item.source);
  }
  sum.incidentIds = [...new Set(sum.incidentIds)];
  await store.matchWatchlists(sum.incidentIds);
  return sum;
}
