import type { Command } from "commander";
import { analyse, openDocument } from "../core/pipeline.js";
import { makeDocument } from "../core/document.js";
import type { Casefile } from "../core/types.js";
import { err, exit, out, withStore } from "./context.js";
import { safe } from "./format.js";

// Documents re-analysed per transaction: a killed run leaves every document's old or new analysis.
const BATCH = 200;

/** `jikenbo reextract`: run the current rules over the archived bytes, without fetching again. */
export function registerReextract(program: Command): void {
  program
    .command("reextract")
    .description("re-run decoding and extraction over the archive after rules improve")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .action(async (o: { db?: string }) => {
      const t0 = performance.now();
      const totals = { documents: 0, notices: 0, updated: 0, unchanged: 0, failed: 0 };
      await withStore(o.db, async (store) => {
        let batch: Casefile[] = [];
        const flush = async () => {
          const r = await store.replaceAnalysis(batch);
          totals.documents += batch.length;
          totals.notices += r.notices;
          totals.updated += r.incidentsUpdated + r.incidentsNew;
          totals.unchanged += r.incidentsUnchanged;
          batch = [];
        };
        for await (const stored of store.documents()) {
          if (stored.parent === null && stored.text === null) continue; // a feed container: its items are documents
          const doc = makeDocument(stored.bytes, {
            source: stored.sources[0]?.source ?? stored.sha256, fetchedAt: stored.sources[0]?.fetched_at ?? new Date().toISOString(),
            declaredType: stored.mediaType, ...(stored.title ? { title: stored.title } : {}),
            ...(stored.published ? { published: stored.published } : {}), ...(stored.parent ? { parent: stored.parent } : {}),
          });
          try {
            for (const cf of await openDocument(doc)) batch.push(analyse(cf));
          } catch (e) {
            totals.failed++;
            err(`${safe(doc.source)}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
          }
          if (batch.length >= BATCH) await flush();
        }
        await flush();
      });
      const s = (performance.now() - t0) / 1000;
      out(`re-extracted ${totals.documents} documents, ${totals.notices} notices in ${s.toFixed(2)} s: incidents ${totals.updated} changed, ${totals.unchanged} unchanged, ${totals.failed} failed`);
      if (totals.failed) exit.code = 1;
    });
}
