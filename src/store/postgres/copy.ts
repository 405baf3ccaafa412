import Database from "better-sqlite3";
import { existsSync } from "node:fs";
import postgres from "postgres";
import type { IncidentFields } from "../../core/types.js";
import { fingerprint } from "../service.js";
import { SqliteStore } from "../sqlite/index.js";
import { SQLITE_MIGRATIONS } from "../sqlite/migrations.js";
import { ConflictError } from "../types.js";
import { PostgresStore, WRITE_LOCK } from "./index.js";
import { PAIRS } from "./migrations.js";

/** One table to copy: the SQLite query giving its rows under the PostgreSQL column names, and how to convert them. */
interface TableCopy {
  table: string;
  select: string;
  json?: string[];
  bool?: string[];
  /** Text columns PostgreSQL keeps lower-cased. */
  lower?: string[];
  /** Column filled by a sequence, set past the copied values afterwards. */
  serial?: string;
}

// In foreign-key order. Insertion order (SQLite rowids) becomes the seq columns that break ties.
const TABLES: TableCopy[] = [
  { table: "documents", select: "SELECT sha256, media_type, charset, size, bytes, text, title, published, parent, messages, analysis, first_seen FROM documents ORDER BY rowid", json: ["messages"] },
  { table: "sources", select: "SELECT sha256, source, fetched_at FROM sources ORDER BY rowid" },
  { table: "facet_combos", select: "SELECT id, key FROM facet_combos ORDER BY id", json: ["key"], serial: "id" },
  {
    table: "incidents",
    select: `SELECT i.id, i.rowid AS seq, i.title, i.organization, i.sector, i.disclosed_on, i.discovered_on, i.event_date, i.affected_count, i.fields,
      coalesce(f.body, '') AS body, i.created_at, i.updated_at, i.tlp, i.tags, i.casebook_id, i.org_key, i.facet_combo
      FROM incidents i LEFT JOIN incident_fts f ON f.rowid = i.fts_key ORDER BY i.rowid`,
    json: ["fields", "tags"], lower: ["body"], serial: "seq",
  },
  { table: "incident_types", select: "SELECT incident_id, type FROM incident_types ORDER BY rowid" },
  {
    table: "notices",
    select: `SELECT id, rowid AS seq, document, idx, title, span_start, span_end, kind, is_incident, reason, listing_date, category,
      fields, confidence, tags, incident_id FROM notices ORDER BY rowid`,
    json: ["fields", "confidence", "tags"], bool: ["is_incident"], serial: "seq",
  },
  {
    table: "findings",
    select: "SELECT rowid AS seq, notice_id, field, value, span_start, span_end, text, confidence, rule FROM findings ORDER BY rowid",
    json: ["value"], serial: "seq",
  },
  { table: "links", select: `SELECT notice_id, incident_id, method, score, reason, "by", at FROM links ORDER BY rowid` },
  { table: "merge_blocks", select: `SELECT notice_id, incident_id, "by", at FROM merge_blocks ORDER BY rowid` },
  { table: "overrides", select: "SELECT id, incident_id, field, value, who, at, why, active FROM overrides ORDER BY id", json: ["value"], bool: ["active"], serial: "id" },
  { table: "events", select: "SELECT id, incident_id, at, who, action, detail FROM events ORDER BY id", json: ["detail"], serial: "id" },
  { table: "incident_aliases", select: "SELECT alias, incident_id FROM incident_aliases ORDER BY rowid" },
  { table: "incident_indicators", select: "SELECT incident_id, value, kind, rowid AS seq, key FROM incident_indicators ORDER BY rowid", serial: "seq" },
  { table: "incident_parties", select: "SELECT incident_id, key, name, role, rowid AS seq FROM incident_parties ORDER BY rowid", serial: "seq" },
  { table: "users", select: "SELECT id, name, role, clearance, created_at, revoked_at FROM users ORDER BY id", serial: "id" },
  { table: "tokens", select: "SELECT id, user_id, hash, created_at, last_used_at, revoked_at FROM tokens ORDER BY id", serial: "id" },
  { table: "audit", select: "SELECT id, at, who, action, target, before, after FROM audit ORDER BY id", json: ["before", "after"], serial: "id" },
  { table: "watchlists", select: "SELECT id, name, kind, pattern, webhook_url, secret, created_by, created_at, removed_at FROM watchlists ORDER BY id", serial: "id" },
  {
    table: "watch_hits",
    select: "SELECT id, watchlist_id, incident_id, fingerprint, at, reason, delivered_at, attempts, next_attempt_at, last_error FROM watch_hits ORDER BY id",
    serial: "id",
  },
  {
    table: "feeds",
    select: "SELECT id, url, every_seconds, allow_private, etag, last_modified, last_fetched_at, next_fetch_at, last_status, created_by, removed_at FROM feeds ORDER BY id",
    bool: ["allow_private"], serial: "id",
  },
  { table: "taxii_objects", select: "SELECT id, version, type, spec_version, tlp, date_added, object FROM taxii_objects ORDER BY rowid", json: ["object"] },
  { table: "taxii_status", select: "SELECT id, who, status, markings FROM taxii_status ORDER BY rowid", json: ["status", "markings"] },
];

