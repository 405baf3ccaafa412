import type { Store } from "../store/types.js";
import { makeDocument } from "./document.js";
import { analysisPool } from "./pool.js";
import type { Reanalysis } from "./types.js";

/** What one re-extraction run did. */
export interface ReextractSummary {
  documents: number;
  notices: number;
  changed: number;
  unchanged: number;
  failures: { source: string; error: string }[];
}

// Documents re-analysed per transaction: a killed run leaves every document's old or new analysis.
const BATCH = 200;
// Documents handed to the workers ahead of the one being written, by count and by bytes: more than a
// batch, so that the workers go on analysing while a batch is written.
const AHEAD = 3 * BATCH;
const AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * Run the current rules over every archived document (or those `only` names: one chunk of a queued
 * re-extraction), from its original bytes: worker threads decode and analyse ahead while this thread
 * writes batches. Unchanged documents are not rewritten.
 */
export async function reextractAll(store: Store, workers?: number, only?: string[]): Promise<ReextractSummary> {
  const sum: ReextractSummary = { documents: 0, notices: 0, changed: 0, unchanged: 0, failures: [] };
  const pool = analysisPool(workers);
  let batch: Reanalysis[] = [];
  const flush = async () => {
    const r = await store.replaceAnalysis(batch);
    sum.documents += batch.length;
    sum.notices += r.notices;
    sum.changed += r.incidentsUpdated + r.incidentsNew;
    sum.unchanged += r.incidentsUnchanged;
    batch = [];
  };
  const inFlight: { source: string; size: number; result: Promise<Reanalysis[]> }[] = [];
  let inFlightBytes = 0;
  const take = async () => {
    const { source, size, result } = inFlight.shift()!;
    inFlightBytes -= size;
    try {
      batch.push(...(await result));
    } catch (e) {
      sum.failures.push({ source, error: e instanceof Error ? e.message.split("\n")[0]! : String(e) });
    }
    if (batch.length >= BATCH) await flush();
  };
  try {
    for await (const stored of store.documents(only)) {
      if (stored.parent === null && stored.text === null) continue; // a feed container: its items are documents
      const doc = makeDocument(stored.bytes, {
        source: stored.sources[0]?.source ?? stored.sha256, fetchedAt: stored.sources[0]?.fetched_at ?? new Date().toISOString(),
        declaredType: stored.mediaType, ...(stored.title ? { title: stored.title } : {}),
        ...(stored.published ? { published: stored.published } : {}), ...(stored.parent ? { parent: stored.parent } : {}),
      });
      inFlight.push({ source: doc.source, size: stored.bytes.length, result: pool.analyse(doc, stored.analysis) });
      inFlightBytes += stored.bytes.length;
      while (inFlight.length >= AHEAD || inFlightBytes > AHEAD_BYTES) await take();
    }
    while (inFlight.length) await take();
    await flush();
  } finally {
    await pool.close();
  }
  return sum;
}
