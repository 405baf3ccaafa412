import postgres from "postgres";
import type { Casefile, Finding, IncidentFields, Message, Notice, NoticeKind, Reanalysis, Sector, Tag } from "../../core/types.js";
import { orgKey } from "../../intel/correlate.js";
import { keyOfValue } from "../../intel/indicators/index.js";
import type { StatInput } from "../../intel/stats.js";
import { analysisDigest } from "../../core/digest.js";
import { checkMarking, checkTokenFor, grantedClearance, levelsUpTo, maySee, writable, type Writer } from "../../casebook/authorize.js";
import type { Tlp } from "../../intel/taxonomies/tlp.js";
import { bestMatch, planNotice, touch, type Correlated, type Placement } from "../../casebook/correlate.js";
import { planEdit, planRevert, type Located } from "../../casebook/edit.js";
import { checkNoticeMarkings } from "../../casebook/marking.js";
import { ownIncident, planMerge, planUnmerge, type SplitSource } from "../../casebook/merge.js";
import { planRefresh } from "../../casebook/refresh.js";
import { planWatchHits } from "../../casebook/watch.js";
import type { SourceDraft } from "../../casebook/sources.js";
import type { Cause, Keep, Write } from "../../casebook/trail.js";
import { indicatorRecords, relatedOf, SYSTEM, SYSTEM_WRITER, type IndicatorRow, incidentDate, indicatorKind, noticeRows, partiesOf, searchText } from "../records.js";
import type {
  Actor, AnalysedCasefile, EventRecord, FieldChange, IncidentDetail, IncidentFilter, IncidentLink, IncidentSummary, IndicatorRecord, LinkRecord, NoticeRecord,
  AuditRecord, Facets, FeedSource, OverrideRecord, RelatedIncident, Role, SaveResult, SearchQuery, Store, StoredDocument, User, WatchHit,
  TaxiiObject, TaxiiStatusRecord, WatchKind, Watchlist,
} from "../types.js";
import { fingerprint, hashToken, newTokenString, nextDateAdded } from "../service.js";
import { ConflictError, NotFoundError } from "../types.js";
import { POSTGRES_MIGRATIONS } from "./migrations.js";
import { FacetCache } from "../facet-cache.js";
import { PostgresSearch, summary, type IncidentRow } from "./search.js";

/** bigint columns (counts, ids, insertion order) are read as numbers: they stay far below 2^53. */
const TYPES = { int8: { to: 20, from: [20], serialize: (x: number) => String(x), parse: (x: string) => Number(x) } };
type Types = { int8: number };
/** A connection pool, or one transaction of it. */
type Db = postgres.ISql<Types>;
type Query = postgres.PendingQuery<postgres.Row[]>;

/** One write transaction: where it runs and the incidents whose fields it changed. */
interface Tx {
  sql: Db;
  changed: Set<string>;
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
  messages: Message[];
  analysis: string | null;
}

/** Advisory lock held by every write transaction: writers take turns, as SQLite's do. */
export const WRITE_LOCK = 0x6a6b6200;
/** Advisory lock held while the schema is brought up to date. */
const MIGRATE_LOCK = 0x6a6b6201;

function now(): string {
  return new Date().toISOString();
}

/** A value as JSON text, bound as `${json(v)}::text::jsonb` so that JSON null stays a value. */
function json(v: unknown): string {
  return JSON.stringify(v);
}

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

/** The shared casebook: PostgreSQL, with a pg_trgm index for Japanese search; behaves as the SQLite store. */

export class PostgresStore implements Store {
  /** Listing, full-text search and facets. */
  private readonly search: PostgresSearch;
  /** Facet counts of recent queries, valid until any process writes (the casebook_version row moves). */
  private readonly facetCache = new FacetCache();

  private constructor(private readonly sql: postgres.Sql<Types>, readonly location: string) {
    this.search = new PostgresSearch(sql);
  }

  /** Open a pool of connections to the database a postgres:// URL names (the schema is not touched). */
  static async connect(url: string): Promise<PostgresStore> {
    const sql = postgres(url, { max: 10, prepare: true, onnotice: () => {}, types: TYPES, connection: { application_name: "jikenbo" } });
    const location = redact(url);
    try {
      await sql`SELECT 1`;
    } catch (e) {
      await sql.end({ timeout: 0 });
      throw new Error(`cannot reach the PostgreSQL casebook ${location}: ${e instanceof Error ? e.message : String(e)}`);
    }
    return new PostgresStore(sql, location);
  }

  /** Run a write in one transaction, after every other writer's. */
  private async write<T>(body: (w: Tx) => Promise<T>): Promise<T> {
    return (await this.sql.begin(async (tx) => {
      // Writers take turns (the lock), so bumping the one version row costs no extra waiting.
      await Promise.all([tx`SELECT pg_advisory_xact_lock(${WRITE_LOCK})`, tx`UPDATE casebook_version SET n = n + 1`]);
      return body({ sql: tx, changed: new Set() });
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
        await tx`INSERT INTO schema_migrations (version, applied_at) VALUES (${v + 1}, ${now()})`;
        return false;
      });
      if (done) return;
    }
  }

  async hasDocument(sha256: string): Promise<boolean> {
    return (await this.sql`SELECT 1 FROM documents WHERE sha256 = ${sha256}`).length > 0;
  }

  async addSource(sha256: string, source: string, fetchedAt: string, writer: Writer): Promise<void> {
    await this.write((w) => this.sourceAs(w, sha256, source, fetchedAt, writer.clearance));
  }

  /** One more place archived bytes were read from, unless they belong to an incident above `clearance`. */
  private async sourceAs(w: Tx, sha256: string, source: string, fetchedAt: string, clearance: Tlp): Promise<void> {
    if (!(await this.markingsOf(w.sql, sha256)).every((m) => maySee(clearance, m))) return;
    await w.sql`INSERT INTO sources (sha256, source, fetched_at) VALUES (${sha256}, ${source}, ${fetchedAt}) ON CONFLICT DO NOTHING`;
  }

  private async insertDocument(w: Tx, cf: Pick<Casefile, "doc" | "messages"> & { charset?: string | null; text?: string | null; analysis?: string }): Promise<void> {
    const d = cf.doc;
    await Promise.all([
      w.sql`
        INSERT INTO documents (sha256, media_type, charset, size, bytes, text, title, published, parent, messages, analysis, first_seen)
        VALUES (${d.sha256}, ${d.mediaType}, ${cf.charset ?? null}, ${d.bytes.length}, ${d.bytes}, ${cf.text ?? null}, ${d.title ?? null},
          ${d.published ?? null}, ${d.parent ?? null}, ${json(cf.messages)}::text::jsonb, ${cf.analysis ?? null}, ${d.fetchedAt})
        ON CONFLICT DO NOTHING`,
      w.sql`INSERT INTO sources (sha256, source, fetched_at) VALUES (${d.sha256}, ${d.source}, ${d.fetchedAt}) ON CONFLICT DO NOTHING`,
    ]);
  }

