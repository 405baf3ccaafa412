import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Casefile, Finding, IncidentFields, Message, Notice, NoticeKind, Reanalysis, Sector, Tag } from "../../core/types.js";
import { orgKey } from "../../intel/correlate.js";
import { keyOfValue } from "../../intel/indicators/index.js";
import type { StatInput } from "../../intel/stats.js";
import { analysisDigest } from "../../core/digest.js";
import { checkMarking, checkTokenFor, grantedClearance, levelsUpTo, maySee, writable, type Writer } from "../../casebook/authorize.js";
import type { Tlp } from "../../intel/taxonomies/tlp.js";
import { bestMatch, planNotice, touch, type Correlated, type Placement } from "../../casebook/correlate.js";
import { planEdit, planRevert } from "../../casebook/edit.js";
import { checkNoticeMarkings } from "../../casebook/marking.js";
import { ownIncident, planMerge, planUnmerge, type SplitSource } from "../../casebook/merge.js";
import { planRefresh } from "../../casebook/refresh.js";
import { planWatchHits } from "../../casebook/watch.js";
import type { Cause, Keep, Write } from "../../casebook/trail.js";
import { bigramTokens, indicatorRecords, relatedOf, SYSTEM, SYSTEM_WRITER, incidentDate, indicatorKind, noticeRows, partiesOf, searchText, type IndicatorRow } from "../records.js";
import type {
  Actor, AnalysedCasefile, EventRecord, FieldChange, IncidentDetail, IncidentFilter, IncidentLink, IncidentSummary, IndicatorRecord, LinkRecord,
  AuditRecord, Facets, FeedSource, OverrideRecord, RelatedIncident, Role, SaveResult, SearchQuery, Store, StoredDocument, User, WatchHit,
  TaxiiObject, TaxiiStatusRecord, WatchKind, Watchlist,
} from "../types.js";
import { fingerprint, hashToken, newTokenString, nextDateAdded } from "../service.js";
import { ConflictError, NotFoundError } from "../types.js";
import { facetKey, SQLITE_MIGRATIONS } from "./migrations.js";
import { ftsKey, SqliteSearch, SUMMARY_COLUMNS, summary, type IncidentRow } from "./search.js";

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
  analysis: string | null;
}

