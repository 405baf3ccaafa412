import type { Command } from "commander";
import { fileURLToPath } from "node:url";
import { ingest } from "../core/ingest.js";
import { defaultDbPath } from "../store/open.js";
import { out, withStore } from "./context.js";
import { summaryText } from "./ingest.js";
import { incidentTable } from "./format.js";

/** The example notices shipped with the package. */
export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/notices", import.meta.url));

/** `jikenbo demo`: ingest the bundled example notices and show the casebook (what `npm start` runs). */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled example notices and show the casebook")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .action(async (o: { db?: string }) => {
      const db = o.db || process.env.JIKENBO_DB || defaultDbPath();
      await withStore(db, async (store) => {
        const summary = await ingest(store, [EXAMPLES_DIR]);
        out(`casebook: ${store.location}`);
        out(summaryText(summary));
        out("");
        out(incidentTable(await store.listIncidents({ limit: 50 })));
        out(`\nnext: jikenbo search 不正アクセス --db ${db}   ·   jikenbo show ID --db ${db}`);
      });
    });
}