  async saveContainer(cf: Pick<Casefile, "doc" | "messages">): Promise<void> {
    await this.write((w) => this.insertDocument(w, cf));
  }

  /** Carry out a plan's writes in order: the statements between refreshes go out together, pipelined in one round trip. */
  private async apply(w: Tx, writes: Write[]): Promise<void> {
    let batch: Query[] = [];
    for (const x of writes) {
      if (x.op !== "refresh") { batch.push(...this.statements(w, x)); continue; }
      await Promise.all(batch);
      batch = [];
      await this.refresh(w, x.incident, x.who, x.cause, x.keep);
    }
    await Promise.all(batch);
  }

  /** The statements of one write (queries run when awaited, in the order they are awaited). */
  private statements(w: Tx, x: Exclude<Write, { op: "refresh" }>): Query[] {
    const at = now();
    switch (x.op) {
      case "open":
        return [
          w.sql`INSERT INTO incidents (id, title, fields, created_at, updated_at) VALUES (${x.incident}, ${x.title}, '{}'::jsonb, ${at}, ${at}) ON CONFLICT DO NOTHING`,
          w.sql`DELETE FROM incident_aliases WHERE alias = ${x.incident}`,
        ];
      case "place":
        return [w.sql`UPDATE notices SET incident_id = ${x.incident} WHERE id = ${x.notice}`];
      case "link":
        return [w.sql`
          INSERT INTO links (notice_id, incident_id, method, score, reason, "by", at) VALUES (${x.notice}, ${x.incident}, ${x.method}, ${x.score}, ${x.reason}, ${x.by}, ${at})
          ON CONFLICT (notice_id) DO UPDATE SET incident_id = excluded.incident_id, method = excluded.method, score = excluded.score,
            reason = excluded.reason, "by" = excluded."by", at = excluded.at`];
      case "unlink":
        return [w.sql`DELETE FROM links WHERE notice_id = ${x.notice}`];
      case "block":
        return [w.sql`INSERT INTO merge_blocks (notice_id, incident_id, "by", at) VALUES (${x.notice}, ${x.incident}, ${x.by}, ${at}) ON CONFLICT DO NOTHING`];
      case "unblock":
        return [w.sql`DELETE FROM merge_blocks WHERE notice_id = ${x.notice} AND incident_id = ${x.incident}`];
      case "alias":
        return [
          w.sql`UPDATE incident_aliases SET incident_id = ${x.into} WHERE incident_id = ${x.from}`,
          w.sql`INSERT INTO incident_aliases (alias, incident_id) VALUES (${x.from}, ${x.into}) ON CONFLICT (alias) DO UPDATE SET incident_id = excluded.incident_id`,
        ];
      case "carry":
        return [w.sql`
          UPDATE overrides SET incident_id = ${x.into} WHERE incident_id = ${x.from} AND active
            AND field NOT IN (SELECT field FROM overrides WHERE incident_id = ${x.into} AND active)`];
      case "correct":
        return [
          w.sql`UPDATE overrides SET active = false WHERE incident_id = ${x.incident} AND field = ${x.field} AND active`,
          w.sql`INSERT INTO overrides (incident_id, field, value, who, at, why) VALUES (${x.incident}, ${x.field}, ${json(x.value)}::text::jsonb, ${x.who}, ${at}, ${x.why})`,
        ];
      case "withdraw":
        return [w.sql`UPDATE overrides SET active = false WHERE incident_id = ${x.incident} AND field = ${x.field} AND active`];
      case "event":
        return [w.sql`INSERT INTO events (incident_id, at, who, action, detail) VALUES (${x.incident}, ${at}, ${x.who}, ${x.action}, ${json(x.detail)}::text::jsonb)`];
      case "audit":
        return [this.auditNow(w.sql, x.who, x.action, x.target, x.before, x.after)];
    }
  }

  /** The existing incident a new incident notice reports, if the evidence is strong enough, among those the writer may touch. */
  private async correlate(w: Tx, noticeId: string, notice: Notice, clearance: Tlp): Promise<Correlated | null> {
    const f = notice.incident!.fields;
    // Candidates in SQLite's order: same casebook number first, then same organisation, each oldest first.
    const candidates = await w.sql<{ id: string; title: string; fields: IncidentFields; tlp: string }[]>`
      SELECT id, title, fields, tlp FROM incidents
      WHERE fields <> '{}'::jsonb AND ((casebook_id IS NOT NULL AND casebook_id = ${f.casebook_id ?? null}) OR (org_key <> '' AND org_key = ${orgKey(f.organization)}))
        AND id NOT IN (SELECT incident_id FROM merge_blocks WHERE notice_id = ${noticeId}) AND tlp = ANY(${levelsUpTo(clearance)}::text[])
      ORDER BY (casebook_id = ${f.casebook_id ?? null}) IS TRUE DESC, seq LIMIT 200`;
    return bestMatch({ title: notice.title, fields: f }, [...candidates]);
  }

  /**
   * Write a casefile's notices and findings, and place each (planNotice): a new incident notice goes
   * where `placement` says, else joins the incident it correlates with among those the writer may
   * touch, else opens its own. Returns each touched incident and whether it is new.
   */
  private async writeNotices(w: Tx, cf: Casefile, writer: Writer, placement?: Placement): Promise<Map<string, boolean>> {
    const touched = new Map<string, boolean>();
    const join = placement && "join" in placement ? writable(writer, placement.join, await this.locate(w.sql, placement.join)) : null;
    for (const row of noticeRows(cf)) {
      const n = row.notice;
      const findings = n.incident?.findings ?? [];
      // Pipelined: the statements run in this order, in one round trip. The upsert keeps incident_id.
      const [[found]] = await Promise.all([
        w.sql<{ incident_id: string | null }[]>`SELECT incident_id FROM notices WHERE id = ${row.id}`,
        w.sql`
          INSERT INTO notices (id, document, idx, title, span_start, span_end, kind, is_incident, reason, listing_date, category, fields, confidence, tags, incident_id)
          VALUES (${row.id}, ${cf.doc.sha256}, ${n.index}, ${n.title}, ${n.span[0]}, ${n.span[1]}, ${n.kind}, ${n.isIncident}, ${n.reason},
            ${n.listingDate ?? null}, ${n.category ?? null}, ${n.incident ? json(n.incident.fields) : null}::text::jsonb,
            ${n.incident ? json(n.incident.confidence) : null}::text::jsonb, ${n.incident ? json(n.incident.tags) : null}::text::jsonb, NULL)
          ON CONFLICT (id) DO UPDATE SET idx = excluded.idx, title = excluded.title, span_start = excluded.span_start, span_end = excluded.span_end,
            kind = excluded.kind, is_incident = excluded.is_incident, reason = excluded.reason, listing_date = excluded.listing_date,
            category = excluded.category, fields = excluded.fields, confidence = excluded.confidence, tags = excluded.tags`,
        findings.length
          ? w.sql`
            INSERT INTO findings (notice_id, field, value, span_start, span_end, text, confidence, rule)
            SELECT ${row.id}, u.field, u.value::jsonb, u.s, u.e, u.text, u.c, u.rule
            FROM unnest(${findings.map((f) => f.field)}::text[], ${findings.map((f) => json(f.value))}::text[], ${findings.map((f) => f.span[0])}::int[],
              ${findings.map((f) => f.span[1])}::int[], ${findings.map((f) => f.text)}::text[], ${findings.map((f) => f.confidence)}::float8[],
              ${findings.map((f) => f.rule)}::text[]) WITH ORDINALITY AS u(field, value, s, e, text, c, rule, ord)
            ORDER BY u.ord`
          : null,
      ]);
      const before = found?.incident_id ?? null;
      const correlated = before === null && n.isIncident && n.incident && !placement ? await this.correlate(w, row.id, n, writer.clearance) : null;
      const into = join ? { join } : placement && "open" in placement ? { open: placement.open } : correlated ? { correlated } : null;
      const plan = planNotice({ row, source: cf.doc.source, before, into, system: SYSTEM, writer });
      await this.apply(w, plan.writes);
      touch(touched, plan.touched);
    }
    return touched;
  }

