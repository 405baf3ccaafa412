import postgres from "postgres";
import type { Sector, Tag } from "../../core/types.js";
import type { StatInput } from "../../intel/stats.js";
import type { Facets, IncidentFilter, IncidentSummary, SearchQuery } from "../types.js";
import { FacetCache } from "../facet-cache.js";
import type { SearchIndex, Tx } from "../sql/casebook.js";
import { charPairs } from "../records.js";
import { driveAsync, later, parse, q, type Query, type Row, type Step } from "../sql/step.js";
import { SqlStore } from "../sql/store.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { PostgresSearch } from "./search.js";

/**
 * bigint columns (counts, ids, insertion order) are read as numbers: they stay far below 2^53. JSON
 * columns are read and written as their text, as SQLite's are.
 */
const TYPES = {
  int8: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) },
  json: { to: 3802, from: [114, 3802], serialize: (x: string) => x, parse: (x: string) => x },
};
type Types = { int8: number; json: string };
/** A connection pool, or one transaction of it. */
type Db = postgres.ISql<Types>;

/** Advisory lock held by every write transaction: writers take turns, as SQLite's do. */
export const WRITE_LOCK = 0x6a6b6200;
/** Advisory lock held while the schema is brought up to date. */
const MIGRATE_LOCK = 0x6a6b6201;

/** The URL without its password, to show where the casebook is. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    u.password = "";
    return u.toString();
  } catch {
    return "postgres://…";
  }
}

/**
 * The search text is a column of the incident's row, written with the row: pg_trgm indexes it for words
 * of three characters or more, its characters and character pairs (pairs) for shorter ones.
 */
const INDEX: SearchIndex = {
  set: ", body = $15, pairs = $17::text[]", pairs: true, stored: "i.body", *put() {}, *drop() {},
  insert: { columns: ", body, pairs", select: ", r.value->>15, ARRAY(SELECT jsonb_array_elements_text(r.value->16))" },
  *rewrite(id, body) { yield* later([q("UPDATE incidents SET body = $1, pairs = $2::text[] WHERE id = $3", body, charPairs(body), id)]); },
};

/** Run steps to their end on a pool or in a transaction, a batch's queries pipelined. */
function drive<T>(db: Db, step: Step<T>): Promise<T> {
  return driveAsync(step, async (query: Query) => [...await db.unsafe(query.sql, query.params.map((v) => v ?? null) as postgres.ParameterOrJSON<never>[], { prepare: true })] as Row[]);
}

/** The shared casebook: PostgreSQL, with a pg_trgm index for Japanese search; behaves as the SQLite store. */
export class PostgresStore extends SqlStore {
  /** Listing, full-text search and facets. */
  private readonly search: PostgresSearch;
  /** Facet counts of recent queries, valid until any process writes (the casebook_version row moves). */
  private readonly facetCache = new FacetCache();

  private constructor(private readonly sql: postgres.Sql<Types>, readonly location: string) {
    super();
    this.search = new PostgresSearch(sql);
  }

  /** Open a pool of connections to the database a postgres:// URL names (the schema is not touched). */
  static async connect(url: string): Promise<PostgresStore> {
    // Statements are prepared once per connection but planned for each execution's values: a plan made
    // once for every value (PostgreSQL's generic plan) reads a search's two-character word through the
    // trigram index, which cannot narrow it, and took seconds where its own plan takes milliseconds.
    const sql = postgres(url, {
      max: 10, prepare: true, onnotice: () => {}, types: TYPES, connection: { application_name: "jikenbo", plan_cache_mode: "force_custom_plan" },
    });
    const location = redact(url);
    try {
      await sql`SELECT 1`;
    } catch (e) {
      await sql.end({ timeout: 0 });
      throw new Error(`cannot reach the PostgreSQL casebook ${location}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return new PostgresStore(sql, location);
  }

  protected run<T>(step: Step<T>): Promise<T> {
    return drive(this.sql, step);
  }

  protected async write<T>(body: (w: Tx) => Step<T>): Promise<T> {
    return (await this.sql.begin(async (tx) => {
      // Writers take turns (the lock), so bumping the one version row costs no extra waiting. A write reads
      // and writes a few rows by key, so its plans are kept (PostgreSQL's default; planning every statement
      // afresh, as searches are, cost a third of the ingest rate), never parallel and never compiled: on
      // tables whose statistics lag a bulk load (autovacuum off or behind) the planner started workers for
      // every save, and from about half a million incidents its estimates passed jit_above_cost, so that
      // the server compiled a save's reads with LLVM each time (a 1M ingest fell from 150 to 60 per s).
      await Promise.all([
        tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`, tx`UPDATE casebook_version SET n = n + 1`,
        tx`SET LOCAL plan_cache_mode = auto`, tx`SET LOCAL max_parallel_workers_per_gather = 0`, tx`SET LOCAL jit = off`,
      ]);
      return drive(tx, body({ index: INDEX, changed: new Set() }));
    })) as T;
  }

  async migrate(): Promise<void> {
    for (;;) {
      const done = await this.sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${MIGRATE_LOCK})`;
        await tx`CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at text NOT NULL)`;
        const v = (await tx<{ v: number }[]>`SELECT coalesce(max(version), 0) AS v FROM schema_migrations`)[0]!.v;
        if (v >= POSTGRES_MIGRATIONS.length) return true;
        await tx.unsafe(POSTGRES_MIGRATIONS[v]!);
        await tx`INSERT INTO schema_migrations (version, applied_at) VALUES (${v + 1}, ${new Date().toISOString()})`;
        return false;
      });
      if (done) return;
    }
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<IncidentSummary[]> {
    return this.search.list(filter);
  }

  async searchIncidents(query: SearchQuery): Promise<IncidentSummary[]> {
    return this.search.search(query);
  }

  async facets(query: SearchQuery): Promise<Facets> {
    // Read the version before counting: what is counted is never older than the version it is kept under.
    const n = (await this.sql<{ n: number }[]>`SELECT n FROM casebook_version`)[0]!.n;
    return this.facetCache.get(n, query) ?? this.facetCache.keep(n, query, await this.search.facets(query));
  }

  async statInputs(filter: IncidentFilter & { q?: string } = {}): Promise<StatInput[]> {
    const conditions = this.search.filters(filter);
    if (filter.q?.trim()) {
      const ids = (await this.searchIncidents({ ...filter, q: filter.q, limit: -1, offset: 0 })).map((i) => i.id);
      conditions.push(this.sql`i.id = ANY(${ids}::text[])`);
    }
    const rows = await this.sql<{ event_date: string | null; sector: Sector | null; affected_count: number | null; incident_types: string | null; tags: string }[]>`
      SELECT i.event_date, i.sector, i.affected_count, i.fields->'incident_types' AS incident_types, i.tags FROM incidents i
      ${this.search.where(conditions)} ORDER BY i.seq`;
    return rows.map((r) => ({
      event_date: r.event_date, sector: r.sector, affected_count: r.affected_count,
      incident_types: parse<StatInput["incident_types"] | null>(r.incident_types) ?? [], tags: parse<Tag[]>(r.tags),
    }));
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
