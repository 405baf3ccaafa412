import type { Command } from "commander";
import { readFile } from "node:fs/promises";
import { text } from "node:stream/consumers";
import { basename } from "node:path";
import type { ImportPlan } from "../share/imported.js";
import { cliIo, err, exit, operator, out, UsageError, withStore } from "./context.js";
import { safe } from "./format.js";

/** `jikenbo import --format stix|misp FILE`: read a STIX bundle or MISP events back into the casebook. */
export function registerImport(program: Command): void {
  program
    .command("import")
    .description("import a STIX 2.1 bundle or MISP events: each incident with its sources, its fields kept as corrections")
    .argument("<file>", "the file to import, - for standard input")
    .requiredOption("--format <format>", "stix or misp")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--by <name>", "who imports, for the history (default $JIKENBO_USER, else the login name)")
    .option("--json", "print the summary as JSON")
    .action(async (file: string, o: { format: string; db?: string; by?: string; json?: boolean }) => {
      if (o.format !== "stix" && o.format !== "misp") throw new UsageError(`--format must be stix or misp (got ${o.format})`);
      let json: unknown;
      try {
        json = JSON.parse(file === "-" ? await text(cliIo().stdin ?? process.stdin) : await readFile(file, "utf8"));
      } catch (e) {
        err(`jikenbo: ${safe(file)}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
        exit.code = 1;
        return;
      }
      let plan: ImportPlan;
      try {
        plan = o.format === "stix" ? (await import("../share/stix/import.js")).stixImportPlan(json) : (await import("../share/misp/import.js")).mispImportPlan(json);
      } catch (e) {
        err(`jikenbo: ${safe(file)}: ${e instanceof Error ? e.message : String(e)}`);
        exit.code = 1;
        return;
      }
      const origin = `${o.format === "stix" ? "STIX bundle" : "MISP events"} ${file === "-" ? "(stdin)" : basename(file)}`;
      const { importPlan } = await import("../share/imported.js");
      const s = await withStore(o.db, (store) => importPlan(store, plan, operator(o.by), origin));
      if (o.json) { out(JSON.stringify(s, null, 2)); return; }
      out(`incidents: ${s.incidentsNew} new, ${s.incidentsUpdated} updated, ${s.incidentsUnchanged} unchanged`);
      out(`documents without an incident: ${s.documents}`);
      out(`warnings: ${s.warnings.length}`);
      for (const w of s.warnings) out(`  ${safe(w)}`);
    });
}
