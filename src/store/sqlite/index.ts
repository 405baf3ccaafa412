import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { IncidentFields, Reanalysis, Sector, Tag } from "../../core/types.js";
import type { StatInput } from "../../intel/stats.js";
import { bigramTokens } from "../records.js";
import type { Writer } from "../../casebook/authorize.js";
import type { AnalysedCasefile, Facets, IncidentFilter, IncidentSummary, SaveResult, SearchQuery } from "../types.js";
import type { SearchIndex, Tx } from "../sql/casebook.js";
import { toSqlite } from "../sql/dialect.js";
import { driveSync, type Row, type Step } from "../sql/step.js";
import { SqlStore } from "../sql/store.js";
import { BEHIND_PAGES, Checkpointer } from "./checkpointer.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";
import { SqliteSearch } from "./search.js";

/** Pages the log grows to before the writing connection copies them into the file (when no checkpointer does). */
const WAL_PAGES = 8000;

/** The embedded store: one SQLite file (WAL), FTS5 trigram for Japanese search; steps run synchronously inside its transactions. */
export class SqliteStore extends SqlStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Listing, full-text search, facets and the full-text index. */
  private readonly search: SqliteSearch;
  /** The thread that checkpoints the log once bulk writes begin (see bulk); until then the writing connection does. */
  private checkpointer: Checkpointer | null = null;

  /** A prepared statement, compiled once per store. */
  private st(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  constructor(readonly location: string) {
    super();
    if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
    this.db = new Database(location);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 10000");
    this.db.pragma(`wal_autocheckpoint = ${WAL_PAGES}`);
    // For migrations that rebuild the search indexes with the code that writes them.
    this.db.function("jikenbo_lower", { deterministic: true }, (s: unknown) => (typeof s === "string" ? s.toLowerCase() : s));
    this.db.function("jikenbo_bigrams", { deterministic: true }, (s: unknown) => bigramTokens(String(s ?? "")));
    this.search = new SqliteSearch(this.db, (sql) => this.st(sql));
  }

  async migrate(): Promise<void> {
    const version = this.db.pragma("user_version", { simple: true }) as number;
    for (let v = version; v < SQLITE_MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(SQLITE_MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  /** Run steps to their end, each query synchronously. */
  private drive<T>(step: Step<T>): T {
    return driveSync(step, (query) => {
      const { sql, params } = toSqlite(query);
      const s = this.st(sql);
      if (s.reader) return s.all(...params) as Row[];
      s.run(...params);
      return [];
    });
  }

  protected async run<T>(step: Step<T>): Promise<T> {
    return this.drive(step);
  }

  /**
   * One transaction. The incidents' texts are indexed at its end, all together: a statement that writes
   * several rows after a full-text insert makes FTS5 flush its pending terms to a segment of their own
   * (a statement savepoint), and merging those tiny segments cost a fifth of an ingest's writing thread.
   */
  protected async write<T>(body: (w: Tx) => Step<T>): Promise<T> {
    const committed = this.db.transaction(() => {
      const texts = new Map<string, string>();
      const search = this.search;
      const index: SearchIndex = {
        set: "",
        pairs: false,
        insert: { columns: "", select: "" },
        *put(id, text) { texts.set(id, text); },
        *rewrite(id, text) { texts.set(id, text); },
        stored: "(SELECT f.body FROM incident_fts f WHERE f.rowid = i.fts_key)",
        // Called inside a step, before the row is deleted: every write it yielded before has run.
        *drop(id) { texts.delete(id); search.unindex(id); },
      };
      // Remembered facet counts hold until a write transaction commits (a token's use is not one).
      this.st("UPDATE casebook_version SET n = n + 1").run();
      const result = this.drive(body({ index, changed: new Set() }));
      search.index(texts);
      return result;
    }).immediate();
    this.checkpointer?.nudge();
    return committed;
  }

  /** A batch of an ingest: see bulk. */
  override async saveCasefiles(batch: AnalysedCasefile[], writer: Writer): Promise<(SaveResult | Error)[]> {
    this.bulk();
    return super.saveCasefiles(batch, writer);
  }

  /** A batch of a re-extraction: see bulk. */
  override async replaceAnalysis(items: Reanalysis[]): Promise<SaveResult> {
    this.bulk();
    return super.replaceAnalysis(items);
  }

  /** Bulk writes (ingest, re-extraction) leave the log's checkpoints to a thread of their own from their first batch on. */
  private bulk(): void {
    if (this.checkpointer || this.location === ":memory:") return;
    // Should the thread fail, the writing connection checkpoints as before.
    this.checkpointer = new Checkpointer(this.location, () => { if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${WAL_PAGES}`); });
    this.db.pragma(`wal_autocheckpoint = ${BEHIND_PAGES}`);
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<IncidentSummary[]> {
    return this.search.search({ ...filter, q: "" });
  }

  async searchIncidents(query: SearchQuery): Promise<IncidentSummary[]> {
    return this.search.search(query);
  }

  async facets(query: SearchQuery): Promise<Facets> {
    return this.search.facets(query);
  }

  async statInputs(filter: IncidentFilter & { q?: string } = {}): Promise<StatInput[]> {
    const { where, params } = this.search.attributeFilters(filter);
    if (filter.since) { where.push("x.event_date >= ?"); params.push(filter.since); }
    if (filter.until) { where.push("x.event_date <= ?"); params.push(filter.until); }
    if (filter.q?.trim()) {
      const ids = (await this.searchIncidents({ ...filter, q: filter.q, limit: -1, offset: 0 })).map((i) => i.id);
      where.push("x.id IN (SELECT value FROM json_each(?))"); params.push(JSON.stringify(ids));
    }
    const rows = this.st(`SELECT x.event_date, x.sector, x.affected_count, x.fields, x.tags FROM incidents x ${where.length ? "WHERE " + where.join(" AND ") : ""}`)
      .all(...params) as { event_date: string | null; sector: Sector | null; affected_count: number | null; fields: string; tags: string }[];
    return rows.map((r) => ({
      event_date: r.event_date, sector: r.sector, affected_count: r.affected_count,
      incident_types: (JSON.parse(r.fields) as IncidentFields).incident_types ?? [], tags: JSON.parse(r.tags) as Tag[],
    }));
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    this.db.close();
  }
}
