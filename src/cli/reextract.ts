import type { Command } from "commander";
import { env, err, exit, out, UsageError, withStore } from "./context.js";
import { safe } from "./format.js";

/** `jikenbo reextract`: run the current rules over the archived bytes, without fetching again. */
export function registerReextract(program: Command): void {
  program
    .command("reextract")
    .description("re-run decoding and extraction over the archive after rules improve")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--queue", "PostgreSQL: hand the work to the running `jikenbo worker`s, in chunks, and wait for them")
    .option("--chunk <n>", "with --queue: documents per job", "500")
    .action(async (o: { db?: string; queue?: boolean; chunk: string }) => {
      const chunk = Number(o.chunk);
      if (!Number.isInteger(chunk) || chunk < 1) throw new UsageError("--chunk must be a whole number of documents, 1 or more");
      const t0 = performance.now();
      const url = o.db || env("JIKENBO_DB");
      const { isPostgresUrl } = await import("../store/open.js");
      if (o.queue && !(url && isPostgresUrl(url))) throw new UsageError("--queue needs a PostgreSQL casebook (--db postgres://… or $JIKENBO_DB)");
      const r = o.queue && url
        ? await withStore(url, async (store) => {
          const { reextractQueued } = await import("../jobs/queue.js");
          err("re-extraction handed to the workers, in chunks; waiting for them (Ctrl-C leaves the chunks queued)");
          return reextractQueued(store, url, { chunk, progress: (done, chunks) => err(`chunk ${done}/${chunks} done`) });
        })
        : await withStore(o.db, async (store) => (await import("../core/reextract.js")).reextractAll(store));
      for (const f of r.failures) err(`${safe(f.source)}: ${f.error}`);
      const s = (performance.now() - t0) / 1000;
      out(`re-extracted ${r.documents} documents, ${r.notices} notices in ${s.toFixed(2)} s: incidents ${r.changed} changed, ${r.unchanged} unchanged, ${r.failures.length} failed`);
      if (r.failures.length) exit.code = 1;
    });
}
