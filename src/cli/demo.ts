import type { Command } from "commander";
import { fileURLToPath } from "node:url";
import { operator, out, withStore } from "./context.js";
import { summaryText } from "./ingest.js";
import { incidentTable } from "./format.js";
import { parsePort, serveUntilSignal } from "./serve.js";

/** The example notices shipped with the package. */
export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/notices", import.meta.url));

/** `jikenbo demo`: ingest the bundled example notices, show the casebook and serve the web UI (what `npm start` runs). */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled example notices, show the casebook and serve the web UI until Ctrl-C")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--host <host>", "address to serve on", "127.0.0.1")
    .option("--port <port>", "port to serve on (0 picks a free one)", "8080")
    .option("--no-serve", "only ingest and show the casebook")
    .action(async (o: { db?: string; host: string; port: string; serve: boolean }) => {
      const port = parsePort(o.port);
      const { ingest } = await import("../core/ingest.js");
      await withStore(o.db, async (store) => {
        const summary = await ingest(store, [EXAMPLES_DIR], operator());
        out(`casebook: ${store.location}`);
        out(summaryText(summary));
        out("");
        out(incidentTable(await store.listIncidents({ limit: 50 })));
        out(`\nnext: jikenbo search 不正アクセス --db ${store.location}   ·   jikenbo show ID --db ${store.location}`);
        if (o.serve) await serveUntilSignal(store, { host: o.host, port, anonymousRead: true, allowPrivate: false });
      });
    });
}
