import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Casefile, Finding, IncidentFields, Message, NoticeKind, Sector } from "../../core/types.js";
import { analysisDigest, bigramTokens, incidentDate, mergeFields, noticeRows, searchText } from "../records.js";
import type {
  IncidentDetail, IncidentFilter, IncidentSummary, NoticeRecord, SaveResult, SearchQuery, Store, StoredDocument,
} from "../types.js";
import { SQLITE_MIGRATIONS } from "./migrations.js";

interface IncidentRow {
  id: string;
  title: string;
  organization: string | null;
  sector: string | null;
  disclosed_on: string | null;
  discovered_on: string | null;
  affected_count: number | null;
  fields: string;
  created_at: string;
  updated_at: string;
  sources: number;
}

interface DocumentRow {
  sha256: string;
  media_type: string;
  charset: string | null;
  size: number;
  bytes: Buffer;
  text: string | null;
  title: string | null;
  published: string | null;
  parent: string | null;
  messages: string;
}

const SUMMARY_COLUMNS = `i.id, i.title, i.organization, i.sector, i.disclosed_on, i.discovered_on, i.affected_count,
  i.fields, i.created_at, i.updated_at, (SELECT count(*) FROM notices n WHERE n.incident_id = i.id) AS sources`;

function summary(r: IncidentRow): IncidentSummary {
  const fields = JSON.parse(r.fields) as IncidentFields;
  return {
    id: r.id, title: r.title, organization: r.organization, sector: r.sector as Sector | null,
    disclosed_on: r.disclosed_on, discovered_on: r.discovered_on, incident_types: fields.incident_types,
    affected_count: r.affected_count, sources: r.sources, updated_at: r.updated_at,
  };
}

const DAY_MS = 86_400_000;
// Below this many incidents of a type, probing each of them for the words beats walking the index.
const RARE_TYPE = 100;
const KEY_SHIFT = 2 ** 32;

/** Day number of a `YYYY-MM-DD` date (days since 1970-01-01). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.floor(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

/** Full-text key of an incident: its day in the high bits, its rowid in the low 32. */
function ftsKey(eventDate: string, rowid: number): number {
  return dayNumber(eventDate) * KEY_SHIFT + rowid;
}

