import type { Command } from "commander";
import { INCIDENT_TYPES, SECTORS, type IncidentType, type Sector } from "../core/types.js";
import { BASICS, type Basic } from "../intel/taxonomies/basics.js";
import { TSR_CAUSES, type TsrCause } from "../intel/taxonomies/tsr.js";
import { SORTS, type IncidentFilter, type Sort } from "../store/types.js";
import { out, UsageError, withStore } from "./context.js";
import { incidentTable } from "./format.js";

interface FilterOptions {
  db?: string;
  type?: string;
  sector?: string;
  cause?: string;
  basics?: string;
  sort?: string;
  since?: string;
  until?: string;
  limit?: string;
  offset?: string;
  json?: boolean;
}

function day(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(v);
  if (!m) throw new UsageError(`${name} must be a date YYYY-MM-DD (got ${JSON.stringify(v)})`);
  return m[3] ? v : name === "--until" ? `${v}-31` : `${v}-01`;
}

function count(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${name} must be a non-negative integer`);
  return n;
}

/** Turn command-line filter options into a store filter, refusing unknown terms. */
export function toFilter(o: FilterOptions, defaultLimit: number): IncidentFilter {
  if (o.type && !(INCIDENT_TYPES as readonly string[]).includes(o.type)) throw new UsageError(`unknown --type ${o.type}; one of: ${INCIDENT_TYPES.join(", ")}`);
  if (o.sector && !(SECTORS as readonly string[]).includes(o.sector)) throw new UsageError(`unknown --sector ${o.sector}; one of: ${SECTORS.join(", ")}`);
  if (o.cause && !(TSR_CAUSES as readonly string[]).includes(o.cause)) throw new UsageError(`unknown --cause ${o.cause}; one of: ${TSR_CAUSES.join(", ")}`);
  if (o.basics && !(BASICS as readonly string[]).includes(o.basics)) throw new UsageError(`unknown --basics ${o.basics}; one of: ${BASICS.join(", ")}`);
  if (o.sort && !(SORTS as readonly string[]).includes(o.sort)) throw new UsageError(`unknown --sort ${o.sort}; one of: ${SORTS.join(", ")}`);
  const f: IncidentFilter = { limit: count(o.limit, "--limit", defaultLimit), offset: count(o.offset, "--offset", 0) };
  if (o.type) f.type = o.type as IncidentType;
  if (o.sector) f.sector = o.sector as Sector;
  if (o.cause) f.cause = o.cause as TsrCause;
  if (o.basics) f.basics = o.basics as Basic;
  if (o.sort) f.sort = o.sort as Sort;
  const since = day(o.since, "--since"), until = day(o.until, "--until");
  if (since) f.since = since;
  if (until) f.until = until;
  return f;
}

function withFilters(cmd: Command): Command {
  return cmd
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--type <type>", `incident type (${INCIDENT_TYPES.join(", ")})`)
    .option("--sector <sector>", `sector (${SECTORS.join(", ")})`)
    .option("--cause <cause>", `cause, as Tokyo Shoko Research tallies it (${TSR_CAUSES.join(", ")})`)
    .option("--basics <lesson>", `basics lesson the incident teaches (${BASICS.join(", ")})`)
    .option("--sort <order>", `${SORTS.join(", ")} (default newest; affected: most people affected first, unknown last)`)
    .option("--since <date>", "incidents dated on or after YYYY-MM-DD")
    .option("--until <date>", "incidents dated on or before YYYY-MM-DD")
    .option("--limit <n>", "at most N incidents")
    .option("--offset <n>", "skip the first N")
    .option("--json", "print a JSON array of incidents");
}

/** `jikenbo list` and `jikenbo search QUERY`. */
export function registerQueries(program: Command): void {
  withFilters(program.command("list").description("list incidents, newest first unless --sort says otherwise"))
    .action(async (o: FilterOptions) => {
      const rows = await withStore(o.db, (s) => s.listIncidents(toFilter(o, 100)));
      out(o.json ? JSON.stringify(rows, null, 2) : incidentTable(rows));
    });
  withFilters(program.command("search").description("full-text search (Japanese, any length) with filters").argument("<query>", "words to find"))
    .action(async (q: string, o: FilterOptions) => {
      const rows = await withStore(o.db, (s) => s.searchIncidents({ ...toFilter(o, 100), q }));
      out(o.json ? JSON.stringify(rows, null, 2) : incidentTable(rows));
    });
}
