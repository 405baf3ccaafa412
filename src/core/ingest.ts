import { availableParallelism } from "node:os";
import type { ReadFailure, ReadOptions } from "../ingest/readers/index.js";
import { isFailure, readInputs } from "../ingest/readers/index.js";
import type { Writer } from "../casebook/authorize.js";
import type { AnalysedCasefile, SaveResult, Store } from "../store/types.js";
import { runPipeline } from "./pipeline.js";
import { analysisPool, type AnalysisPool } from "./pool.js";
import type { Casefile, SourceDocument } from "./types.js";

/** What one ingest run did, for the summary line and the exit code (counts: a run of a million inputs keeps no list of them). */
export interface IngestSummary {
  documents: number;
  unchanged: number;
  notices: number;
  incidentsNew: number;
  incidentsUpdated: number;
  incidentsUnchanged: number;
  failures: { input: string; error: string }[];
  warnings: { input: string; text: string }[];
}

/** Progress reported after each input, with the incidents its casefiles opened or changed. */
export type IngestProgress = (done: number, input: string, incidentIds: readonly string[]) => void;

function oneLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.split("\n")[0]!.slice(0, 300);
}

/** How documents are decoded, split and extracted: in this thread (runPipeline), or on a worker. */
export type Pipeline = (doc: SourceDocument) => Promise<Casefile[]>;

// Casefiles saved per transaction.
const BATCH = 100;
// Documents analysed in this thread before the workers start: a small ingest does not wait for them.
const IN_THREAD = 16;
// Documents handed to the workers ahead of the one being written, by count and by bytes: more than a
// batch, so that the workers go on analysing while a batch is written.
const AHEAD = 3 * BATCH;
const AHEAD_BYTES = 64 * 1024 * 1024;

// Inputs read before the archive is asked which of them it holds (one round trip for them all), by count and by bytes.
const CHECK = 64;
const CHECK_BYTES = 8 * 1024 * 1024;

