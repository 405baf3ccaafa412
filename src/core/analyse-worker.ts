// Worker thread body: decode and analyse documents sent by the pool, return the casefiles.
import { parentPort } from "node:worker_threads";
import { analyse, openDocument } from "./pipeline.js";
import type { SourceDocument } from "./types.js";

parentPort!.on("message", async (msg: { id: number; doc: SourceDocument }) => {
  try {
    const casefiles = (await openDocument(msg.doc)).map(analyse);
    parentPort!.postMessage({ id: msg.id, casefiles });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
  }
});