/** Escape a user's text for a LIKE pattern with `\` as the escape character. */
function likePattern(s: string): string {
  return "%" + s.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

/** The embedded store: one SQLite file (WAL), FTS5 trigram for Japanese search. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

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
    if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
    this.db = new Database(location);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 10000");
    this.db.pragma("wal_autocheckpoint = 8000");
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

  async hasDocument(sha256: string): Promise<boolean> {
    return this.st("SELECT 1 FROM documents WHERE sha256 = ?").get(sha256) !== undefined;
  }

  async addSource(sha256: string, source: string, fetchedAt: string): Promise<void> {
    this.st("INSERT OR IGNORE INTO sources (sha256, source, fetched_at) VALUES (?, ?, ?)").run(sha256, source, fetchedAt);
  }

  private insertDocument(cf: Pick<Casefile, "doc" | "messages"> & { charset?: string | null; text?: string | null; analysis?: string }): void {
    const d = cf.doc;
    this.st(
      `INSERT OR IGNORE INTO documents (sha256, media_type, charset, size, bytes, text, title, published, parent, messages, analysis, first_seen)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(d.sha256, d.mediaType, cf.charset ?? null, d.bytes.length, Buffer.from(d.bytes), cf.text ?? null, d.title ?? null,
      d.published ?? null, d.parent ?? null, JSON.stringify(cf.messages), cf.analysis ?? null, d.fetchedAt);
    this.st("INSERT OR IGNORE INTO sources (sha256, source, fetched_at) VALUES (?, ?, ?)").run(d.sha256, d.source, d.fetchedAt);
  }

  async saveContainer(cf: Pick<Casefile, "doc" | "messages">): Promise<void> {
    this.db.transaction(() => this.insertDocument(cf))();
  }

  /** Write a casefile's notices and findings; returns the incidents they touch. */
  private writeNotices(cf: Casefile): Set<string> {
    const touched = new Set<string>();
    const insNotice = this.st(
      `INSERT INTO notices (id, document, idx, title, start, end, kind, is_incident, reason, listing_date, category, fields, confidence, incident_id)
       VALUES (@id, @document, @idx, @title, @start, @end, @kind, @is_incident, @reason, @listing_date, @category, @fields, @confidence, @incident_id)
       ON CONFLICT(id) DO UPDATE SET idx = excluded.idx, title = excluded.title, start = excluded.start, end = excluded.end,
         kind = excluded.kind, is_incident = excluded.is_incident, reason = excluded.reason, listing_date = excluded.listing_date,
         category = excluded.category, fields = excluded.fields, confidence = excluded.confidence,
         incident_id = coalesce(notices.incident_id, excluded.incident_id)`,
    );
    const insFinding = this.st(
      "INSERT INTO findings (notice_id, field, value, start, end, text, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    const insIncident = this.st(
      `INSERT OR IGNORE INTO incidents (id, title, fields, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)`,
    );
    const now = new Date().toISOString();
    for (const row of noticeRows(cf)) {
      const n = row.notice;
      if (row.incidentId) insIncident.run(row.incidentId, n.title, now, now);
      insNotice.run({
        id: row.id, document: cf.doc.sha256, idx: n.index, title: n.title, start: n.span[0], end: n.span[1], kind: n.kind,
        is_incident: n.isIncident ? 1 : 0, reason: n.reason, listing_date: n.listingDate, category: n.category,
        fields: n.incident ? JSON.stringify(n.incident.fields) : null,
        confidence: n.incident ? JSON.stringify(n.incident.confidence) : null, incident_id: row.incidentId,
      });
      const current = this.st("SELECT incident_id FROM notices WHERE id = ?").get(row.id) as { incident_id: string | null };
      if (current.incident_id) touched.add(current.incident_id);
      for (const f of n.incident?.findings ?? []) {
        insFinding.run(row.id, f.field, JSON.stringify(f.value), f.span[0], f.span[1], f.text, f.confidence, f.rule);
      }
    }
    return touched;
  }

  /** Recompute an incident from its notices; returns "new" | "updated" | "unchanged" | "deleted". */
  private refreshIncident(id: string): "new" | "updated" | "unchanged" | "deleted" {
    const notices = this.st(
      `SELECT n.title, n.fields, n.start, n.end, d.text FROM notices n JOIN documents d ON d.sha256 = n.document
       WHERE n.incident_id = ? AND n.fields IS NOT NULL ORDER BY d.first_seen, n.document, n.idx`,
    ).all(id) as { title: string; fields: string; start: number; end: number; text: string | null }[];
    if (notices.length === 0) {
      this.st("DELETE FROM incident_fts WHERE rowid = (SELECT fts_key FROM incidents WHERE id = ?)").run(id);
      this.st("DELETE FROM incident_bigrams WHERE rowid = (SELECT fts_key FROM incidents WHERE id = ?)").run(id);
      this.st("DELETE FROM incidents WHERE id = ?").run(id);
      return "deleted";
    }
    const fields = mergeFields(notices.map((n) => JSON.parse(n.fields) as IncidentFields));
    const title = notices[0]!.title;
    const json = JSON.stringify(fields);
    const before = this.st("SELECT fields, title FROM incidents WHERE id = ?").get(id) as { fields: string; title: string } | undefined;
    const fresh = !before || before.fields === "{}";
    if (before && before.fields === json && before.title === title) return "unchanged";
    this.st(
      `UPDATE incidents SET title = ?, organization = ?, sector = ?, disclosed_on = ?, discovered_on = ?, event_date = ?,
         affected_count = ?, fields = ?, updated_at = ? WHERE id = ?`,
    ).run(title, fields.organization, fields.sector, fields.disclosed_on, fields.discovered_on, incidentDate(fields) ?? this.createdDay(id),
      fields.affected_count, json, new Date().toISOString(), id);
    const row = this.st("SELECT rowid, fts_key, event_date FROM incidents WHERE id = ?").get(id) as { rowid: number; fts_key: number | null; event_date: string };
    this.st("DELETE FROM incident_types WHERE incident_id = ?").run(id);
    const insType = this.st("INSERT OR IGNORE INTO incident_types (incident_id, type) VALUES (?, ?)");
    for (const t of fields.incident_types) insType.run(id, t);
    const bodies = notices.map((n) => (n.text ?? "").slice(n.start, n.end));
    const body = searchText(title, fields, bodies);
    if (row.fts_key !== null) {
      this.st("DELETE FROM incident_fts WHERE rowid = ?").run(row.fts_key);
      this.st("DELETE FROM incident_bigrams WHERE rowid = ?").run(row.fts_key);
    }
    const key = ftsKey(row.event_date, row.rowid);
    this.st("INSERT INTO incident_fts (rowid, body) VALUES (?, ?)").run(key, body);
    this.st("INSERT INTO incident_bigrams (rowid, pairs) VALUES (?, ?)").run(key, bigramTokens(body));
    this.st("UPDATE incidents SET fts_key = ? WHERE rowid = ?").run(key, row.rowid);
    return fresh ? "new" : "updated";
  }

  private createdDay(id: string): string {
    return (this.st("SELECT substr(created_at, 1, 10) AS d FROM incidents WHERE id = ?").get(id) as { d: string }).d;
  }

  private tally(touched: Set<string>, notices: number): SaveResult {
    const r: SaveResult = { stored: true, notices, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0 };
    for (const id of touched) {
      const outcome = this.refreshIncident(id);
      if (outcome === "new") r.incidentsNew++;
      else if (outcome === "updated") r.incidentsUpdated++;
      else if (outcome === "unchanged") r.incidentsUnchanged++;
    }
    return r;
  }

  async saveCasefile(cf: Casefile): Promise<SaveResult> {
    return this.db.transaction((): SaveResult => {
      if (this.st("SELECT 1 FROM documents WHERE sha256 = ?").get(cf.doc.sha256)) {
        this.st("INSERT OR IGNORE INTO sources (sha256, source, fetched_at) VALUES (?, ?, ?)").run(cf.doc.sha256, cf.doc.source, cf.doc.fetchedAt);
        return { stored: false, notices: 0, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0 };
      }
      this.insertDocument({ ...cf, analysis: analysisDigest(cf) });
      return this.tally(this.writeNotices(cf), cf.notices.length);
    }).immediate();
  }

  async replaceAnalysis(cfs: Casefile[]): Promise<SaveResult> {
    return this.db.transaction((): SaveResult => {
      const touched = new Set<string>();
      const same = new Set<string>();
      let notices = 0;
      for (const cf of cfs) {
        const sha = cf.doc.sha256;
        const digest = analysisDigest(cf);
        const stored = this.st("SELECT analysis FROM documents WHERE sha256 = ?").get(sha) as { analysis: string | null } | undefined;
        if (!stored) continue;
        notices += cf.notices.length;
        const ids = this.st("SELECT DISTINCT incident_id FROM notices WHERE document = ? AND incident_id IS NOT NULL").all(sha) as { incident_id: string }[];
        if (stored.analysis === digest) {
          for (const r of ids) same.add(r.incident_id);
          continue;
        }
        for (const r of ids) touched.add(r.incident_id);
        this.st("UPDATE documents SET text = ?, charset = ?, messages = ?, analysis = ? WHERE sha256 = ?").run(cf.text, cf.charset, JSON.stringify(cf.messages), digest, sha);
        this.st("DELETE FROM findings WHERE notice_id IN (SELECT id FROM notices WHERE document = ?)").run(sha);
        const rows = noticeRows(cf);
        const keep = new Set(rows.map((r) => r.id));
        for (const o of this.st("SELECT id FROM notices WHERE document = ?").all(sha) as { id: string }[]) {
          if (!keep.has(o.id)) this.st("DELETE FROM notices WHERE id = ?").run(o.id);
        }
        // A notice that stopped being an incident leaves its incident.
        for (const r of rows) if (!r.incidentId) this.st("UPDATE notices SET incident_id = NULL WHERE id = ?").run(r.id);
        for (const id of this.writeNotices(cf)) touched.add(id);
      }
      const r = this.tally(touched, notices);
      for (const id of same) if (!touched.has(id)) r.incidentsUnchanged++;
      return r;
    }).immediate();
  }

  private docOf(r: DocumentRow): StoredDocument & { bytes: Uint8Array } {
    const sources = this.st("SELECT source, fetched_at FROM sources WHERE sha256 = ? ORDER BY fetched_at").all(r.sha256) as { source: string; fetched_at: string }[];
    return {
      sha256: r.sha256, mediaType: r.media_type, charset: r.charset, size: r.size, title: r.title, published: r.published,
      parent: r.parent, sources, messages: JSON.parse(r.messages) as Message[], text: r.text, bytes: new Uint8Array(r.bytes),
    };
  }

  async *documents(): AsyncIterable<StoredDocument & { bytes: Uint8Array }> {
    const shas = (this.st("SELECT sha256 FROM documents ORDER BY first_seen, sha256").all() as { sha256: string }[]).map((r) => r.sha256);
    for (const sha of shas) {
      const d = await this.getDocument(sha);
      if (d) yield d;
    }
  }

  async getDocument(sha256: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null> {
    const r = this.st("SELECT * FROM documents WHERE sha256 = ?").get(sha256) as DocumentRow | undefined;
    return r ? this.docOf(r) : null;
  }

  /** Rows of a page of incidents chosen by an inner query that yields incident rowids in order. */
  private page(inner: string, params: unknown[], filter: IncidentFilter): IncidentSummary[] {
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM incidents i WHERE i.rowid IN (${inner} LIMIT ? OFFSET ?)
      ORDER BY i.event_date DESC, i.rowid DESC`;
    return (this.st(sql).all(...params, filter.limit ?? 50, filter.offset ?? 0) as IncidentRow[]).map(summary);
  }

  /** Conditions on incident `x` for the sector and type filters. */
  private attributeFilters(filter: IncidentFilter): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) { where.push("x.id IN (SELECT incident_id FROM incident_types WHERE type = ?)"); params.push(filter.type); }
    if (filter.sector) { where.push("x.sector = ?"); params.push(filter.sector); }
    return { where, params };
  }

  async listIncidents(filter: IncidentFilter = {}): Promise<IncidentSummary[]> {
    const { where, params } = this.attributeFilters(filter);
    if (filter.since) { where.push("x.event_date >= ?"); params.push(filter.since); }
    if (filter.until) { where.push("x.event_date <= ?"); params.push(filter.until); }
    return this.page(`SELECT x.rowid FROM incidents x INDEXED BY incidents_event_date ${where.length ? "WHERE " + where.join(" AND ") : ""}
      ORDER BY x.event_date DESC, x.rowid DESC`, params, filter);
  }

  /**
   * Full-text search, newest first. The full-text index drives: its keys run in date order, so the
   * first page is found without collecting every match, whatever the word. A rare incident type
   * drives instead, each of its incidents probed for the words.
   */
  async searchIncidents(query: SearchQuery): Promise<IncidentSummary[]> {
    const terms = query.q.normalize("NFKC").trim().split(/\s+/).filter(Boolean);
    if (terms.length === 0) return this.listIncidents(query);
    const quote = (x: string) => `"${x.replace(/"/g, '""')}"`;
    const long = terms.filter((t) => [...t].length >= 3);
    const pairs = terms.filter((t) => [...t].length < 3).flatMap((t) => bigramTokens(t).split(" ").filter(Boolean));
    const odd = long.length ? [] : terms.filter((t) => [...t].length < 3 && bigramTokens(t) === "");
    // Conditions on a full-text key `k`, one per index.
    const text: { table: string; match: string }[] = [];
    if (long.length) text.push({ table: "incident_fts", match: long.map(quote).join(" AND ") });
    if (pairs.length) text.push({ table: "incident_bigrams", match: pairs.map((x) => `${quote(x)}${[...x].length === 1 ? "*" : ""}`).join(" AND ") });
    const probe = (t: { table: string }, key: string) => `EXISTS (SELECT 1 FROM ${t.table} p WHERE p.${t.table} MATCH ? AND p.rowid = ${key})`;
    const { where, params } = this.attributeFilters(query);
    for (const o of odd) { where.push("x.fts_key IN (SELECT rowid FROM incident_fts WHERE body LIKE ? ESCAPE '\\')"); params.push(likePattern(o)); }

    const ofType = query.type ? (this.st("SELECT count(*) AS n FROM incident_types WHERE type = ?").get(query.type) as { n: number }).n : Infinity;
    if (text.length === 0 || (query.type && ofType <= RARE_TYPE)) {
      for (const t of text) { where.push(probe(t, "x.fts_key")); params.push(t.match); }
      if (query.since) { where.push("x.event_date >= ?"); params.push(query.since); }
      if (query.until) { where.push("x.event_date <= ?"); params.push(query.until); }
      return this.page(`SELECT x.rowid FROM incidents x WHERE ${where.join(" AND ") || "1"} ORDER BY x.event_date DESC, x.rowid DESC`, params, query);
    }
    // The trigram index drives when there are long words; short words are then read off the same
    // row's text. Otherwise the pair index drives.
    const driver = text[0]!;
    const keyWhere = [`f.${driver.table} MATCH ?`];
    const keyParams: unknown[] = [driver.match];
    if (query.since) { keyWhere.push("f.rowid >= ?"); keyParams.push(dayNumber(query.since) * KEY_SHIFT); }
    if (query.until) { keyWhere.push("f.rowid < ?"); keyParams.push((dayNumber(query.until) + 1) * KEY_SHIFT); }
    if (driver.table === "incident_fts") {
      for (const t of terms.filter((x) => [...x].length < 3)) { keyWhere.push("f.body LIKE ? ESCAPE '\\'"); keyParams.push(likePattern(t)); }
    }
    return this.page(`SELECT x.rowid FROM ${driver.table} f JOIN incidents x ON x.rowid = (f.rowid & ${KEY_SHIFT - 1})
      WHERE ${[...keyWhere, ...where].join(" AND ")} ORDER BY f.rowid DESC`, [...keyParams, ...params], query);
  }

  async getIncident(id: string): Promise<IncidentDetail | null> {
    const r = this.st(`SELECT ${SUMMARY_COLUMNS} FROM incidents i WHERE i.id = ?`).get(id) as IncidentRow | undefined;
    if (!r) return null;
    const rows = this.st(
      `SELECT n.*, (SELECT s.source FROM sources s WHERE s.sha256 = n.document ORDER BY s.fetched_at LIMIT 1) AS source,
              (SELECT s.fetched_at FROM sources s WHERE s.sha256 = n.document ORDER BY s.fetched_at LIMIT 1) AS fetched_at
       FROM notices n JOIN documents d ON d.sha256 = n.document WHERE n.incident_id = ? ORDER BY d.first_seen, n.idx`,
    ).all(id) as { id: string; document: string; title: string; start: number; end: number; kind: string; is_incident: number; reason: string; listing_date: string | null; source: string; fetched_at: string; fields: string | null }[];
    const notices: NoticeRecord[] = rows.map((n) => ({
      id: n.id, document: n.document, title: n.title, span: [n.start, n.end], kind: n.kind as NoticeKind,
      is_incident: n.is_incident === 1, reason: n.reason, listing_date: n.listing_date, source: n.source, fetched_at: n.fetched_at,
      fields: n.fields ? (JSON.parse(n.fields) as IncidentFields) : null,
      findings: (this.st("SELECT * FROM findings WHERE notice_id = ? ORDER BY start").all(n.id) as { field: string; value: string; start: number; end: number; text: string; confidence: number; rule: string }[])
        .map((f): Finding => ({ field: f.field as Finding["field"], value: JSON.parse(f.value), span: [f.start, f.end], text: f.text, confidence: f.confidence, rule: f.rule })),
    }));
    return { ...summary(r), fields: JSON.parse(r.fields) as IncidentFields, notices, created_at: r.created_at };
  }

  async countIncidents(): Promise<number> {
    return (this.st("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