  /**
   * Recompute an incident from its sources and its analysts' corrections (planRefresh), recording what
   * changed. Returns whether its row changed, or "deleted" when no source is left.
   */
  private async refresh(w: Tx, id: string, who: string, cause: Cause, keep?: Keep): Promise<boolean | "deleted"> {
    const [notices, overrides, [stored]] = await Promise.all([
      w.sql<{ title: string; fields: IncidentFields; confidence: SourceDraft["confidence"] | null; tags: Tag[] | null; span_start: number; span_end: number; text: string | null }[]>`
        SELECT n.title, n.fields, n.confidence, n.tags, n.span_start, n.span_end, d.text FROM notices n JOIN documents d ON d.sha256 = n.document
        WHERE n.incident_id = ${id} AND n.fields IS NOT NULL AND n.is_incident
        ORDER BY coalesce(n.fields->>'disclosed_on', n.listing_date, substr(d.first_seen, 1, 10)) COLLATE "C", d.first_seen, n.document, n.idx`,
      this.activeOverrides(w.sql, id),
      w.sql<{ title: string; fields: IncidentFields; tlp: string; tags: Tag[] }[]>`SELECT title, fields, tlp, tags FROM incidents WHERE id = ${id}`,
    ]);
    const plan = planRefresh({
      id, who, cause, keep, overrides,
      sources: notices.map((n) => ({ title: n.title, fields: n.fields, confidence: n.confidence ?? {}, tags: n.tags ?? [] })),
      stored: { ...stored!, fields: Object.keys(stored!.fields).length ? stored!.fields : null },
    });
    if (plan.kind === "delete") {
      await w.sql`DELETE FROM incidents WHERE id = ${id}`;
      return "deleted";
    }
    await this.apply(w, plan.writes);
    if (plan.kind === "same") return false;
    w.changed.add(id);
    const { title, fields, tlp, tags } = plan.row;
    const body = searchText(title, fields, notices.map((n) => (n.text ?? "").slice(n.span_start, n.span_end)));
    const parties = partiesOf(fields).map((p): [string, string, string] => [p.key, p.name, p.role]);
    await Promise.all([
      w.sql`
        UPDATE incidents SET title = ${title}, organization = ${fields.organization ?? null}, sector = ${fields.sector ?? null},
          disclosed_on = ${fields.disclosed_on ?? null}, discovered_on = ${fields.discovered_on ?? null},
          event_date = coalesce(${incidentDate(fields)}::text, substr(created_at, 1, 10)), affected_count = ${fields.affected_count ?? null},
          fields = ${json(fields)}::text::jsonb, tlp = ${tlp}, tags = ${json(tags)}::text::jsonb, casebook_id = ${fields.casebook_id ?? null},
          org_key = ${orgKey(fields.organization)}, updated_at = ${now()}, body = ${body}
        WHERE id = ${id}`,
      w.sql`DELETE FROM incident_types WHERE incident_id = ${id}`,
      w.sql`
        INSERT INTO incident_types (incident_id, type) SELECT ${id}, u.t FROM unnest(${fields.incident_types}::text[]) WITH ORDINALITY AS u(t, ord)
        ORDER BY u.ord ON CONFLICT DO NOTHING`,
      w.sql`DELETE FROM incident_indicators WHERE incident_id = ${id}`,
      w.sql`
        INSERT INTO incident_indicators (incident_id, value, kind, key)
        SELECT ${id}, u.v, u.k, u.key
        FROM unnest(${fields.indicators}::text[], ${fields.indicators.map(indicatorKind)}::text[], ${fields.indicators.map(keyOfValue)}::text[])
          WITH ORDINALITY AS u(v, k, key, ord)
        ORDER BY u.ord ON CONFLICT DO NOTHING`,
      w.sql`DELETE FROM incident_parties WHERE incident_id = ${id}`,
      w.sql`
        INSERT INTO incident_parties (incident_id, key, name, role)
        SELECT ${id}, u.k, u.n, u.r FROM unnest(${parties.map((p) => p[0])}::text[], ${parties.map((p) => p[1])}::text[], ${parties.map((p) => p[2])}::text[])
          WITH ORDINALITY AS u(k, n, r, ord)
        ORDER BY u.ord ON CONFLICT DO NOTHING`,
    ]);
    return true;
  }

  /** An incident's active corrections, oldest first. */
  private async activeOverrides(db: Db, id: string): Promise<{ field: string; value: unknown }[]> {
    return [...(await db<{ field: string; value: unknown }[]>`SELECT field, value FROM overrides WHERE incident_id = ${id} AND active ORDER BY id`)];
  }

  /** Count what a save did: incidents opened, and existing ones changed or not by it. */
  private async tally(w: Tx, touched: Map<string, boolean>, notices: number, who: string, cause: "reextracted" | "source_added"): Promise<SaveResult> {
    const r: SaveResult = { stored: true, notices, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: [] };
    for (const [id, created] of touched) {
      if (created) { r.incidentsNew++; r.incidentIds.push(id); continue; }
      if (await this.refresh(w, id, who, cause) === "deleted") continue;
      r.incidentIds.push(id);
      if (w.changed.has(id)) r.incidentsUpdated++;
      else r.incidentsUnchanged++;
    }
    return r;
  }

  async saveCasefile(cf: Casefile, writer: Writer, opts: { placement?: Placement } = {}): Promise<SaveResult> {
    return this.write((w) => this.saveOne(w, cf, writer, opts.placement));
  }