/** The inputs in runs of up to CHECK (or CHECK_BYTES), in order. */
async function* inChunks(items: AsyncIterable<SourceDocument | ReadFailure> | Iterable<SourceDocument | ReadFailure>): AsyncGenerator<(SourceDocument | ReadFailure)[]> {
  let chunk: (SourceDocument | ReadFailure)[] = [];
  let bytes = 0;
  for await (const item of items) {
    chunk.push(item);
    bytes += isFailure(item) ? 0 : item.bytes.length;
    if (chunk.length >= CHECK || bytes >= CHECK_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
  }
  if (chunk.length) yield chunk;
}

/** An input on its way to the store: read or not, analysed or not (yet), and its casefiles. */
interface Pending {
  input: string;
  failure?: string;
  /** Its bytes were archived already when it was read: a source added, nothing analysed. */
  archived?: boolean;
  doc?: SourceDocument;
  casefiles?: AnalysedCasefile[];
}

/**
 * Read every input and store what it holds as `writer`, in batches of casefiles. A bad input (or one
 * the writer may not file) is recorded as a failure with a one-line reason and the batch goes on.
 */
export async function ingest(store: Store, inputs: string[], writer: Writer, opts: ReadOptions = {}, progress?: IngestProgress): Promise<IngestSummary> {
  return ingestDocuments(store, readInputs(inputs, opts), writer, progress);
}

/**
 * Store documents already read (uploads, polled feeds), or record the failures to read them: the rest
 * of `ingest`. Each document is analysed by `pipeline` when given; otherwise the first few in this
 * thread, the rest on worker threads, ahead of this thread, which writes their casefiles in batches
 * (Store.saveCasefiles: one transaction each, which also records the batch's watch hits). The casebook
 * comes out as saving the documents one by one would leave it.
 */
export async function ingestDocuments(
  store: Store, items: AsyncIterable<SourceDocument | ReadFailure> | Iterable<SourceDocument | ReadFailure>, writer: Writer,
  progress?: IngestProgress, pipeline?: Pipeline,
): Promise<IngestSummary> {
  const sum: IngestSummary = { documents: 0, unchanged: 0, notices: 0, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, failures: [], warnings: [] };
  let done = 0;
  const threads: { pool?: AnalysisPool } = {};
  let analysed = 0;
  const analyse = async (doc: SourceDocument): Promise<AnalysedCasefile[]> => {
    if (pipeline) return (await pipeline(doc)).map((casefile) => ({ casefile }));
    if (analysed++ < IN_THREAD) return (await runPipeline(doc)).map((casefile) => ({ casefile }));
    // One core is left to this thread: unlike a re-extraction's, most of its saves change the casebook.
    threads.pool ??= analysisPool(Math.max(1, availableParallelism() - 1));
    return (await threads.pool.analyse(doc, null)).flatMap((r) => (r.kind === "changed" ? [{ casefile: r.casefile, digest: r.digest }] : []));
  };

  // Inputs in reading order: analysed ahead (inFlight), then waiting for their batch to be written (ready).
  const inFlight: { pending: Pending; size: number; result: Promise<AnalysedCasefile[]> | null }[] = [];
  let inFlightBytes = 0;
  let ready: Pending[] = [];
  let readyCasefiles = 0;

  /** Write the ready inputs' casefiles in one batch, then account for each input in reading order. */
  const flush = async () => {
    const batch = ready.flatMap((p) => p.casefiles ?? []);
    let results: (SaveResult | Error)[] = [];
    try {
      results = batch.length ? await store.saveCasefiles(batch, writer) : [];
    } catch (err) {
      results = batch.map(() => (err instanceof Error ? err : new Error(String(err))));
    }
    let k = 0;
    for (const p of ready) {
      if (p.failure !== undefined) sum.failures.push({ input: p.input, error: p.failure });
      if (p.archived) sum.unchanged++;
      const changed = (p.casefiles ?? []).flatMap(({ casefile: cf }) => account(sum, p, cf, results[k++]!));
      progress?.(++done, p.input, changed);
    }
    ready = [];
    readyCasefiles = 0;
  };

  /** The oldest input in flight, analysed, made ready; the batch written when full. */
  const take = async () => {
    const { pending: p, size, result } = inFlight.shift()!;
    inFlightBytes -= size;
    if (result) {
      try {
        p.casefiles = await result;
        // A feed, or a document that yields nothing, is archived as a container (saved at once: idempotent).
        if (p.casefiles.length === 0 || p.casefiles.some((x) => x.casefile.doc.sha256 !== p.doc!.sha256)) await store.saveContainer({ doc: p.doc!, messages: [] });
      } catch (err) {
        p.failure = oneLine(err);
        delete p.casefiles;
      }
    }
    ready.push(p);
    readyCasefiles += p.casefiles?.length ?? 0;
    if (readyCasefiles >= BATCH || ready.length >= BATCH) await flush();
  };

  /** Take in one input: a failure to record, a source to add to an archived document, or a document to analyse. */
  const admit = async (item: SourceDocument | ReadFailure, archived: Set<string> | Error) => {
    const p: Pending = { input: isFailure(item) ? item.input : item.source };
    let result: Promise<AnalysedCasefile[]> | null = null;
    if (isFailure(item)) {
      p.failure = item.error;
    } else {
      try {
        if (archived instanceof Error) throw archived;
        if (archived.has(item.sha256)) {
          // Already archived: one more source for it, added after everything read before it is written.
          while (inFlight.length) await take();
          await flush();
          await store.addSource(item.sha256, item.source, item.fetchedAt, writer);
          p.archived = true;
        } else {
          p.doc = item;
          result = analyse(item);
          // Settled by take(); not reported as unhandled while it waits.
          result.catch(() => {});
        }
      } catch (err) {
        p.failure = oneLine(err);
      }
    }
    const size = isFailure(item) ? 0 : item.bytes.length;
    inFlight.push({ pending: p, size, result });
    inFlightBytes += size;
    while (inFlight.length >= AHEAD || inFlightBytes > AHEAD_BYTES || (inFlight.length && !threads.pool)) await take();
  };

  try {
    for await (const chunk of inChunks(items)) {
      const shas = chunk.flatMap((item) => (isFailure(item) ? [] : [item.sha256]));
      const archived = await store.archivedDocuments(shas).catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
      for (const item of chunk) await admit(item, archived);
    }
    while (inFlight.length) await take();
    await flush();
  } finally {
    await threads.pool?.close();
  }
  return sum;
}

/** Count one saved (or refused) casefile of an input in the summary; the incidents it opened or changed. */
function account(sum: IngestSummary, p: Pending, cf: Casefile, r: SaveResult | Error): string[] {
  if (r instanceof Error) {
    sum.failures.push({ input: p.input, error: oneLine(r) });
    return [];
  }
  // The input's own bytes archived meanwhile (the same bytes read twice in one run): as if found archived when read.
  if (!r.stored && cf.doc.sha256 === p.doc!.sha256) {
    sum.unchanged++;
    return [];
  }
  sum.documents++;
  sum.notices += r.notices;
  sum.incidentsNew += r.incidentsNew;
  sum.incidentsUpdated += r.incidentsUpdated;
  sum.incidentsUnchanged += r.incidentsUnchanged;
  if (!r.stored) sum.unchanged++;
  for (const m of cf.messages) if (m.severity !== "info") sum.warnings.push({ input: cf.doc.source, text: m.text });
  return r.incidentsNew || r.incidentsUpdated ? r.incidentIds : [];
}