/** Rows per INSERT stay under PostgreSQL's 65,535 parameters and a few megabytes of data. */
const MAX_PARAMS = 30_000;
const MAX_BYTES = 8 << 20;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Open a SQLite casebook for reading, bringing an older schema up to date first. */
async function openSource(file: string): Promise<Database.Database> {
  if (!existsSync(file)) throw new Error(`no casebook file ${file}`);
  let db = new Database(file, { readonly: true, fileMustExist: true });
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SQLITE_MIGRATIONS.length) {
    db.close();
    throw new Error(`${file} has schema version ${version}, newer than this jikenbo knows (${SQLITE_MIGRATIONS.length})`);
  }
  if (version < SQLITE_MIGRATIONS.length) {
    db.close();
    const store = new SqliteStore(file);
    await store.migrate();
    await store.close();
    db = new Database(file, { readonly: true, fileMustExist: true });
  }
  return db;
}

/** Copy one table's rows, a batch per INSERT; returns how many. */
async function copyTable(src: Database.Database, tx: postgres.TransactionSql, t: TableCopy): Promise<number> {
  const stmt = src.prepare(t.select);
  const columns = stmt.columns().map((c) => c.name);
  const json = new Set(t.json ?? []), bool = new Set(t.bool ?? []), lower = new Set(t.lower ?? []);
  let rows: unknown[][] = [];
  let bytes = 0;
  let n = 0;
  const flush = async () => {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = rows.map((r) => `(${r.map((v, i) => {
      params.push(v);
      return json.has(columns[i]!) ? `$${params.length}::text::jsonb` : `$${params.length}`;
    }).join(", ")})`);
    await tx.unsafe(`INSERT INTO ${quote(t.table)} (${columns.map(quote).join(", ")}) VALUES ${tuples.join(", ")}`, params as postgres.ParameterOrJSON<never>[]);
    n += rows.length;
    rows = [];
    bytes = 0;
  };
  for (const raw of stmt.raw().iterate() as Iterable<unknown[]>) {
    const row = raw.map((v, i) => (bool.has(columns[i]!) && v !== null ? v !== 0 : lower.has(columns[i]!) && typeof v === "string" ? v.toLowerCase() : v));
    for (const v of row) bytes += typeof v === "string" ? v.length * 3 : v instanceof Uint8Array ? v.length * 2 : 8;
    rows.push(row);
    if ((rows.length + 1) * columns.length > MAX_PARAMS || bytes > MAX_BYTES) await flush();
  }
  await flush();
  return n;
}

// Everything travels: documents with their bytes and sources, notices, findings, incidents with
// their ids, links, corrections, history, aliases, users and tokens, audit, watchlists and hits,
// polled sources, TAXII submissions and their status resources.

/** Copy a whole SQLite casebook into an empty PostgreSQL database in one transaction; returns rows copied per table. */
export async function copySqliteToPostgres(from: string, to: string): Promise<Record<string, number>> {
  const src = await openSource(from);
  try {
    const store = await PostgresStore.connect(to);
    try {
      await store.migrate();
    } finally {
      await store.close();
    }
    const sql = postgres(to, { max: 1, onnotice: () => {} });
    try {
      return (await sql.begin(async (tx) => {
        await tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`;
        const [used] = await tx.unsafe<{ used: boolean }[]>(`SELECT ${TABLES.map((t) => `EXISTS (SELECT 1 FROM ${quote(t.table)})`).join(" OR ")} AS used`);
        if (used!.used) throw new ConflictError(`${store.location} already holds a casebook; migrate copies into an empty database only`);
        const counts: Record<string, number> = {};
        for (const t of TABLES) counts[t.table] = await copyTable(src, tx, t);
        for (const t of TABLES.filter((x) => x.serial)) {
          await tx.unsafe(`SELECT setval(pg_get_serial_sequence('${t.table}', '${t.serial}'), (SELECT coalesce(max(${quote(t.serial!)}), 0) + 1 FROM ${quote(t.table)}), false)`);
        }
        // A hit is recorded once per version of an incident's fields, named by a digest of their JSON.
        // jsonb orders keys its own way, so hits on the current version take the digest PostgreSQL will compute.
        const hit = src.prepare("SELECT DISTINCT i.id, i.fields FROM watch_hits h JOIN incidents i ON i.id = h.incident_id").all() as { id: string; fields: string }[];
        for (const r of hit) {
          const [pg] = await tx<{ fields: IncidentFields }[]>`SELECT fields FROM incidents WHERE id = ${r.id}`;
          const before = fingerprint(JSON.parse(r.fields) as IncidentFields), after = fingerprint(pg!.fields);
          if (before !== after) await tx`UPDATE watch_hits SET fingerprint = ${after} WHERE incident_id = ${r.id} AND fingerprint = ${before}`;
        }
        // SQLite keeps short words in an index of its own: the rows' characters and pairs are computed here.
        await tx.unsafe(`UPDATE incidents AS i SET pairs = ${PAIRS}`);
        await tx`UPDATE casebook_version SET n = n + 1`;
        // Statistics now, so that the first searches are planned well.
        await tx.unsafe(`ANALYZE ${TABLES.map((t) => quote(t.table)).join(", ")}`);
        return counts;
      })) as Record<string, number>;
    } finally {
      await sql.end({ timeout: 5 });
    }
  } finally {
    src.close();
  }
}