  async saveCasefiles(batch: AnalysedCasefile[], writer: Writer): Promise<(SaveResult | Error)[]> {
    const save = (w: Tx, item: AnalysedCasefile) => this.saveOne({ sql: w.sql, changed: new Set() }, item.casefile, writer, undefined, item.digest);
    try {
      // First all at once: a savepoint costs two more round trips per casefile.
      return await this.write(async (w) => {
        const out: SaveResult[] = [];
        for (const item of batch) out.push(await save(w, item));
        return out;
      });
    } catch {
      // One failed and the batch was rolled back: again, each casefile in a savepoint, so that the failing one is rolled back alone.
      return this.write(async (w) => {
        const out: (SaveResult | Error)[] = [];
        for (const item of batch) {
          try {
            out.push(await (w.sql as postgres.TransactionSql<Types>).savepoint((sp) => save({ sql: sp, changed: w.changed }, item)));
          } catch (e) {
            out.push(e instanceof Error ? e : new Error(String(e)));
          }
        }
        return out;
      });
    }
  }

  /** saveCasefile's writes, inside the caller's transaction. */
  private async saveOne(w: Tx, cf: Casefile, writer: Writer, placement?: Placement, digest?: string): Promise<SaveResult> {
    if ((await w.sql`SELECT 1 FROM documents WHERE sha256 = ${cf.doc.sha256}`).length) {
      await this.sourceAs(w, cf.doc.sha256, cf.doc.source, cf.doc.fetchedAt, writer.clearance);
      return { stored: false, notices: 0, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: [] };
    }
    checkNoticeMarkings(cf, writer);
    await this.insertDocument(w, { ...cf, analysis: digest ?? analysisDigest(cf) });
    return this.tally(w, await this.writeNotices(w, cf, writer, placement), cf.notices.length, SYSTEM, "source_added");
  }

  async replaceAnalysis(items: Reanalysis[]): Promise<SaveResult> {
    return this.write(async (w): Promise<SaveResult> => {
      const touched = new Map<string, boolean>();
      const same = new Set<string>();
      let notices = 0;
      for (const item of items) {
        const sha = item.kind === "same" ? item.sha256 : item.casefile.doc.sha256;
        const [stored] = await w.sql<{ analysis: string | null }[]>`SELECT analysis FROM documents WHERE sha256 = ${sha}`;
        if (!stored) continue;
        notices += item.kind === "same" ? item.notices : item.casefile.notices.length;
        const ids = await w.sql<{ incident_id: string }[]>`
          SELECT incident_id FROM notices WHERE document = ${sha} AND incident_id IS NOT NULL GROUP BY incident_id ORDER BY min(seq)`;
        if (item.kind === "same" || stored.analysis === item.digest) {
          for (const r of ids) same.add(r.incident_id);
          continue;
        }
        const { casefile: cf, digest } = item;
        for (const r of ids) if (!touched.has(r.incident_id)) touched.set(r.incident_id, false);
        await w.sql`UPDATE documents SET text = ${cf.text}, charset = ${cf.charset}, messages = ${json(cf.messages)}::text::jsonb, analysis = ${digest} WHERE sha256 = ${sha}`;
        await w.sql`DELETE FROM findings WHERE notice_id IN (SELECT id FROM notices WHERE document = ${sha})`;
        const keep = new Set(noticeRows(cf).map((r) => r.id));
        for (const o of await w.sql<{ id: string; incident_id: string | null }[]>`SELECT id, incident_id FROM notices WHERE document = ${sha} ORDER BY seq`) {
          if (keep.has(o.id)) continue;
          await w.sql`DELETE FROM notices WHERE id = ${o.id}`;
          if (o.incident_id) await this.apply(w, [{ op: "event", incident: o.incident_id, who: SYSTEM, action: "reextracted", detail: { source_removed: o.id } }]);
        }
        for (const [id, created] of await this.writeNotices(w, cf, SYSTEM_WRITER)) touched.set(id, created || (touched.get(id) ?? false));
      }
      const r = await this.tally(w, touched, notices, SYSTEM, "reextracted");
      for (const id of same) if (!touched.has(id)) r.incidentsUnchanged++;
      return r;
    });
  }

  private async docOf(r: DocumentRow): Promise<StoredDocument & { bytes: Uint8Array }> {
    const sources = [...await this.sql<{ source: string; fetched_at: string }[]>`SELECT source, fetched_at FROM sources WHERE sha256 = ${r.sha256} ORDER BY fetched_at, source`];
    return {
      sha256: r.sha256, mediaType: r.media_type, charset: r.charset, size: r.size, title: r.title, published: r.published,
      parent: r.parent, sources, messages: r.messages, text: r.text, bytes: new Uint8Array(r.bytes),
    };
  }

  /** One archived document's row. */
  private async documentRow(sha256: string): Promise<DocumentRow | undefined> {
    const [r] = await this.sql<DocumentRow[]>`
      SELECT sha256, media_type, charset, size, bytes, text, title, published, parent, messages, analysis FROM documents WHERE sha256 = ${sha256}`;
    return r;
  }

  async documentHashes(): Promise<string[]> {
    return (await this.sql<{ sha256: string }[]>`SELECT sha256 FROM documents ORDER BY first_seen, sha256`).map((r) => r.sha256);
  }

  async *documents(only?: string[]): AsyncIterable<StoredDocument & { bytes: Uint8Array; analysis: string | null }> {
    for (const sha of only ?? await this.documentHashes()) {
      const r = await this.documentRow(sha);
      if (r) yield { ...await this.docOf(r), analysis: r.analysis };
    }
  }

