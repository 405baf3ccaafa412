import type { Command } from "commander";
import { STAT_DIMENSIONS, tally, type StatDimension } from "../intel/stats.js";
import { out, UsageError, withStore } from "./context.js";
import { fit, safe } from "./format.js";
import { toFilter } from "./query.js";

/** A bar of `n` out of `max` in `width` cells, with eighth-block precision. */
function bar(n: number, max: number, width: number): string {
  const cells = max ? (n / max) * width : 0;
  const full = Math.floor(cells);
  const part = Math.round((cells - full) * 8);
  return "█".repeat(full) + (part ? "▏▎▍▌▋▊▉"[part - 1]! : "");
}

/** `jikenbo stats --by type|cause|medium|sector|month|year|basics|affected [--split …]`: TSR/JNSA-style tables. */
export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("incidents, people affected and unknown counts by type, cause, medium, sector, month, year, basics or people-affected bucket")
    .option("--by <dimension>", STAT_DIMENSIONS.join("|"), "type")
    .option("--split <dimension>", "with --json, also count each row's incidents by this dimension (rows[].split)")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--type <type>", "only incidents of this type").option("--sector <sector>", "only this sector")
    .option("--since <date>", "incidents dated on or after YYYY-MM-DD").option("--until <date>", "incidents dated on or before YYYY-MM-DD")
    .option("--lang <lang>", "labels in ja or en", "ja")
    .option("--json", 'print {"total", "rows": [{"key", "label", "incidents", "people", "median", "unknown_count"}]}')
    .action(async (o: { by: string; split?: string; db?: string; type?: string; sector?: string; since?: string; until?: string; lang: string; json?: boolean }) => {
      if (!(STAT_DIMENSIONS as readonly string[]).includes(o.by)) throw new UsageError(`--by must be one of ${STAT_DIMENSIONS.join(", ")}`);
      if (o.split !== undefined && !(STAT_DIMENSIONS as readonly string[]).includes(o.split)) throw new UsageError(`--split must be one of ${STAT_DIMENSIONS.join(", ")}`);
      if (o.lang !== "ja" && o.lang !== "en") throw new UsageError("--lang must be ja or en");
      const filter = toFilter(o, 0);
      const result = tally(await withStore(o.db, (s) => s.statInputs(filter)), o.by as StatDimension, o.lang, o.split as StatDimension | undefined);
      if (o.json) { out(JSON.stringify(result, null, 2)); return; }
      const max = Math.max(0, ...result.rows.map((r) => r.incidents));
      out(`${fit(o.by.toUpperCase(), 28)} ${"INCIDENTS".padStart(9)} ${"PEOPLE".padStart(12)} ${"MEDIAN".padStart(9)} ${"NO COUNT".padStart(8)}`);
      for (const r of result.rows) {
        out(`${fit(safe(r.label), 28)} ${String(r.incidents).padStart(9)} ${r.people.toLocaleString("en-US").padStart(12)} ${(r.median === null ? "—" : r.median.toLocaleString("en-US")).padStart(9)} ${String(r.unknown_count).padStart(8)}  ${bar(r.incidents, max, 30)}`);
      }
      out(`${fit("total", 28)} ${String(result.total).padStart(9)} ${result.people.toLocaleString("en-US").padStart(12)} ${"".padStart(9)} ${String(result.unknown_count).padStart(8)}`);
    });
}
