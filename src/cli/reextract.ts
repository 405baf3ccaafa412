import type { Command } from "commander";
import { err, exit, out, withStore } from "./context.js";
import { safe } from "./format.js";

/** `jikenbo reextract`: run the current rules over the archived bytes, without fetching again. */
export function registerReextract(program: Command): void {
  program
    .command("reextract")
    .description("re-run decoding and extraction over the archive after rules improve")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .action(async (o: { db?: string }) => {
      const t0 = performance.now();
      const { reextractAll } = await import("../core/reextract.js");
      const r = await withStore(o.db, (store) => reextractAll(store));
      for (const f of r.failures) err(`${safe(f.source)}: ${f.error}`);
      const s = (performance.now() - t0) / 1000;
      out(`re-extracted ${r.documents} documents, ${r.notices} notices in ${s.toFixed(2)} s: incidents ${r.changed} changed, ${r.unchanged} unchanged, ${r.failures.length} failed`);
      if (r.failures.length) exit.code = 1;
    });
}
