import { availableParallelism } from "node:os";
import type { Casefile, Reanalysis, SourceDocument } from "./types.js";
import { workerThread } from "./worker-thread.js";

/** Analysis of documents on worker threads; results come back in the order asked. */
export interface AnalysisPool {
  /**
   * Decode and analyse a document on a worker, given the digest of its stored analysis (null when
   * none). Rejects with the worker's error (its name and message).
   */
  analyse(doc: SourceDocument, stored: string | null): Promise<Reanalysis[]>;
  close(): Promise<void>;
}

// A worker's nursery: each document's garbage dies young, so a small one is swept often and cheaply.
// Measured re-extracting a 20,000-notice bench casebook twice each: peak RSS 325/339 MB with V8's default,
// 299/305 MB with 16 MB, at the same rates within the machine's noise.
const YOUNG_GENERATION_MB = 16;

/**
 * A pool of `size` workers running openDocument + analyse; by default one per core, as the thread
 * that writes spends most of its time waiting for them.
 */
export function analysisPool(size = availableParallelism()): AnalysisPool {
  const pending = new Map<number, { resolve: (r: Reanalysis[]) => void; reject: (e: Error) => void }>();
  const workers = Array.from({ length: size }, () => {
    const w = workerThread("analyse-worker", import.meta.url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    w.on("message", (m: { id: number; results?: Reanalysis[]; error?: string; name?: string }) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      if (m.error !== undefined) p?.reject(Object.assign(new Error(m.error), { name: m.name }));
      else p?.resolve(m.results!);
    });
    w.on("error", (e) => { for (const p of pending.values()) p.reject(e); pending.clear(); });
    return w;
  });
  let next = 0;
  return {
    analyse(doc, stored) {
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[id % workers.length]!.postMessage({ id, doc, stored });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}

/** A document's casefiles, decoded and analysed on one of the pool's workers, as runPipeline gives them in this thread. */
export async function pipelineOn(pool: AnalysisPool, doc: SourceDocument): Promise<Casefile[]> {
  return (await pool.analyse(doc, null)).flatMap((r) => (r.kind === "changed" ? [r.casefile] : []));
}
