import type { Command } from "commander";
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { parseTlp } from "../intel/taxonomies/tlp.js";
import { cliIo, out, UsageError, withStore } from "./context.js";
import { registerImport } from "./import.js";

const FORMATS = ["stix", "misp", "csv", "jsonl"] as const;

/** Write a file atomically: a temporary file beside it, then a rename over it. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await writeFile(tmp, content, { flag: "wx" });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/** `jikenbo export`: incidents the TLP allows, as STIX 2.1, MISP events, CSV or JSON Lines. */
function registerExport(program: Command): void {
  program
    .command("export")
    .description("export the incidents a TLP clearance allows as STIX 2.1, MISP events, CSV or JSON Lines")
    .requiredOption("--format <format>", FORMATS.join(", "))
    .option("--out <file>", "write to a file (atomically) instead of standard output")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--tlp <max>", "most restrictive TLP exported: CLEAR, GREEN, AMBER, AMBER+STRICT or RED", "CLEAR")
    .option("--no-text", "STIX and MISP: leave the notices' words out")
    .option("--bom", "CSV: begin with a UTF-8 byte order mark, for spreadsheet programs")
    .action(async (o: { format: string; out?: string; db?: string; tlp: string; text: boolean; bom?: boolean }) => {
      if (!(FORMATS as readonly string[]).includes(o.format)) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got ${o.format})`);
      const maxTlp = parseTlp(o.tlp);
      if (!maxTlp) throw new UsageError("--tlp must be CLEAR, GREEN, AMBER, AMBER+STRICT or RED");
      const { collectIncidents } = await import("../share/select.js");
      const { incidents, docs } = await withStore(o.db, (s) => collectIncidents(s, maxTlp));
      const content = o.format === "stix" ? JSON.stringify((await import("../share/stix/export.js")).stixBundle(incidents, docs, { maxTlp, noticeText: o.text }), null, 2) + "\n"
        : o.format === "misp" ? JSON.stringify((await import("../share/misp/export.js")).mispEvents(incidents, docs, { maxTlp, noticeText: o.text }), null, 2) + "\n"
        : o.format === "csv" ? (await import("../share/csv.js")).incidentsCsv(incidents, { maxTlp, bom: !!o.bom })
        : (await import("../share/jsonl.js")).incidentsJsonl(incidents, { maxTlp });
      if (!o.out) { cliIo().out(content); return; }
      await writeAtomically(o.out, content);
      out(`exported ${incidents.length} incident(s) at TLP:${maxTlp} or below as ${o.format} to ${o.out}`);
    });
}

/** `jikenbo export` and `jikenbo import`: the sharing formats. */
export function registerShare(program: Command): void {
  registerExport(program);
  registerImport(program);
}
