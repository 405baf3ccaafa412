import type { Command } from "commander";
import type { IngestSummary } from "../core/ingest.js";
import { cliIo, err, exit, operator, out, withStore } from "./context.js";
import { safe } from "./format.js";

/** The summary `ingest` prints. */
export function summaryText(s: IngestSummary): string {
  const lines = [
    `documents read: ${s.documents + s.unchanged} (${s.documents} new, ${s.unchanged} already archived)`,
    `notices found: ${s.notices}`,
    `incidents: ${s.incidentsNew} new, ${s.incidentsUpdated} updated, ${s.incidentsUnchanged} unchanged`,
  ];
  if (s.warnings.length) lines.push(`warnings: ${s.warnings.length}`, ...s.warnings.map((w) => `  ${safe(w.input)}: ${safe(w.text)}`));
  lines.push(`failures: ${s.failures.length}`, ...s.failures.map((f) => `  ${safe(f.input)}: ${safe(f.error)}`));
  return lines.join("\n");
}

/** `jikenbo ingest [--db DB] INPUT...`: archive and extract files, directories, URLs and stdin. */
export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("archive, split and extract notices from files, directories, http(s) URLs or - (stdin)")
    .argument("<inputs...>", "files, directories (recursive), http(s) URLs, - for stdin")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--allow-private", "let URLs reach private and loopback addresses")
    .option("--max-bytes <n>", "largest input in bytes", (v) => Number(v))
    .option("--json", "print the summary as JSON")
    .action(async (inputs: string[], o: { db?: string; allowPrivate?: boolean; maxBytes?: number; json?: boolean }) => {
      const { ingest } = await import("../core/ingest.js");
      const io = cliIo();
      const bar = io.tty && !o.json ? new (await import("cli-progress")).SingleBar({ format: "ingest [{bar}] {value} inputs | {input}", stream: process.stderr, clearOnComplete: true, hideCursor: true }) : null;
      bar?.start(inputs.length, 0, { input: "" });
      const summary = await withStore(o.db, (store) =>
        ingest(store, inputs, operator(), { allowPrivate: !!o.allowPrivate, ...(io.stdin ? { stdin: io.stdin } : {}), ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}) }, (done, input) => {
          if (bar) { bar.setTotal(Math.max(inputs.length, done)); bar.update(done, { input: input.slice(-40) }); }
        }),
      );
      bar?.stop();
      if (o.json) out(JSON.stringify(summary, null, 2));
      else out(summaryText(summary));
      if (summary.failures.length > 0) {
        if (o.json) err(`${summary.failures.length} input(s) failed`);
        exit.code = 1;
      }
    });
}
