// Worker thread body: decode and analyse documents sent by the pool. A document whose analysis comes
// out as the digest it was sent with goes back as a count only, saving the copy of the casefile.
import { parentPort } from "node:worker_threads";
import { analysisDigest } from "./digest.js";
import { analyse, openDocument } from "./pipeline.js";
import type { Reanalysis, SourceDocument } from "./types.js";

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