  async getDocument(sha256: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null> {
    const r = await this.documentRow(sha256);
    return r ? this.docOf(r) : null;
  }

  /** Conditions on incident `i` for the type, sector, cause, basics, TLP and date filters. */
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


  /**
   * The incident an id names (itself, or the incident it was merged into) with its marking, in one
   * query whatever the answer, so that callers decide only after the lookup.
   */
  private async locate(db: Db, id: string): Promise<{ id: string; tlp: string } | null> {
    const [found] = await db<{ id: string; tlp: string }[]>`
      SELECT i.id, i.tlp FROM incidents i WHERE i.id = ${id}
      UNION ALL
      SELECT i.id, i.tlp FROM incident_aliases a JOIN incidents i ON i.id = a.incident_id
      WHERE a.alias = ${id} AND NOT EXISTS (SELECT 1 FROM incidents x WHERE x.id = ${id})`;
    return found ? { id: found.id, tlp: found.tlp } : null;
  }

  /** Incidents sharing an indicator, a named party or the organisation with this one (in SQLite's order). */
  private async related(id: string): Promise<RelatedIncident[]> {
    const rows = await this.sql<RelatedIncident[]>`
      SELECT id, title, organization, reason FROM (
        SELECT 1 AS part, a.value AS k1, '' COLLATE "C" AS k2, b.seq, other.id, other.title, other.organization, 'shares indicator ' || a.value AS reason
          FROM incident_indicators a JOIN incident_indicators b ON b.key = a.key AND b.incident_id <> a.incident_id
          JOIN incidents other ON other.id = b.incident_id WHERE a.incident_id = ${id}
        UNION ALL
        SELECT 2, a.key, a.role, b.seq, other.id, other.title, other.organization,
               CASE WHEN a.role = 'organization' AND b.role = 'organization' THEN 'same organisation ' || b.name
                    WHEN a.role = 'organization' THEN 'names this organisation (' || b.name || ') as a party'
                    WHEN b.role = 'organization' THEN 'is ' || b.name || ', a party here'
                    ELSE 'shares party ' || b.name END
          FROM incident_parties a JOIN incident_parties b ON b.key = a.key AND b.incident_id <> a.incident_id
          JOIN incidents other ON other.id = b.incident_id WHERE a.incident_id = ${id}
      ) r ORDER BY part, k1, k2, seq LIMIT 100`;
    return relatedOf(rows);
  }

  async getIncident(requested: string): Promise<IncidentDetail | null> {
    const id = (await this.locate(this.sql, requested))?.id;
    if (!id) return null;
    const [r] = await this.sql<(IncidentRow & { fields: IncidentFields; tlp: string; tags: Tag[] })[]>`
      SELECT i.id, i.title, i.organization, i.sector, i.disclosed_on, i.discovered_on, i.fields->'incident_types' AS incident_types, i.affected_count,
        i.created_at, i.updated_at, (SELECT count(*) FROM notices n WHERE n.incident_id = i.id) AS sources, i.fields, i.tlp, i.tags
      FROM incidents i WHERE i.id = ${id}`;
    if (!r) return null;
    const rows = await this.sql<{ id: string; document: string; title: string; span_start: number; span_end: number; kind: string; is_incident: boolean; reason: string; listing_date: string | null; source: string; fetched_at: string; fields: IncidentFields | null; method: LinkRecord["method"] | null; score: number | null; link_reason: string | null; link_by: string | null; link_at: string | null }[]>`
      SELECT n.id, n.document, n.title, n.span_start, n.span_end, n.kind, n.is_incident, n.reason, n.listing_date, s.source, s.fetched_at, n.fields,
             l.method, l.score, l.reason AS link_reason, l."by" AS link_by, l.at AS link_at
      FROM notices n JOIN documents d ON d.sha256 = n.document
        LEFT JOIN LATERAL (SELECT s.source, s.fetched_at FROM sources s WHERE s.sha256 = n.document ORDER BY s.fetched_at, s.source LIMIT 1) s ON true
        LEFT JOIN links l ON l.notice_id = n.id
      WHERE n.incident_id = ${id} ORDER BY d.first_seen, n.idx, n.seq`;
    const findings = new Map<string, Finding[]>();
    if (rows.length) {
      const all = await this.sql<{ notice_id: string; field: Finding["field"]; value: unknown; span_start: number; span_end: number; text: string; confidence: number; rule: string }[]>`
        SELECT notice_id, field, value, span_start, span_end, text, confidence, rule FROM findings
        WHERE notice_id = ANY(${rows.map((n) => n.id)}::text[]) ORDER BY notice_id, span_start, id`;
      for (const f of all) {
        const list = findings.get(f.notice_id) ?? [];
        list.push({ field: f.field, value: f.value, span: [f.span_start, f.span_end], text: f.text, confidence: f.confidence, rule: f.rule });
        findings.set(f.notice_id, list);
      }
    }
    const notices = rows.map((n): NoticeRecord & { link: LinkRecord | null } => ({
      id: n.id, document: n.document, title: n.title, span: [n.span_start, n.span_end], kind: n.kind as NoticeKind,
      is_incident: n.is_incident, reason: n.reason, listing_date: n.listing_date, source: n.source, fetched_at: n.fetched_at,
      fields: n.fields, findings: findings.get(n.id) ?? [],
      link: n.method ? { method: n.method, score: n.score, reason: n.link_reason!, by: n.link_by!, at: n.link_at! } : null,
    }));
    const overrides = (await this.sql<OverrideRecord[]>`
      SELECT id, field, value, who, at, why FROM overrides WHERE incident_id = ${id} AND active ORDER BY id`)
      .map((o): OverrideRecord => ({ id: o.id, field: o.field, value: o.value, who: o.who, at: o.at, why: o.why }));
    const aliases = (await this.sql<{ alias: string }[]>`SELECT alias FROM incident_aliases WHERE incident_id = ${id} ORDER BY alias`).map((a) => a.alias);
    return {
      ...summary(r), fields: r.fields, tlp: r.tlp, tags: r.tags, notices, overrides,
      related: await this.related(id), aliases, created_at: r.created_at,
    };
  }

  /** The incident an id names, or an error saying there is none. */
  private async mustResolve(db: Db, id: string): Promise<string> {
    const found = await this.locate(db, id);
    if (!found) throw new NotFoundError(`no incident ${id}`);
    return found.id;
  }

  async merge(target: string, others: string[], actor: Writer): Promise<IncidentDetail> {
    const into = await this.write(async (w): Promise<string> => {
      const to = writable(actor, target, await this.locate(w.sql, target));
      const froms: (Located & { notices: string[] })[] = [];
      for (const o of others) {
        const f = writable(actor, o, await this.locate(w.sql, o));
        froms.push({ ...f, notices: (await w.sql<{ id: string }[]>`SELECT id FROM notices WHERE incident_id = ${f.id} ORDER BY seq`).map((n) => n.id) });
      }
      await this.apply(w, planMerge(to, froms, actor));
      return to.id;
    });
    return (await this.getIncident(into))!;
  }

  async unmerge(requested: string, actor: Writer, noticeId?: string): Promise<string[]> {
    return this.write(async (w): Promise<string[]> => {
      const found = writable(actor, requested, await this.locate(w.sql, requested));
      const sources = [...await w.sql<SplitSource[]>`
        SELECT n.id, n.title, l.method FROM notices n LEFT JOIN links l ON l.notice_id = n.id WHERE n.incident_id = ${found.id}
        ORDER BY (l.method = 'first') DESC NULLS LAST, l.at NULLS FIRST, n.id`];
      const taken = await w.sql<{ id: string }[]>`SELECT id FROM incidents WHERE id = ANY(${sources.map((n) => ownIncident(n.id))}::text[])`;
      const plan = planUnmerge(found, sources, noticeId, new Set(taken.map((t) => t.id)), now(), actor);
      await this.apply(w, plan.writes);
      return plan.created;
    });
  }

  async edit(requested: string, changes: FieldChange[], writer: Writer): Promise<IncidentDetail> {
    const id = await this.write(async (w): Promise<string> => {
      const found = writable(writer, requested, await this.locate(w.sql, requested));
      const [row] = await w.sql<{ fields: IncidentFields }[]>`SELECT fields FROM incidents WHERE id = ${found.id}`;
      await this.apply(w, planEdit(found, row!.fields, changes, writer));
      return found.id;
    });
    return (await this.getIncident(id))!;
  }

  async revert(requested: string, field: string, writer: Writer): Promise<IncidentDetail> {
    const id = await this.write(async (w): Promise<string> => {
      const found = writable(writer, requested, await this.locate(w.sql, requested));
      const corrected = (await w.sql`SELECT 1 FROM overrides WHERE incident_id = ${found.id} AND field = ${field} AND active`).length > 0;
      await this.apply(w, planRevert(found, field, corrected, writer));
      // Withdrawing a marking must not leave the incident marked above the writer's clearance.
      checkMarking(writer, (await w.sql<{ tlp: string }[]>`SELECT tlp FROM incidents WHERE id = ${found.id}`)[0]!.tlp);
      return found.id;
    });
    return (await this.getIncident(id))!;
  }

  async history(requested: string): Promise<EventRecord[]> {
    const id = await this.mustResolve(this.sql, requested);
    return [...await this.sql<EventRecord[]>`SELECT at, who, action, detail FROM events WHERE incident_id = ${id} ORDER BY id`]
      .map((e) => ({ at: e.at, who: e.who, action: e.action, detail: e.detail }));
  }

  async statInputs(filter: IncidentFilter & { q?: string } = {}): Promise<StatInput[]> {
    const conditions = this.search.filters(filter);
    if (filter.q?.trim()) {
      const ids = (await this.searchIncidents({ ...filter, q: filter.q, limit: -1, offset: 0 })).map((i) => i.id);
      conditions.push(this.sql`i.id = ANY(${ids}::text[])`);
    }
    const rows = await this.sql<{ event_date: string | null; sector: Sector | null; affected_count: number | null; incident_types: StatInput["incident_types"] | null; tags: Tag[] }[]>`
      SELECT i.event_date, i.sector, i.affected_count, i.fields->'incident_types' AS incident_types, i.tags FROM incidents i
      ${this.search.where(conditions)} ORDER BY i.seq`;
    return rows.map((r) => ({ event_date: r.event_date, sector: r.sector, affected_count: r.affected_count, incident_types: r.incident_types ?? [], tags: r.tags }));
  }

  async incidentLinks(ids: string[]): Promise<IncidentLink[]> {
    return [...await this.sql<IncidentLink[]>`
      SELECT incident_id, role, key, name, indicator_kind FROM (
        SELECT p.incident_id, p.role, p.key, p.name, NULL::text AS indicator_kind FROM incident_parties p WHERE p.incident_id = ANY(${ids}::text[])
        UNION ALL
        SELECT ii.incident_id, 'indicator', ii.key, ii.value, ii.kind FROM incident_indicators ii WHERE ii.incident_id = ANY(${ids}::text[])
      ) l ORDER BY incident_id COLLATE "C", role COLLATE "C", name COLLATE "C"`];
  }

  async indicators(filter: { shared?: boolean; limit?: number } = {}): Promise<IndicatorRecord[]> {
    const rows = await this.sql<IndicatorRow[]>`
      SELECT ii.value, ii.kind, i.id, i.title, i.organization FROM incident_indicators ii JOIN incidents i ON i.id = ii.incident_id
      WHERE ${!filter.shared} OR ii.key IN (SELECT key FROM incident_indicators WHERE key IS NOT NULL GROUP BY key HAVING count(*) >= 2)
      ORDER BY ii.value, i.event_date DESC NULLS LAST, ii.seq`;
    return indicatorRecords(rows, filter.limit ?? 1000);
  }

  /** An entry of the audit log (a query to await or pipeline). */
  private auditNow(db: Db, who: string, action: string, target: string, before: unknown, after: unknown): Query {
    return db`
      INSERT INTO audit (at, who, action, target, before, after)
      VALUES (${now()}, ${who}, ${action}, ${target}, ${before === undefined ? null : json(before)}::text::jsonb, ${after === undefined ? null : json(after)}::text::jsonb)`;
  }

  private async userRow(db: Db, name: string): Promise<User | undefined> {
    const [u] = await db<User[]>`SELECT id, name, role, clearance, created_at, revoked_at FROM users WHERE name = ${name}`;
    return u;
  }

  async addUser(name: string, role: Role, clearance: Tlp | null, actor: Writer): Promise<{ user: User; token: string }> {
    return this.write(async (w) => {
      const granted = grantedClearance(actor, role, clearance);
      if (await this.userRow(w.sql, name)) throw new ConflictError(`user ${name} exists`);
      const at = now();
      await w.sql`INSERT INTO users (name, role, clearance, created_at) VALUES (${name}, ${role}, ${granted}, ${at})`;
      const user = (await this.userRow(w.sql, name))!;
      const token = newTokenString();
      await w.sql`INSERT INTO tokens (user_id, hash, created_at) VALUES (${user.id}, ${hashToken(token)}, ${at})`;
      await this.auditNow(w.sql, actor.who, "user.add", `user:${name}`, null, { role: user.role, clearance: user.clearance });
      return { user, token };
    });
  }

  async newToken(name: string, actor: Writer): Promise<string> {
    return this.write(async (w) => {
      const user = await this.userRow(w.sql, name);
      if (!user || user.revoked_at) throw new NotFoundError(`no user ${name}`);
      checkTokenFor(actor, user.clearance);
      const token = newTokenString();
      await w.sql`INSERT INTO tokens (user_id, hash, created_at) VALUES (${user.id}, ${hashToken(token)}, ${now()})`;
      await this.auditNow(w.sql, actor.who, "token.add", `user:${name}`, null, null);
      return token;
    });
  }

  async listUsers(): Promise<User[]> {
    return [...await this.sql<User[]>`SELECT id, name, role, clearance, created_at, revoked_at FROM users ORDER BY id`];
  }

  async revokeUser(name: string, actor: Actor): Promise<void> {
    await this.write(async (w) => {
      const user = await this.userRow(w.sql, name);
      if (!user) throw new NotFoundError(`no user ${name}`);
      const at = now();
      await w.sql`UPDATE users SET revoked_at = coalesce(revoked_at, ${at}) WHERE id = ${user.id}`;
      await w.sql`UPDATE tokens SET revoked_at = coalesce(revoked_at, ${at}) WHERE user_id = ${user.id}`;
      await this.auditNow(w.sql, actor.who, "user.revoke", `user:${name}`, { revoked_at: user.revoked_at }, { revoked_at: at });
    });
  }

  async authenticate(token: string): Promise<User | null> {
    const [user] = await this.sql<User[]>`
      SELECT u.id, u.name, u.role, u.clearance, u.created_at, u.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id
      WHERE t.hash = ${hashToken(token)} AND t.revoked_at IS NULL AND u.revoked_at IS NULL`;
    return user ? { ...user } : null;
  }

  async recordTokenUse(token: string): Promise<void> {
    await this.sql`UPDATE tokens SET last_used_at = ${now()} WHERE hash = ${hashToken(token)}`;
  }

  async audit(who: string, action: string, target: string, before: unknown, after: unknown): Promise<void> {
    await this.auditNow(this.sql, who, action, target, before, after);
  }

  async auditLog(filter: { target?: string; limit?: number } = {}): Promise<AuditRecord[]> {
    const rows = await this.sql<AuditRecord[]>`
      SELECT id, at, who, action, target, before, after FROM audit ${filter.target ? this.sql`WHERE target = ${filter.target}` : this.sql``}
      ORDER BY id DESC LIMIT ${filter.limit ?? 100}`;
    return rows.map((r) => ({ id: r.id, at: r.at, who: r.who, action: r.action, target: r.target, before: r.before, after: r.after }));
  }

  async addWatchlist(wl: { name: string; kind: WatchKind; pattern: string; webhook_url: string | null; secret: string | null }, actor: Actor): Promise<Watchlist> {
    return this.write(async (w) => {
      const r = (await w.sql<{ id: number }[]>`
        INSERT INTO watchlists (name, kind, pattern, webhook_url, secret, created_by, created_at)
        VALUES (${wl.name}, ${wl.kind}, ${wl.pattern}, ${wl.webhook_url}, ${wl.secret}, ${actor.who}, ${now()}) RETURNING id`)[0]!;
      const created = (await this.watchlist(w.sql, r.id))!;
      await this.auditNow(w.sql, actor.who, "watchlist.add", `watchlist:${created.id}`, null, created);
      return created;
    });
  }

  private async watchlist(db: Db, id: number): Promise<Watchlist | undefined> {
    const [r] = await db<Watchlist[]>`SELECT id, name, kind, pattern, webhook_url, created_by, created_at FROM watchlists WHERE id = ${id} AND removed_at IS NULL`;
    return r;
  }

  async listWatchlists(): Promise<Watchlist[]> {
    return [...await this.sql<Watchlist[]>`SELECT id, name, kind, pattern, webhook_url, created_by, created_at FROM watchlists WHERE removed_at IS NULL ORDER BY id`];
  }

  async removeWatchlist(id: number, actor: Actor): Promise<void> {
    await this.write(async (w) => {
      const wl = await this.watchlist(w.sql, id);
      if (!wl) throw new NotFoundError(`no watchlist ${id}`);
      await w.sql`UPDATE watchlists SET removed_at = ${now()} WHERE id = ${id}`;
      await this.auditNow(w.sql, actor.who, "watchlist.remove", `watchlist:${id}`, wl, null);
    });
  }

  async watchlistSecret(id: number): Promise<string | null> {
    const [r] = await this.sql<{ secret: string | null }[]>`SELECT secret FROM watchlists WHERE id = ${id}`;
    return r?.secret ?? null;
  }

  async matchWatchlists(incidentIds: string[]): Promise<WatchHit[]> {
    const lists = await this.listWatchlists();
    if (lists.length === 0 || incidentIds.length === 0) return [];
    return this.write(async (w): Promise<WatchHit[]> => {
      const at = now();
      const incidents = (await w.sql<{ id: string; title: string; fields: IncidentFields }[]>`
        SELECT i.id, i.title, i.fields FROM unnest(${incidentIds}::text[]) WITH ORDINALITY AS u(id, ord) JOIN incidents i ON i.id = u.id ORDER BY u.ord`)
        .map((r) => ({ id: r.id, title: r.title, fields: Object.keys(r.fields).length ? r.fields : null }));
      const fields = new Map(incidents.map((i) => [i.id, i.fields!]));
      const out: WatchHit[] = [];
      for (const m of planWatchHits(lists, incidents)) {
        const [hit] = await w.sql<WatchHit[]>`
          INSERT INTO watch_hits (watchlist_id, incident_id, fingerprint, at, reason, next_attempt_at)
          VALUES (${m.watchlist}, ${m.incident}, ${fingerprint(fields.get(m.incident)!)}, ${at}, ${m.reason}, ${m.notify ? at : null}) ON CONFLICT DO NOTHING
          RETURNING id, watchlist_id, incident_id, at, reason, delivered_at, attempts, next_attempt_at, last_error`;
        if (hit) out.push({ ...hit });
      }
      return out;
    });
  }

  async hits(watchlistId: number, filter: { limit?: number } = {}): Promise<WatchHit[]> {
    if (!await this.watchlist(this.sql, watchlistId)) throw new NotFoundError(`no watchlist ${watchlistId}`);
    return [...await this.sql<WatchHit[]>`
      SELECT id, watchlist_id, incident_id, at, reason, delivered_at, attempts, next_attempt_at, last_error FROM watch_hits
      WHERE watchlist_id = ${watchlistId} ORDER BY id DESC LIMIT ${filter.limit ?? 100}`];
  }

  async dueDeliveries(at: string, limit = 20): Promise<(WatchHit & { webhook_url: string })[]> {
    return [...await this.sql<(WatchHit & { webhook_url: string })[]>`
      SELECT h.id, h.watchlist_id, h.incident_id, h.at, h.reason, h.delivered_at, h.attempts, h.next_attempt_at, h.last_error, w.webhook_url
      FROM watch_hits h JOIN watchlists w ON w.id = h.watchlist_id
      WHERE h.delivered_at IS NULL AND h.next_attempt_at IS NOT NULL AND h.next_attempt_at <= ${at} AND w.webhook_url IS NOT NULL AND w.removed_at IS NULL
      ORDER BY h.next_attempt_at, h.id LIMIT ${limit}`];
  }

  async pendingDelivery(hitId: number): Promise<(WatchHit & { webhook_url: string }) | null> {
    const [r] = await this.sql<(WatchHit & { webhook_url: string })[]>`
      SELECT h.id, h.watchlist_id, h.incident_id, h.at, h.reason, h.delivered_at, h.attempts, h.next_attempt_at, h.last_error, w.webhook_url
      FROM watch_hits h JOIN watchlists w ON w.id = h.watchlist_id
      WHERE h.id = ${hitId} AND h.delivered_at IS NULL AND h.next_attempt_at IS NOT NULL AND w.webhook_url IS NOT NULL AND w.removed_at IS NULL`;
    return r ? { ...r } : null;
  }

  async recordDelivery(hitId: number, ok: boolean, error: string | null, nextAttemptAt: string | null): Promise<void> {
    await this.sql`
      UPDATE watch_hits SET attempts = attempts + 1, delivered_at = ${ok ? now() : null}, last_error = ${ok ? null : error},
        next_attempt_at = ${ok ? null : nextAttemptAt} WHERE id = ${hitId}`;
  }

  private async feed(db: Db, id: number): Promise<FeedSource | undefined> {
    const [r] = await db<FeedSource[]>`
      SELECT id, url, every_seconds, allow_private, etag, last_modified, last_fetched_at, next_fetch_at, last_status, created_by
      FROM feeds WHERE id = ${id} AND removed_at IS NULL`;
    return r ? { ...r } : undefined;
  }

  async addFeed(url: string, everySeconds: number, allowPrivate: boolean, actor: Actor): Promise<FeedSource> {
    return this.write(async (w) => {
      const at = now();
      const [existing] = await w.sql<{ id: number }[]>`SELECT id FROM feeds WHERE url = ${url}`;
      if (existing) {
        await w.sql`UPDATE feeds SET every_seconds = ${everySeconds}, allow_private = ${allowPrivate}, removed_at = NULL, next_fetch_at = ${at} WHERE id = ${existing.id}`;
      } else {
        await w.sql`INSERT INTO feeds (url, every_seconds, allow_private, next_fetch_at, created_by) VALUES (${url}, ${everySeconds}, ${allowPrivate}, ${at}, ${actor.who})`;
      }
      const id = (await w.sql<{ id: number }[]>`SELECT id FROM feeds WHERE url = ${url}`)[0]!.id;
      const created = (await this.feed(w.sql, id))!;
      await this.auditNow(w.sql, actor.who, "source.add", `source:${id}`, null, created);
      return created;
    });
  }

  async listFeeds(): Promise<FeedSource[]> {
    const ids = await this.sql<{ id: number }[]>`SELECT id FROM feeds WHERE removed_at IS NULL ORDER BY id`;
    const out: FeedSource[] = [];
    for (const r of ids) out.push((await this.feed(this.sql, r.id))!);
    return out;
  }

  async removeFeed(id: number, actor: Actor): Promise<void> {
    await this.write(async (w) => {
      const f = await this.feed(w.sql, id);
      if (!f) throw new NotFoundError(`no source ${id}`);
      await w.sql`UPDATE feeds SET removed_at = ${now()} WHERE id = ${id}`;
      await this.auditNow(w.sql, actor.who, "source.remove", `source:${id}`, f, null);
    });
  }

  async dueFeeds(at: string): Promise<FeedSource[]> {
    return [...await this.sql<FeedSource[]>`
      SELECT id, url, every_seconds, allow_private, etag, last_modified, last_fetched_at, next_fetch_at, last_status, created_by
      FROM feeds WHERE removed_at IS NULL AND next_fetch_at <= ${at} ORDER BY next_fetch_at, id`];
  }

  async recordPoll(id: number, result: { status: string; etag: string | null; last_modified: string | null; next_fetch_at: string }): Promise<void> {
    await this.sql`
      UPDATE feeds SET last_status = ${result.status}, etag = coalesce(${result.etag}::text, etag), last_modified = coalesce(${result.last_modified}::text, last_modified),
        last_fetched_at = ${now()}, next_fetch_at = ${result.next_fetch_at} WHERE id = ${id}`;
  }

  async addTaxiiObjects(objects: (Omit<TaxiiObject, "version" | "date_added"> & { version: string | null })[]): Promise<string> {
    return this.write(async (w) => {
      const at = nextDateAdded((await w.sql<{ at: string | null }[]>`SELECT max(date_added) AS at FROM taxii_objects`)[0]!.at);
      for (const o of objects) {
        await w.sql`
          INSERT INTO taxii_objects (id, version, type, spec_version, tlp, date_added, object)
          VALUES (${o.id}, ${o.version ?? at}, ${o.type}, ${o.spec_version}, ${o.tlp}, ${at}, ${json(o.object)}::text::jsonb) ON CONFLICT DO NOTHING`;
      }
      return at;
    });
  }

  async taxiiObjects(filter: { tlp: string[]; ids?: string[] }): Promise<TaxiiObject[]> {
    return [...await this.sql<TaxiiObject[]>`
      SELECT id, version, type, spec_version, tlp, date_added, object FROM taxii_objects
      WHERE tlp = ANY(${filter.tlp}::text[]) ${filter.ids ? this.sql`AND id = ANY(${filter.ids}::text[])` : this.sql``}
      ORDER BY date_added, id, version`];
  }

  async removeTaxiiObjects(id: string, versions: string[], actor: Actor): Promise<number> {
    return this.write(async (w) => {
      const removed = (await w.sql`DELETE FROM taxii_objects WHERE id = ${id} AND version = ANY(${versions}::text[])`).count;
      if (removed) await this.auditNow(w.sql, actor.who, "taxii.delete", `stix:${id}`, { versions }, null);
      return removed;
    });
  }

  async saveTaxiiStatus(record: TaxiiStatusRecord): Promise<void> {
    await this.sql`
      INSERT INTO taxii_status (id, who, status, markings) VALUES (${record.id}, ${record.who}, ${json(record.status)}::text::jsonb, ${json(record.markings)}::text::jsonb)
      ON CONFLICT (id) DO UPDATE SET who = excluded.who, status = excluded.status, markings = excluded.markings`;
  }

  async taxiiStatus(id: string): Promise<TaxiiStatusRecord | null> {
    const [r] = await this.sql<TaxiiStatusRecord[]>`SELECT id, who, status, markings FROM taxii_status WHERE id = ${id}`;
    return r ? { id: r.id, who: r.who, status: r.status, markings: r.markings } : null;
  }

  async incidentMarkings(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.sql<{ ref: string; tlp: string }[]>`
      SELECT r.ref, coalesce(i.tlp, a.tlp) AS tlp FROM unnest(${ids}::text[]) AS r(ref)
        LEFT JOIN incidents i ON i.id = r.ref
        LEFT JOIN LATERAL (SELECT x.tlp FROM incident_aliases al JOIN incidents x ON x.id = al.incident_id WHERE al.alias = r.ref) a ON i.id IS NULL
      WHERE i.id IS NOT NULL OR a.tlp IS NOT NULL`;
    return new Map(rows.map((r) => [r.ref, r.tlp]));
  }

  async documentMarkings(sha256: string): Promise<string[]> {
    return this.markingsOf(this.sql, sha256);
  }

  /** The markings of the incidents that draw on a document or on any document carved out of it. */
  private async markingsOf(db: Db, sha256: string): Promise<string[]> {
    const rows = await db<{ tlp: string }[]>`
      WITH RECURSIVE tree(sha) AS (SELECT ${sha256}::text COLLATE "C" UNION SELECT d.sha256 FROM documents d JOIN tree t ON d.parent = t.sha)
      SELECT DISTINCT i.tlp FROM tree JOIN notices n ON n.document = tree.sha JOIN incidents i ON i.id = n.incident_id`;
    return rows.map((r) => r.tlp);
  }

  async countIncidents(): Promise<number> {
    const [r] = await this.sql<{ n: number }[]>`SELECT count(*) AS n FROM incidents`;
    return r!.n;
  }

  async close(): Promise<void> {
    await this.sql.end({ timeout: 5 });
  }
}