/** The embedded store: one SQLite file (WAL), FTS5 trigram for Japanese search. */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  /** Incidents whose fields changed during the current write. */
  private readonly changed = new Set<string>();
  /** Listing, full-text search and facets. */
  private readonly search: SqliteSearch;

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

  async hasDocument(sha256: string): Promise<boolean> {
    return this.st("SELECT 1 FROM documents WHERE sha256 = ?").get(sha256) !== undefined;
  }

  async addSource(sha256: string, source: string, fetchedAt: string, writer: Writer): Promise<void> {
    this.db.transaction(() => this.sourceAs(sha256, source, fetchedAt, writer.clearance)).immediate();
  }

  /** One more place archived bytes were read from, unless they belong to an incident above `clearance`. */
  private sourceAs(sha256: string, source: string, fetchedAt: string, clearance: Tlp): void {
    if (!this.markingsOf(sha256).every((m) => maySee(clearance, m))) return;
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

  /** Carry out a plan's writes, in order. */
  private apply(writes: Write[]): void {
    for (const w of writes) {
      const now = new Date().toISOString();
      switch (w.op) {
        case "open":
          this.st("INSERT OR IGNORE INTO incidents (id, title, fields, created_at, updated_at) VALUES (?, ?, '{}', ?, ?)").run(w.incident, w.title, now, now);
          this.st("DELETE FROM incident_aliases WHERE alias = ?").run(w.incident);
          break;
        case "place":
          this.st("UPDATE notices SET incident_id = ? WHERE id = ?").run(w.incident, w.notice);
          break;
        case "link":
          this.st(
            `INSERT INTO links (notice_id, incident_id, method, score, reason, by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT(notice_id) DO UPDATE SET incident_id = excluded.incident_id, method = excluded.method, score = excluded.score,
               reason = excluded.reason, by = excluded.by, at = excluded.at`,
          ).run(w.notice, w.incident, w.method, w.score, w.reason, w.by, now);
          break;
        case "unlink":
          this.st("DELETE FROM links WHERE notice_id = ?").run(w.notice);
          break;
        case "block":
          this.st("INSERT OR IGNORE INTO merge_blocks (notice_id, incident_id, by, at) VALUES (?, ?, ?, ?)").run(w.notice, w.incident, w.by, now);
          break;
        case "unblock":
          this.st("DELETE FROM merge_blocks WHERE notice_id = ? AND incident_id = ?").run(w.notice, w.incident);
          break;
        case "alias":
          this.st("UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?").run(w.into, w.from);
          this.st("INSERT OR REPLACE INTO incident_aliases (alias, incident_id) VALUES (?, ?)").run(w.from, w.into);
          break;
        case "carry":
          this.st(`UPDATE overrides SET incident_id = ? WHERE incident_id = ? AND active = 1
                   AND field NOT IN (SELECT field FROM overrides WHERE incident_id = ? AND active = 1)`).run(w.into, w.from, w.into);
          break;
        case "correct":
          this.st("UPDATE overrides SET active = 0 WHERE incident_id = ? AND field = ? AND active = 1").run(w.incident, w.field);
          this.st("INSERT INTO overrides (incident_id, field, value, who, at, why) VALUES (?, ?, ?, ?, ?, ?)").run(w.incident, w.field, JSON.stringify(w.value), w.who, now, w.why);
          break;
        case "withdraw":
          this.st("UPDATE overrides SET active = 0 WHERE incident_id = ? AND field = ? AND active = 1").run(w.incident, w.field);
          break;
        case "event":
          this.st("INSERT INTO events (incident_id, at, who, action, detail) VALUES (?, ?, ?, ?, ?)").run(w.incident, now, w.who, w.action, JSON.stringify(w.detail));
          break;
        case "audit":
          this.auditNow(w.who, w.action, w.target, w.before, w.after);
          break;
        case "refresh":
          this.refresh(w.incident, w.who, w.cause, w.keep);
          break;
      }
    }
  }

  /** The existing incident a new incident notice reports, if the evidence is strong enough, among those the writer may touch. */
  private correlate(noticeId: string, notice: Notice, clearance: Tlp): Correlated | null {
    const f = notice.incident!.fields;
    const candidates = this.st(
      `SELECT id, title, fields, tlp FROM incidents WHERE fields != '{}' AND ((casebook_id IS NOT NULL AND casebook_id = ?) OR (org_key != '' AND org_key = ?))
       AND id NOT IN (SELECT incident_id FROM merge_blocks WHERE notice_id = ?) AND tlp IN (SELECT value FROM json_each(?))
       ORDER BY coalesce(casebook_id = ?, 0) DESC, rowid LIMIT 200`,
    ).all(f.casebook_id, orgKey(f.organization), noticeId, JSON.stringify(levelsUpTo(clearance)), f.casebook_id) as { id: string; title: string; fields: string; tlp: string }[];
    return bestMatch({ title: notice.title, fields: f }, candidates.map((c) => ({ ...c, fields: JSON.parse(c.fields) as IncidentFields })));
  }

  /**
   * Write a casefile's notices and findings, and place each (planNotice): a new incident notice goes
   * where `placement` says, else joins the incident it correlates with among those the writer may
   * touch, else opens its own. Returns each touched incident and whether it is new.
   */
  private writeNotices(cf: Casefile, writer: Writer, placement?: Placement): Map<string, boolean> {
    const touched = new Map<string, boolean>();
    const join = placement && "join" in placement ? writable(writer, placement.join, this.locate(placement.join)) : null;
    const insNotice = this.st(
      `INSERT INTO notices (id, document, idx, title, start, end, kind, is_incident, reason, listing_date, category, fields, confidence, tags, incident_id)
       VALUES (@id, @document, @idx, @title, @start, @end, @kind, @is_incident, @reason, @listing_date, @category, @fields, @confidence, @tags, NULL)
       ON CONFLICT(id) DO UPDATE SET idx = excluded.idx, title = excluded.title, start = excluded.start, end = excluded.end,
         kind = excluded.kind, is_incident = excluded.is_incident, reason = excluded.reason, listing_date = excluded.listing_date,
         category = excluded.category, fields = excluded.fields, confidence = excluded.confidence, tags = excluded.tags`,
    );
    const insFinding = this.st(
      "INSERT INTO findings (notice_id, field, value, start, end, text, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    for (const row of noticeRows(cf)) {
      const n = row.notice;
      const before = (this.st("SELECT incident_id FROM notices WHERE id = ?").get(row.id) as { incident_id: string | null } | undefined)?.incident_id ?? null;
      insNotice.run({
        id: row.id, document: cf.doc.sha256, idx: n.index, title: n.title, start: n.span[0], end: n.span[1], kind: n.kind,
        is_incident: n.isIncident ? 1 : 0, reason: n.reason, listing_date: n.listingDate, category: n.category,
        fields: n.incident ? JSON.stringify(n.incident.fields) : null,
        confidence: n.incident ? JSON.stringify(n.incident.confidence) : null,
        tags: n.incident ? JSON.stringify(n.incident.tags) : null,
      });
      for (const f of n.incident?.findings ?? []) {
        insFinding.run(row.id, f.field, JSON.stringify(f.value), f.span[0], f.span[1], f.text, f.confidence, f.rule);
      }
      const correlated = before === null && n.isIncident && n.incident && !placement ? this.correlate(row.id, n, writer.clearance) : null;
      const into = join ? { join } : placement && "open" in placement ? { open: placement.open } : correlated ? { correlated } : null;
      const plan = planNotice({ row, source: cf.doc.source, before, into, system: SYSTEM, writer });
      this.apply(plan.writes);
      touch(touched, plan.touched);
    }
    return touched;
  }

  /**
   * Recompute an incident from its sources and its analysts' corrections (planRefresh), recording what
   * changed. Returns whether its row changed, or "deleted" when no source is left.
   */
  private refresh(id: string, who: string, cause: Cause, keep?: Keep): boolean | "deleted" {
    const notices = this.st(
      `SELECT n.title, n.fields, n.confidence, n.tags, n.start, n.end, d.text FROM notices n JOIN documents d ON d.sha256 = n.document
       WHERE n.incident_id = ? AND n.fields IS NOT NULL AND n.is_incident = 1
       ORDER BY coalesce(json_extract(n.fields, '$.disclosed_on'), n.listing_date, substr(d.first_seen, 1, 10)), d.first_seen, n.document, n.idx`,
    ).all(id) as { title: string; fields: string; confidence: string | null; tags: string | null; start: number; end: number; text: string | null }[];
    const stored = this.st("SELECT rowid, title, fields, tlp, tags, fts_key, substr(created_at, 1, 10) AS created FROM incidents WHERE id = ?")
      .get(id) as { rowid: number; title: string; fields: string; tlp: string; tags: string; fts_key: number | null; created: string };
    const plan = planRefresh({
      id, who, cause, keep, overrides: this.activeOverrides(id),
      sources: notices.map((n) => ({
        title: n.title, fields: JSON.parse(n.fields) as IncidentFields, confidence: n.confidence ? JSON.parse(n.confidence) : {}, tags: n.tags ? (JSON.parse(n.tags) as Tag[]) : [],
      })),
      stored: { title: stored.title, fields: stored.fields === "{}" ? null : (JSON.parse(stored.fields) as IncidentFields), tlp: stored.tlp, tags: JSON.parse(stored.tags) as Tag[] },
    });
    if (plan.kind === "delete") {
      this.st("DELETE FROM incident_fts WHERE rowid = (SELECT fts_key FROM incidents WHERE id = ?)").run(id);
      this.st("DELETE FROM incident_bigrams WHERE rowid = (SELECT fts_key FROM incidents WHERE id = ?)").run(id);
      this.st("DELETE FROM incidents WHERE id = ?").run(id);
      return "deleted";
    }
    this.apply(plan.writes);
    if (plan.kind === "same") return false;
    this.changed.add(id);
    const { title, fields, tlp, tags } = plan.row;
    const eventDate = incidentDate(fields) ?? stored.created;
    // The row is written once, with its full-text key and facet combination, both computed here.
    const key = ftsKey(eventDate, stored.rowid);
    const combo = facetKey(fields.sector, eventDate, tlp, fields.incident_types, tags);
    this.st("INSERT OR IGNORE INTO facet_combos (key) VALUES (?)").run(combo);
    this.st(
      `UPDATE incidents SET title = ?, organization = ?, sector = ?, disclosed_on = ?, discovered_on = ?, event_date = ?,
         affected_count = ?, fields = ?, tlp = ?, tags = ?, casebook_id = ?, org_key = ?, updated_at = ?,
         fts_key = ?, facet_combo = (SELECT id FROM facet_combos WHERE key = ?) WHERE rowid = ?`,
    ).run(title, fields.organization, fields.sector, fields.disclosed_on, fields.discovered_on, eventDate,
      fields.affected_count, JSON.stringify(fields), tlp, JSON.stringify(tags), fields.casebook_id, orgKey(fields.organization), new Date().toISOString(),
      key, combo, stored.rowid);
    this.st("DELETE FROM incident_types WHERE incident_id = ?").run(id);
    const insType = this.st("INSERT OR IGNORE INTO incident_types (incident_id, type) VALUES (?, ?)");
    for (const t of fields.incident_types) insType.run(id, t);
    this.st("DELETE FROM incident_indicators WHERE incident_id = ?").run(id);
    for (const v of fields.indicators) this.st("INSERT OR IGNORE INTO incident_indicators (incident_id, value, kind, key) VALUES (?, ?, ?, ?)").run(id, v, indicatorKind(v), keyOfValue(v));
    this.st("DELETE FROM incident_parties WHERE incident_id = ?").run(id);
    const insParty = this.st("INSERT OR IGNORE INTO incident_parties (incident_id, key, name, role) VALUES (?, ?, ?, ?)");
    for (const p of partiesOf(fields)) insParty.run(id, p.key, p.name, p.role);
    const body = searchText(title, fields, notices.map((n) => (n.text ?? "").slice(n.start, n.end)));
    if (stored.fts_key !== null) {
      this.st("DELETE FROM incident_fts WHERE rowid = ?").run(stored.fts_key);
      this.st("DELETE FROM incident_bigrams WHERE rowid = ?").run(stored.fts_key);
    }
    this.st("INSERT INTO incident_fts (rowid, body) VALUES (?, ?)").run(key, body);
    this.st("INSERT INTO incident_bigrams (rowid, pairs) VALUES (?, ?)").run(key, bigramTokens(body));
    return true;
  }

  /** An incident's active corrections, oldest first. */
  private activeOverrides(id: string): { field: string; value: unknown }[] {
    return (this.st("SELECT field, value FROM overrides WHERE incident_id = ? AND active = 1 ORDER BY id").all(id) as { field: string; value: string }[])
      .map((o) => ({ field: o.field, value: JSON.parse(o.value) as unknown }));
  }

  /** Count what a save did: incidents opened, and existing ones changed or not by it. */
  private tally(touched: Map<string, boolean>, notices: number, who: string, cause: "reextracted" | "source_added"): SaveResult {
    const r: SaveResult = { stored: true, notices, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: [] };
    for (const [id, created] of touched) {
      if (created) { r.incidentsNew++; r.incidentIds.push(id); continue; }
      if (this.refresh(id, who, cause) === "deleted") continue;
      r.incidentIds.push(id);
      if (this.changed.has(id)) r.incidentsUpdated++;
      else r.incidentsUnchanged++;
    }
    return r;
  }

  async saveCasefile(cf: Casefile, writer: Writer, opts: { placement?: Placement } = {}): Promise<SaveResult> {
    return this.db.transaction(() => this.saveOne(cf, writer, opts.placement)).immediate();
  }

  async saveCasefiles(batch: AnalysedCasefile[], writer: Writer): Promise<(SaveResult | Error)[]> {
    const save = (item: AnalysedCasefile) => this.saveOne(item.casefile, writer, undefined, item.digest);
    try {
      // First all at once: a savepoint copies every page its casefile changes (a quarter of the time of a save).
      return this.db.transaction(() => batch.map(save)).immediate();
    } catch {
      // One failed and the batch was rolled back: again, each casefile in a savepoint (a transaction
      // function called inside another), so that the failing one is rolled back alone.
      const one = this.db.transaction(save);
      return this.db.transaction(() => batch.map((item): SaveResult | Error => {
        try {
          return one(item);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      })).immediate();
    }
  }

  /** saveCasefile's writes, inside the caller's transaction. */
  private saveOne(cf: Casefile, writer: Writer, placement?: Placement, digest?: string): SaveResult {
    if (this.st("SELECT 1 FROM documents WHERE sha256 = ?").get(cf.doc.sha256)) {
      this.sourceAs(cf.doc.sha256, cf.doc.source, cf.doc.fetchedAt, writer.clearance);
      return { stored: false, notices: 0, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: [] };
    }
    checkNoticeMarkings(cf, writer);
    this.changed.clear();
    this.insertDocument({ ...cf, analysis: digest ?? analysisDigest(cf) });
    return this.tally(this.writeNotices(cf, writer, placement), cf.notices.length, SYSTEM, "source_added");
  }

  async replaceAnalysis(items: Reanalysis[]): Promise<SaveResult> {
    return this.db.transaction((): SaveResult => {
      this.changed.clear();
      const touched = new Map<string, boolean>();
      const same = new Set<string>();
      let notices = 0;
      for (const item of items) {
        const sha = item.kind === "same" ? item.sha256 : item.casefile.doc.sha256;
        const stored = this.st("SELECT analysis FROM documents WHERE sha256 = ?").get(sha) as { analysis: string | null } | undefined;
        if (!stored) continue;
        notices += item.kind === "same" ? item.notices : item.casefile.notices.length;
        const ids = this.st("SELECT incident_id FROM notices WHERE document = ? AND incident_id IS NOT NULL GROUP BY incident_id ORDER BY min(rowid)").all(sha) as { incident_id: string }[];
        if (item.kind === "same" || stored.analysis === item.digest) {
          for (const r of ids) same.add(r.incident_id);
          continue;
        }
        const { casefile: cf, digest } = item;
        for (const r of ids) if (!touched.has(r.incident_id)) touched.set(r.incident_id, false);
        this.st("UPDATE documents SET text = ?, charset = ?, messages = ?, analysis = ? WHERE sha256 = ?").run(cf.text, cf.charset, JSON.stringify(cf.messages), digest, sha);
        this.st("DELETE FROM findings WHERE notice_id IN (SELECT id FROM notices WHERE document = ?)").run(sha);
        const keep = new Set(noticeRows(cf).map((r) => r.id));
        for (const o of this.st("SELECT id, incident_id FROM notices WHERE document = ? ORDER BY rowid").all(sha) as { id: string; incident_id: string | null }[]) {
          if (keep.has(o.id)) continue;
          this.st("DELETE FROM notices WHERE id = ?").run(o.id);
          if (o.incident_id) this.apply([{ op: "event", incident: o.incident_id, who: SYSTEM, action: "reextracted", detail: { source_removed: o.id } }]);
        }
        for (const [id, created] of this.writeNotices(cf, SYSTEM_WRITER)) touched.set(id, created || (touched.get(id) ?? false));
      }
      const r = this.tally(touched, notices, SYSTEM, "reextracted");
      for (const id of same) if (!touched.has(id)) r.incidentsUnchanged++;
      return r;
    }).immediate();
  }

  private docOf(r: DocumentRow): StoredDocument & { bytes: Uint8Array } {
    const sources = this.st("SELECT source, fetched_at FROM sources WHERE sha256 = ? ORDER BY fetched_at, source").all(r.sha256) as { source: string; fetched_at: string }[];
    return {
      sha256: r.sha256, mediaType: r.media_type, charset: r.charset, size: r.size, title: r.title, published: r.published,
      parent: r.parent, sources, messages: JSON.parse(r.messages) as Message[], text: r.text, bytes: new Uint8Array(r.bytes),
    };
  }

  async documentHashes(): Promise<string[]> {
    return (this.st("SELECT sha256 FROM documents ORDER BY first_seen, sha256").all() as { sha256: string }[]).map((r) => r.sha256);
  }

  async *documents(only?: string[]): AsyncIterable<StoredDocument & { bytes: Uint8Array; analysis: string | null }> {
    for (const sha of only ?? await this.documentHashes()) {
      const r = this.documentRow(sha);
      if (r) yield { ...this.docOf(r), analysis: r.analysis };
    }
  }

  /** One archived document's row. */
  private documentRow(sha256: string): DocumentRow | undefined {
    return this.st("SELECT * FROM documents WHERE sha256 = ?").get(sha256) as DocumentRow | undefined;
  }

  async getDocument(sha256: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null> {
    const r = this.documentRow(sha256);
    return r ? this.docOf(r) : null;
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

  /**
   * The incident an id names (itself, or the incident it was merged into) with its marking, in one
   * query whatever the answer, so that callers decide only after the lookup.
   */
  private locate(id: string): { id: string; tlp: string } | null {
    return (this.st(
      `SELECT i.id, i.tlp FROM incidents i WHERE i.id = @id
       UNION ALL
       SELECT i.id, i.tlp FROM incident_aliases a JOIN incidents i ON i.id = a.incident_id
       WHERE a.alias = @id AND NOT EXISTS (SELECT 1 FROM incidents x WHERE x.id = @id)`,
    ).get({ id }) as { id: string; tlp: string } | undefined) ?? null;
  }

  /** Incidents sharing an indicator, a named party or the organisation with this one. */
  private related(id: string): RelatedIncident[] {
    return relatedOf(this.st(
      `SELECT id, title, organization, reason FROM (
         SELECT 1 AS part, a.value AS k1, '' AS k2, b.rowid AS seq, other.id, other.title, other.organization, 'shares indicator ' || a.value AS reason
           FROM incident_indicators a JOIN incident_indicators b ON b.key = a.key AND b.incident_id != a.incident_id
           JOIN incidents other ON other.id = b.incident_id WHERE a.incident_id = ?
         UNION ALL
         SELECT 2, a.key, a.role, b.rowid, other.id, other.title, other.organization,
                CASE WHEN a.role = 'organization' AND b.role = 'organization' THEN 'same organisation ' || b.name
                     WHEN a.role = 'organization' THEN 'names this organisation (' || b.name || ') as a party'
                     WHEN b.role = 'organization' THEN 'is ' || b.name || ', a party here'
                     ELSE 'shares party ' || b.name END
           FROM incident_parties a JOIN incident_parties b ON b.key = a.key AND b.incident_id != a.incident_id
           JOIN incidents other ON other.id = b.incident_id WHERE a.incident_id = ?
       ) ORDER BY part, k1, k2, seq LIMIT 100`,
    ).all(id, id) as RelatedIncident[]);
  }


  async getIncident(requested: string): Promise<IncidentDetail | null> {
    const id = this.locate(requested)?.id;
    if (!id) return null;
    const r = this.st(`SELECT ${SUMMARY_COLUMNS}, i.tlp, i.tags FROM incidents i WHERE i.id = ?`).get(id) as IncidentRow & { tlp: string; tags: string };
    const rows = this.st(
      `SELECT n.*, (SELECT s.source FROM sources s WHERE s.sha256 = n.document ORDER BY s.fetched_at, s.source LIMIT 1) AS source,
              (SELECT s.fetched_at FROM sources s WHERE s.sha256 = n.document ORDER BY s.fetched_at, s.source LIMIT 1) AS fetched_at,
              l.method, l.score, l.reason AS link_reason, l.by AS link_by, l.at AS link_at
       FROM notices n JOIN documents d ON d.sha256 = n.document LEFT JOIN links l ON l.notice_id = n.id
       WHERE n.incident_id = ? ORDER BY d.first_seen, n.idx, n.rowid`,
    ).all(id) as { id: string; document: string; title: string; start: number; end: number; kind: string; is_incident: number; reason: string; listing_date: string | null; source: string; fetched_at: string; fields: string | null; method: LinkRecord["method"] | null; score: number | null; link_reason: string | null; link_by: string | null; link_at: string | null }[];
    const notices = rows.map((n) => ({
      id: n.id, document: n.document, title: n.title, span: [n.start, n.end] as [number, number], kind: n.kind as NoticeKind,
      is_incident: n.is_incident === 1, reason: n.reason, listing_date: n.listing_date, source: n.source, fetched_at: n.fetched_at,
      fields: n.fields ? (JSON.parse(n.fields) as IncidentFields) : null,
      findings: (this.st("SELECT * FROM findings WHERE notice_id = ? ORDER BY start").all(n.id) as { field: string; value: string; start: number; end: number; text: string; confidence: number; rule: string }[])
        .map((f): Finding => ({ field: f.field as Finding["field"], value: JSON.parse(f.value), span: [f.start, f.end], text: f.text, confidence: f.confidence, rule: f.rule })),
      link: n.method ? { method: n.method, score: n.score, reason: n.link_reason!, by: n.link_by!, at: n.link_at! } : null,
    }));
    const overrides = (this.st("SELECT * FROM overrides WHERE incident_id = ? AND active = 1 ORDER BY id").all(id) as { id: number; field: string; value: string; who: string; at: string; why: string | null }[])
      .map((o): OverrideRecord => ({ id: o.id, field: o.field, value: JSON.parse(o.value) as unknown, who: o.who, at: o.at, why: o.why }));
    const aliases = (this.st("SELECT alias FROM incident_aliases WHERE incident_id = ? ORDER BY alias").all(id) as { alias: string }[]).map((a) => a.alias);
    return {
      ...summary(r), fields: JSON.parse(r.fields) as IncidentFields, tlp: r.tlp, tags: JSON.parse(r.tags) as Tag[], notices, overrides,
      related: this.related(id), aliases, created_at: r.created_at,
    };
  }

  /** The incident an id names, or an error saying there is none. */
  private mustResolve(id: string): string {
    const found = this.locate(id);
    if (!found) throw new NotFoundError(`no incident ${id}`);
    return found.id;
  }

  async merge(target: string, others: string[], actor: Writer): Promise<IncidentDetail> {
    const into = this.db.transaction((): string => {
      const to = writable(actor, target, this.locate(target));
      const froms = others.map((o) => writable(actor, o, this.locate(o))).map((f) => ({
        ...f, notices: (this.st("SELECT id FROM notices WHERE incident_id = ? ORDER BY rowid").all(f.id) as { id: string }[]).map((n) => n.id),
      }));
      this.apply(planMerge(to, froms, actor));
      return to.id;
    }).immediate();
    return (await this.getIncident(into))!;
  }

  async unmerge(requested: string, actor: Writer, noticeId?: string): Promise<string[]> {
    return this.db.transaction((): string[] => {
      const found = writable(actor, requested, this.locate(requested));
      const sources = this.st(
        `SELECT n.id, n.title, l.method FROM notices n LEFT JOIN links l ON l.notice_id = n.id WHERE n.incident_id = ? ORDER BY l.method = 'first' DESC, l.at, n.id`,
      ).all(found.id) as SplitSource[];
      const taken = this.st("SELECT id FROM incidents WHERE id IN (SELECT value FROM json_each(?))").all(JSON.stringify(sources.map((n) => ownIncident(n.id)))) as { id: string }[];
      const plan = planUnmerge(found, sources, noticeId, new Set(taken.map((t) => t.id)), new Date().toISOString(), actor);
      this.apply(plan.writes);
      return plan.created;
    }).immediate();
  }

  async edit(requested: string, changes: FieldChange[], writer: Writer): Promise<IncidentDetail> {
    const id = this.db.transaction((): string => {
      const found = writable(writer, requested, this.locate(requested));
      const fields = JSON.parse((this.st("SELECT fields FROM incidents WHERE id = ?").get(found.id) as { fields: string }).fields) as IncidentFields;
      this.apply(planEdit(found, fields, changes, writer));
      return found.id;
    }).immediate();
    return (await this.getIncident(id))!;
  }

  async revert(requested: string, field: string, writer: Writer): Promise<IncidentDetail> {
    const id = this.db.transaction((): string => {
      const found = writable(writer, requested, this.locate(requested));
      const corrected = this.st("SELECT 1 FROM overrides WHERE incident_id = ? AND field = ? AND active = 1").get(found.id, field) !== undefined;
      this.apply(planRevert(found, field, corrected, writer));
      // Withdrawing a marking must not leave the incident marked above the writer's clearance.
      checkMarking(writer, (this.st("SELECT tlp FROM incidents WHERE id = ?").get(found.id) as { tlp: string }).tlp);
      return found.id;
    }).immediate();
    return (await this.getIncident(id))!;
  }

  async history(requested: string): Promise<EventRecord[]> {
    const id = this.mustResolve(requested);
    return (this.st("SELECT at, who, action, detail FROM events WHERE incident_id = ? ORDER BY id").all(id) as { at: string; who: string; action: EventRecord["action"]; detail: string }[])
      .map((e) => ({ at: e.at, who: e.who, action: e.action, detail: JSON.parse(e.detail) as Record<string, unknown> }));
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

  async incidentLinks(ids: string[]): Promise<IncidentLink[]> {
    return this.st(
      `SELECT p.incident_id, p.role, p.key, p.name, NULL AS indicator_kind FROM incident_parties p WHERE p.incident_id IN (SELECT value FROM json_each(?))
       UNION ALL
       SELECT ii.incident_id, 'indicator', ii.key, ii.value, ii.kind FROM incident_indicators ii WHERE ii.incident_id IN (SELECT value FROM json_each(?))
       ORDER BY 1, 2, 4`,
    ).all(JSON.stringify(ids), JSON.stringify(ids)) as IncidentLink[];
  }

  async indicators(filter: { shared?: boolean; limit?: number } = {}): Promise<IndicatorRecord[]> {
    const rows = this.st(
      `SELECT ii.value, ii.kind, i.id, i.title, i.organization FROM incident_indicators ii JOIN incidents i ON i.id = ii.incident_id
       WHERE ? = 0 OR ii.key IN (SELECT key FROM incident_indicators WHERE key IS NOT NULL GROUP BY key HAVING count(*) >= 2)
       ORDER BY ii.value, i.event_date DESC, ii.rowid`,
    ).all(filter.shared ? 1 : 0) as IndicatorRow[];
    return indicatorRecords(rows, filter.limit ?? 1000);
  }

  private auditNow(who: string, action: string, target: string, before: unknown, after: unknown): void {
    this.st("INSERT INTO audit (at, who, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?)")
      .run(new Date().toISOString(), who, action, target, before === undefined ? null : JSON.stringify(before), after === undefined ? null : JSON.stringify(after));
  }

  private userRow(name: string): User | undefined {
    return this.st("SELECT id, name, role, clearance, created_at, revoked_at FROM users WHERE name = ?").get(name) as User | undefined;
  }

  async addUser(name: string, role: Role, clearance: Tlp | null, actor: Writer): Promise<{ user: User; token: string }> {
    return this.db.transaction(() => {
      const granted = grantedClearance(actor, role, clearance);
      if (this.userRow(name)) throw new ConflictError(`user ${name} exists`);
      const now = new Date().toISOString();
      this.st("INSERT INTO users (name, role, clearance, created_at) VALUES (?, ?, ?, ?)").run(name, role, granted, now);
      const user = this.userRow(name)!;
      const token = newTokenString();
      this.st("INSERT INTO tokens (user_id, hash, created_at) VALUES (?, ?, ?)").run(user.id, hashToken(token), now);
      this.auditNow(actor.who, "user.add", `user:${name}`, null, { role: user.role, clearance: user.clearance });
      return { user, token };
    }).immediate();
  }

  async newToken(name: string, actor: Writer): Promise<string> {
    return this.db.transaction(() => {
      const user = this.userRow(name);
      if (!user || user.revoked_at) throw new NotFoundError(`no user ${name}`);
      checkTokenFor(actor, user.clearance);
      const token = newTokenString();
      this.st("INSERT INTO tokens (user_id, hash, created_at) VALUES (?, ?, ?)").run(user.id, hashToken(token), new Date().toISOString());
      this.auditNow(actor.who, "token.add", `user:${name}`, null, null);
      return token;
    }).immediate();
  }

  async listUsers(): Promise<User[]> {
    return this.st("SELECT id, name, role, clearance, created_at, revoked_at FROM users ORDER BY id").all() as User[];
  }

  async revokeUser(name: string, actor: Actor): Promise<void> {
    this.db.transaction(() => {
      const user = this.userRow(name);
      if (!user) throw new NotFoundError(`no user ${name}`);
      const now = new Date().toISOString();
      this.st("UPDATE users SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?").run(now, user.id);
      this.st("UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) WHERE user_id = ?").run(now, user.id);
      this.auditNow(actor.who, "user.revoke", `user:${name}`, { revoked_at: user.revoked_at }, { revoked_at: now });
    }).immediate();
  }

  async authenticate(token: string): Promise<User | null> {
    return (this.st(
      `SELECT u.id, u.name, u.role, u.clearance, u.created_at, u.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id
       WHERE t.hash = ? AND t.revoked_at IS NULL AND u.revoked_at IS NULL`,
    ).get(hashToken(token)) as User | undefined) ?? null;
  }

  async recordTokenUse(token: string): Promise<void> {
    this.st("UPDATE tokens SET last_used_at = ? WHERE hash = ?").run(new Date().toISOString(), hashToken(token));
  }

  async audit(who: string, action: string, target: string, before: unknown, after: unknown): Promise<void> {
    this.auditNow(who, action, target, before, after);
  }

  async auditLog(filter: { target?: string; limit?: number } = {}): Promise<AuditRecord[]> {
    const rows = (filter.target
      ? this.st("SELECT * FROM audit WHERE target = ? ORDER BY id DESC LIMIT ?").all(filter.target, filter.limit ?? 100)
      : this.st("SELECT * FROM audit ORDER BY id DESC LIMIT ?").all(filter.limit ?? 100)) as { id: number; at: string; who: string; action: string; target: string; before: string | null; after: string | null }[];
    return rows.map((r) => ({ ...r, before: r.before === null ? null : JSON.parse(r.before), after: r.after === null ? null : JSON.parse(r.after) }));
  }

  async addWatchlist(w: { name: string; kind: WatchKind; pattern: string; webhook_url: string | null; secret: string | null }, actor: Actor): Promise<Watchlist> {
    return this.db.transaction(() => {
      const r = this.st("INSERT INTO watchlists (name, kind, pattern, webhook_url, secret, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(w.name, w.kind, w.pattern, w.webhook_url, w.secret, actor.who, new Date().toISOString());
      const created = this.watchlist(Number(r.lastInsertRowid))!;
      this.auditNow(actor.who, "watchlist.add", `watchlist:${created.id}`, null, created);
      return created;
    }).immediate();
  }

  private watchlist(id: number): Watchlist | undefined {
    return this.st("SELECT id, name, kind, pattern, webhook_url, created_by, created_at FROM watchlists WHERE id = ? AND removed_at IS NULL").get(id) as Watchlist | undefined;
  }

  async listWatchlists(): Promise<Watchlist[]> {
    return this.st("SELECT id, name, kind, pattern, webhook_url, created_by, created_at FROM watchlists WHERE removed_at IS NULL ORDER BY id").all() as Watchlist[];
  }

  async removeWatchlist(id: number, actor: Actor): Promise<void> {
    this.db.transaction(() => {
      const w = this.watchlist(id);
      if (!w) throw new NotFoundError(`no watchlist ${id}`);
      this.st("UPDATE watchlists SET removed_at = ? WHERE id = ?").run(new Date().toISOString(), id);
      this.auditNow(actor.who, "watchlist.remove", `watchlist:${id}`, w, null);
    }).immediate();
  }

  async watchlistSecret(id: number): Promise<string | null> {
    return (this.st("SELECT secret FROM watchlists WHERE id = ?").get(id) as { secret: string | null } | undefined)?.secret ?? null;
  }

  async matchWatchlists(incidentIds: string[]): Promise<WatchHit[]> {
    const lists = await this.listWatchlists();
    if (lists.length === 0 || incidentIds.length === 0) return [];
    return this.db.transaction((): WatchHit[] => {
      const now = new Date().toISOString();
      const incidents = incidentIds.flatMap((id) => {
        const row = this.st("SELECT title, fields FROM incidents WHERE id = ?").get(id) as { title: string; fields: string } | undefined;
        return row ? [{ id, title: row.title, fields: row.fields === "{}" ? null : (JSON.parse(row.fields) as IncidentFields) }] : [];
      });
      const fields = new Map(incidents.map((i) => [i.id, i.fields!]));
      return planWatchHits(lists, incidents).flatMap((m) => {
        const r = this.st(`INSERT OR IGNORE INTO watch_hits (watchlist_id, incident_id, fingerprint, at, reason, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)`)
          .run(m.watchlist, m.incident, fingerprint(fields.get(m.incident)!), now, m.reason, m.notify ? now : null);
        return r.changes ? [this.st("SELECT id, watchlist_id, incident_id, at, reason, delivered_at, attempts, next_attempt_at, last_error FROM watch_hits WHERE id = ?").get(r.lastInsertRowid) as WatchHit] : [];
      });
    }).immediate();
  }

  async hits(watchlistId: number, filter: { limit?: number } = {}): Promise<WatchHit[]> {
    if (!this.watchlist(watchlistId)) throw new NotFoundError(`no watchlist ${watchlistId}`);
    return this.st("SELECT id, watchlist_id, incident_id, at, reason, delivered_at, attempts, next_attempt_at, last_error FROM watch_hits WHERE watchlist_id = ? ORDER BY id DESC LIMIT ?")
      .all(watchlistId, filter.limit ?? 100) as WatchHit[];
  }

  async dueDeliveries(now: string, limit = 20): Promise<(WatchHit & { webhook_url: string })[]> {
    return this.st(
      `SELECT h.id, h.watchlist_id, h.incident_id, h.at, h.reason, h.delivered_at, h.attempts, h.next_attempt_at, h.last_error, w.webhook_url
       FROM watch_hits h JOIN watchlists w ON w.id = h.watchlist_id
       WHERE h.delivered_at IS NULL AND h.next_attempt_at IS NOT NULL AND h.next_attempt_at <= ? AND w.webhook_url IS NOT NULL AND w.removed_at IS NULL
       ORDER BY h.next_attempt_at, h.id LIMIT ?`,
    ).all(now, limit) as (WatchHit & { webhook_url: string })[];
  }

  async pendingDelivery(hitId: number): Promise<(WatchHit & { webhook_url: string }) | null> {
    const r = this.st(
      `SELECT h.id, h.watchlist_id, h.incident_id, h.at, h.reason, h.delivered_at, h.attempts, h.next_attempt_at, h.last_error, w.webhook_url
       FROM watch_hits h JOIN watchlists w ON w.id = h.watchlist_id
       WHERE h.id = ? AND h.delivered_at IS NULL AND h.next_attempt_at IS NOT NULL AND w.webhook_url IS NOT NULL AND w.removed_at IS NULL`,
    ).get(hitId) as (WatchHit & { webhook_url: string }) | undefined;
    return r ?? null;
  }

  async recordDelivery(hitId: number, ok: boolean, error: string | null, nextAttemptAt: string | null): Promise<void> {
    const now = new Date().toISOString();
    this.st(
      `UPDATE watch_hits SET attempts = attempts + 1, delivered_at = ?, last_error = ?, next_attempt_at = ? WHERE id = ?`,
    ).run(ok ? now : null, ok ? null : error, ok ? null : nextAttemptAt, hitId);
  }

  private feed(id: number): FeedSource | undefined {
    const r = this.st("SELECT * FROM feeds WHERE id = ? AND removed_at IS NULL").get(id) as (Omit<FeedSource, "allow_private"> & { allow_private: number; removed_at: string | null }) | undefined;
    if (!r) return undefined;
    const { removed_at: _, ...rest } = r;
    return { ...rest, allow_private: r.allow_private === 1 };
  }

  async addFeed(url: string, everySeconds: number, allowPrivate: boolean, actor: Actor): Promise<FeedSource> {
    return this.db.transaction(() => {
      const now = new Date().toISOString();
      const existing = this.st("SELECT id FROM feeds WHERE url = ?").get(url) as { id: number } | undefined;
      if (existing) {
        this.st("UPDATE feeds SET every_seconds = ?, allow_private = ?, removed_at = NULL, next_fetch_at = ? WHERE id = ?").run(everySeconds, allowPrivate ? 1 : 0, now, existing.id);
      } else {
        this.st("INSERT INTO feeds (url, every_seconds, allow_private, next_fetch_at, created_by) VALUES (?, ?, ?, ?, ?)").run(url, everySeconds, allowPrivate ? 1 : 0, now, actor.who);
      }
      const id = (this.st("SELECT id FROM feeds WHERE url = ?").get(url) as { id: number }).id;
      const created = this.feed(id)!;
      this.auditNow(actor.who, "source.add", `source:${id}`, null, created);
      return created;
    }).immediate();
  }

  async listFeeds(): Promise<FeedSource[]> {
    return (this.st("SELECT id FROM feeds WHERE removed_at IS NULL ORDER BY id").all() as { id: number }[]).map((r) => this.feed(r.id)!);
  }

  async removeFeed(id: number, actor: Actor): Promise<void> {
    this.db.transaction(() => {
      const f = this.feed(id);
      if (!f) throw new NotFoundError(`no source ${id}`);
      this.st("UPDATE feeds SET removed_at = ? WHERE id = ?").run(new Date().toISOString(), id);
      this.auditNow(actor.who, "source.remove", `source:${id}`, f, null);
    }).immediate();
  }

  async dueFeeds(now: string): Promise<FeedSource[]> {
    return (this.st("SELECT id FROM feeds WHERE removed_at IS NULL AND next_fetch_at <= ? ORDER BY next_fetch_at, id").all(now) as { id: number }[]).map((r) => this.feed(r.id)!);
  }

  async recordPoll(id: number, result: { status: string; etag: string | null; last_modified: string | null; next_fetch_at: string }): Promise<void> {
    this.st("UPDATE feeds SET last_status = ?, etag = coalesce(?, etag), last_modified = coalesce(?, last_modified), last_fetched_at = ?, next_fetch_at = ? WHERE id = ?")
      .run(result.status, result.etag, result.last_modified, new Date().toISOString(), result.next_fetch_at, id);
  }

  async addTaxiiObjects(objects: (Omit<TaxiiObject, "version" | "date_added"> & { version: string | null })[]): Promise<string> {
    return this.db.transaction(() => {
      const at = nextDateAdded((this.st("SELECT max(date_added) AS at FROM taxii_objects").get() as { at: string | null }).at);
      const insert = this.st("INSERT OR IGNORE INTO taxii_objects (id, version, type, spec_version, tlp, date_added, object) VALUES (?, ?, ?, ?, ?, ?, ?)");
      for (const o of objects) insert.run(o.id, o.version ?? at, o.type, o.spec_version, o.tlp, at, JSON.stringify(o.object));
      return at;
    }).immediate();
  }

  async taxiiObjects(filter: { tlp: string[]; ids?: string[] }): Promise<TaxiiObject[]> {
    const rows = this.st(
      `SELECT id, version, type, spec_version, tlp, date_added, object FROM taxii_objects
       WHERE tlp IN (SELECT value FROM json_each(?)) AND (? IS NULL OR id IN (SELECT value FROM json_each(?)))
       ORDER BY date_added, id, version`,
    ).all(JSON.stringify(filter.tlp), filter.ids ? 1 : null, JSON.stringify(filter.ids ?? [])) as (Omit<TaxiiObject, "object"> & { object: string })[];
    return rows.map((r) => ({ ...r, object: JSON.parse(r.object) as Record<string, unknown> }));
  }

  async removeTaxiiObjects(id: string, versions: string[], actor: Actor): Promise<number> {
    return this.db.transaction(() => {
      const del = this.st("DELETE FROM taxii_objects WHERE id = ? AND version = ?");
      const removed = versions.reduce((n, v) => n + del.run(id, v).changes, 0);
      if (removed) this.auditNow(actor.who, "taxii.delete", `stix:${id}`, { versions }, null);
      return removed;
    }).immediate();
  }

  async saveTaxiiStatus(record: TaxiiStatusRecord): Promise<void> {
    this.st("INSERT OR REPLACE INTO taxii_status (id, who, status, markings) VALUES (?, ?, ?, ?)").run(record.id, record.who, JSON.stringify(record.status), JSON.stringify(record.markings));
  }

  async taxiiStatus(id: string): Promise<TaxiiStatusRecord | null> {
    const r = this.st("SELECT id, who, status, markings FROM taxii_status WHERE id = ?").get(id) as { id: string; who: string; status: string; markings: string } | undefined;
    return r ? { id: r.id, who: r.who, status: JSON.parse(r.status) as Record<string, unknown>, markings: JSON.parse(r.markings) as Record<string, string> } : null;
  }

  async incidentMarkings(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = this.st(
      `SELECT r.value AS ref, i.tlp FROM json_each(?) r JOIN incidents i ON i.id = r.value
       UNION ALL
       SELECT r.value, i.tlp FROM json_each(?) r JOIN incident_aliases a ON a.alias = r.value JOIN incidents i ON i.id = a.incident_id
       WHERE NOT EXISTS (SELECT 1 FROM incidents x WHERE x.id = r.value)`,
    ).all(JSON.stringify(ids), JSON.stringify(ids)) as { ref: string; tlp: string }[];
    return new Map(rows.map((r) => [r.ref, r.tlp]));
  }

  async documentMarkings(sha256: string): Promise<string[]> {
    return this.markingsOf(sha256);
  }

  /** The markings of the incidents that draw on a document or on any document carved out of it. */
  private markingsOf(sha256: string): string[] {
    const rows = this.st(
      `WITH RECURSIVE tree(sha) AS (SELECT ? UNION SELECT d.sha256 FROM documents d JOIN tree t ON d.parent = t.sha)
       SELECT DISTINCT i.tlp FROM tree CROSS JOIN notices n ON n.document = tree.sha CROSS JOIN incidents i ON i.id = n.incident_id`,
    ).all(sha256) as { tlp: string }[];
    return rows.map((r) => r.tlp);
  }

  async countIncidents(): Promise<number> {
    return (this.st("SELECT count(*) AS n FROM incidents").get() as { n: number }).n;
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
