// Worker thread body: decode and analyse documents sent by the pool. A document whose analysis comes
// out as the digest it was sent with goes back as a count only, saving the copy of the casefile.
import { getPriority, setPriority } from "node:os";
import { parentPort } from "node:worker_threads";
import { analysisDigest } from "./digest.js";
import { analyse, openDocument } from "./pipeline.js";
import type { Reanalysis, SourceDocument } from "./types.js";

/** How much more nice a worker is than its process (10 more: about a tenth of a core against a busy thread). */
const WORKER_NICENESS = 10;

// Analysis gives way: the thread that writes, an HTTP server's thread and a database server on the same
// machine get a core first whenever they need one, and the workers take what is left (the niceness of
// this thread alone, on Linux). Where the system refuses, the worker runs at its usual priority.
try {
  setPriority(Math.min(19, getPriority() + WORKER_NICENESS));
} catch {
  // Nothing lost but the ordering.
}

parentPort!.on("message", async (msg: { id: number; doc: SourceDocument; stored: string | null }) => {
  try {
    const results: Reanalysis[] = (await openDocument(msg.doc)).map((cf) => {
      const casefile = analyse(cf);
      const digest = analysisDigest(casefile);
      return casefile.doc.sha256 === msg.doc.sha256 && digest === msg.stored
        ? { kind: "same", sha256: casefile.doc.sha256, notices: casefile.notices.length }
        : { kind: "changed", casefile, digest };
    });
    parentPort!.postMessage({ id: msg.id, results });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : "Error" });
  }
});
