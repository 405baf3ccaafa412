import type { Casefile, IncidentFields, Notice, Reanalysis, Tag } from "../../core/types.js";
import { analysisDigest } from "../../core/digest.js";
import { orgKey } from "../../intel/correlate.js";
import { keyOfValue } from "../../intel/indicators/index.js";
import type { Tlp } from "../../intel/taxonomies/tlp.js";
import { checkMarking, levelsUpTo, maySee, writable, type Writer } from "../../casebook/authorize.js";
import { bestMatch, planNotice, touch, type Correlated, type Placement } from "../../casebook/correlate.js";
import { planEdit, planRevert, type Located } from "../../casebook/edit.js";
import { checkNoticeMarkings } from "../../casebook/marking.js";
import { ownIncident, planMerge, planUnmerge, type SplitSource } from "../../casebook/merge.js";
import { planRefresh, type IncidentRow } from "../../casebook/refresh.js";
import type { SourceDraft } from "../../casebook/sources.js";
import type { Cause, Keep, Write } from "../../casebook/trail.js";
import { charPairs, facetKey, incidentDate, indicatorKind, noticeRows, partiesOf, searchText, SYSTEM, SYSTEM_WRITER, type NoticeRow } from "../records.js";
import type { FieldChange, SaveResult } from "../types.js";
import { auditQuery } from "./service.js";
import { locate, markingsOf } from "./reads.js";
import { all, batch, json, later, now, one, parse, q, type Query, type Row, type Step } from "./step.js";

// How the casebook's planners are read for and carried out (casebook/): each store method's reads, the
// planner it calls and the writes it returns, once for both backends.

/** How a backend keeps its full-text index in step with an incident's row. */
export interface SearchIndex {
  /** More assignments of the incident's row update, where the text is a column of it (`$15`: the text; `$17`: its charPairs when `pairs`). */
  set: string;
  /** Whether the row keeps its text's characters and character pairs (`$17`). */
  pairs: boolean;
  /** More columns and values of a multi-row insert of incidents, where the text is a column (`r.value->>15`: the text; `r.value->16`: its charPairs when `pairs`). */
  insert: { columns: string; select: string };
  /** Index an incident's new text, after its row is written. */
  put(id: string, body: string): Step<void>;
  /** Replace an incident's text alone, its row otherwise unchanged (a source that joined without changing a field). */
  rewrite(id: string, body: string): Step<void>;
  /** The SQL expression of an incident `i`'s indexed text. */
  stored: string;
  /** Drop an incident's text, before its row is deleted. */
  drop(id: string): Step<void>;
}

/** One write transaction: its backend's index, and the incidents whose fields it changed. */
export interface Tx {
  index: SearchIndex;
  changed: Set<string>;
  /**
   * Incidents opened in it by a notice of a document archived just now, until their first refresh: the
   * rows that refresh would read back (the notice and its text; no correction; the row as opened), as
   * the backend returns them, so that refresh reads nothing.
   */
  opened?: Map<string, Opened>;
}

/** An incident's source notice as refresh reads it, with its document's text. */
type SourceRow = { title: string; fields: string; confidence: string | null; tags: string | null; span_start: number; span_end: number; text: string | null };
/** An incident's row as refresh reads it. */
type StoredRow = { title: string; fields: string; tlp: string; tags: string; created_at: string; body: string | null };

/** What the first refresh of an incident just opened by a new notice would read: its one source, no correction, its row as opened. */
interface Opened {
  notice: SourceRow;
  title: string;
}

/** The statements of one write (a refresh reads first: see apply). */
function statements(x: Exclude<Write, { op: "refresh" }>, at: string): Query[] {
  switch (x.op) {
    case "open":
      return [
        q(`INSERT INTO incidents (id, title, fields, created_at, updated_at) VALUES ($1, $2, '{}', $3, $3) ON CONFLICT DO NOTHING`, x.incident, x.title, at),
        q("DELETE FROM incident_aliases WHERE alias = $1", x.incident),
      ];
    case "place":
      return [q("UPDATE notices SET incident_id = $1 WHERE id = $2", x.incident, x.notice)];
    case "link":
      return [q(`INSERT INTO links (notice_id, incident_id, method, score, reason, "by", at) VALUES ($1, $2, $3, $4, $5, $6, $7)
        ON CONFLICT (notice_id) DO UPDATE SET incident_id = excluded.incident_id, method = excluded.method, score = excluded.score,
          reason = excluded.reason, "by" = excluded."by", at = excluded.at`, x.notice, x.incident, x.method, x.score, x.reason, x.by, at)];
    case "unlink":
      return [q("DELETE FROM links WHERE notice_id = $1", x.notice)];
    case "block":
      return [q(`INSERT INTO merge_blocks (notice_id, incident_id, "by", at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, x.notice, x.incident, x.by, at)];
    case "unblock":
      return [q("DELETE FROM merge_blocks WHERE notice_id = $1 AND incident_id = $2", x.notice, x.incident)];
    case "alias":
      return [
        q("UPDATE incident_aliases SET incident_id = $1 WHERE incident_id = $2", x.into, x.from),
        q("INSERT INTO incident_aliases (alias, incident_id) VALUES ($1, $2) ON CONFLICT (alias) DO UPDATE SET incident_id = excluded.incident_id", x.from, x.into),
      ];
    case "carry":
      return [q(`UPDATE overrides SET incident_id = $1 WHERE incident_id = $2 AND active
        AND field NOT IN (SELECT field FROM overrides WHERE incident_id = $1 AND active)`, x.into, x.from)];
    case "correct":
      return [
        q("UPDATE overrides SET active = false WHERE incident_id = $1 AND field = $2 AND active", x.incident, x.field),
        q("INSERT INTO overrides (incident_id, field, value, who, at, why) VALUES ($1, $2, $3::jsonb, $4, $5, $6)", x.incident, x.field, json(x.value), x.who, at, x.why),
      ];
    case "withdraw":
      return [q("UPDATE overrides SET active = false WHERE incident_id = $1 AND field = $2 AND active", x.incident, x.field)];
    case "event":
      return [q("INSERT INTO events (incident_id, at, who, action, detail) VALUES ($1, $2, $3, $4, $5::jsonb)", x.incident, at, x.who, x.action, json(x.detail))];
    case "audit":
      return [auditQuery(x.who, x.action, x.target, x.before, x.after)];
  }
}

/** Carry out a plan's writes in order: the statements go out with the next query (a refresh's reads, or the next step's). */
export function* apply(w: Tx, writes: Write[]): Step<void> {
  let pending: Query[] = [];
  // One plan's writes happen at one time: an incident opened and refreshed by it was created when it was refreshed.
  const at = now();
  for (const x of writes) {
    if (x.op !== "refresh") { pending.push(...statements(x, at)); continue; }
    yield* later(pending);
    pending = [];
    yield* refresh(w, x.incident, x.who, x.cause, x.keep, at);
  }
  yield* later(pending);
}

/** Rows inserted from one JSON array of tuples, in order (`r.value->>n`: the tuple's nth value); no statement for none. */
export function rowsInsert(into: string, select: string, tuples: unknown[][]): Query[] {
  if (tuples.length === 0) return [];
  return [q(`INSERT INTO ${into} SELECT ${select} FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(value, key)
    WHERE true ORDER BY r.key ON CONFLICT DO NOTHING`, json(tuples))];
}

/** A notice's row from id to tags, in the order of its upsert (and of a bulk insert's tuples). */
export function noticeValues({ id, notice: n }: NoticeRow, document: string): unknown[] {
  return [
    id, document, n.index, n.title, n.span[0], n.span[1], n.kind, n.isIncident, n.reason, n.listingDate ?? null, n.category ?? null,
    n.incident ? json(n.incident.fields) : null, n.incident ? json(n.incident.confidence) : null, n.incident ? json(n.incident.tags) : null,
  ];
}

/**
 * Recompute an incident from its sources and its analysts' corrections (planRefresh), recording what
 * changed. Returns whether its row changed, or "deleted" when no source is left.
 */
function* refresh(w: Tx, id: string, who: string, cause: Cause, keep?: Keep, at = now()): Step<boolean | "deleted"> {
  const opened = w.opened?.get(id);
  w.opened?.delete(id);
  // An incident opened as a new notice's is as "open" wrote it (the columns' defaults) with that notice alone.
  const [notices, overrides, [stored]]: [SourceRow[], { field: string; value: string }[], StoredRow[]] = opened
    ? [[opened.notice], [], [{ title: opened.title, fields: "{}", tlp: "CLEAR", tags: "[]", created_at: at, body: null }]]
    : (yield* batch([
    q(`SELECT n.title, n.fields, n.confidence, n.tags, n.span_start, n.span_end, d.text FROM notices n JOIN documents d ON d.sha256 = n.document
      WHERE n.incident_id = $1 AND n.fields IS NOT NULL AND n.is_incident
      ORDER BY coalesce(n.fields->>'disclosed_on', n.listing_date, substr(d.first_seen, 1, 10)) COLLATE "C", d.first_seen, n.document, n.idx`, id),
    q("SELECT field, value FROM overrides WHERE incident_id = $1 AND active ORDER BY id", id),
    q(`SELECT i.title, i.fields, i.tlp, i.tags, i.created_at, ${w.index.stored} AS body FROM incidents i WHERE i.id = $1`, id),
  ])) as [SourceRow[], { field: string; value: string }[], StoredRow[]];
  const storedFields = parse<IncidentFields>(stored!.fields);
  const plan = planRefresh({
    id, who, cause, keep, overrides: overrides.map((o) => ({ field: o.field, value: parse<unknown>(o.value) })),
    sources: notices.map((n) => ({
      title: n.title, fields: parse<IncidentFields>(n.fields), confidence: parse<SourceDraft["confidence"] | null>(n.confidence) ?? {}, tags: parse<Tag[] | null>(n.tags) ?? [],
    })),
    stored: { title: stored!.title, fields: Object.keys(storedFields).length ? storedFields : null, tlp: stored!.tlp, tags: parse<Tag[]>(stored!.tags) },
  });
  if (plan.kind === "delete") {
    yield* w.index.drop(id);
    yield* later([q("DELETE FROM incidents WHERE id = $1", id)]);
    return "deleted";
  }
  yield* apply(w, plan.writes);
  const texts = notices.map((n) => (n.text ?? "").slice(n.span_start, n.span_end));
  if (plan.kind === "same") {
    // The fields stay, but the text searched holds every source's: a notice that joined adds its words.
    const body = searchText(stored!.title, storedFields, texts);
    if (body !== stored!.body) yield* w.index.rewrite(id, body);
    return false;
  }
  w.changed.add(id);
  const { title, fields } = plan.row;
  const body = searchText(title, fields, texts);
  // Facets are counted per combination of values (facetKey), each recorded once.
  const combo = facetCombo(plan.row, stored!.created_at);
  yield* later([
    q("INSERT INTO facet_combos (key) VALUES ($1::jsonb) ON CONFLICT DO NOTHING", combo),
    q(`UPDATE incidents SET title = $1, organization = $2, sector = $3, disclosed_on = $4, discovered_on = $5,
        event_date = coalesce($6::text, substr(created_at, 1, 10)), affected_count = $7, fields = $8::jsonb, tlp = $9, tags = $10::jsonb,
        casebook_id = $11, org_key = $12, updated_at = $13, facet_combo = (SELECT c.id FROM facet_combos c WHERE c.key = $16::jsonb)${w.index.set}
      WHERE id = $14`,
      ...rowValues(plan.row), now(), id, body, combo, w.index.pairs ? charPairs(body) : null),
    q("DELETE FROM incident_types WHERE incident_id = $1", id),
    q("DELETE FROM incident_indicators WHERE incident_id = $1", id),
    q("DELETE FROM incident_parties WHERE incident_id = $1", id),
    ...listRows([{ id, fields }]),
  ]);
  yield* w.index.put(id, body);
  return true;
}

/** An incident row's columns from title to org_key, in the order of its update (and of a bulk insert's tuples). */
export function rowValues({ title, fields, tlp, tags }: IncidentRow): unknown[] {
  return [
    title, fields.organization ?? null, fields.sector ?? null, fields.disclosed_on ?? null, fields.discovered_on ?? null, incidentDate(fields),
    fields.affected_count ?? null, json(fields), tlp, json(tags), fields.casebook_id ?? null, orgKey(fields.organization),
  ];
}

/** The facet combination of an incident row (facetKey); `createdAt` dates an incident whose fields give no date. */
export function facetCombo({ fields, tlp, tags }: IncidentRow, createdAt: string): string {
  return facetKey(fields.sector ?? null, incidentDate(fields) ?? createdAt.slice(0, 10), tlp, fields.incident_types, tags);
}

/** The rows of incidents' types, indicators and parties: one statement per table for them all. */
export function listRows(incidents: { id: string; fields: IncidentFields }[]): Query[] {
  return [
    ...rowsInsert("incident_types (incident_id, type)", "r.value->>0, r.value->>1", incidents.flatMap(({ id, fields }) => fields.incident_types.map((t) => [id, t]))),
    ...rowsInsert("incident_indicators (incident_id, value, kind, key)", "r.value->>0, r.value->>1, r.value->>2, r.value->>3",
      incidents.flatMap(({ id, fields }) => fields.indicators.map((v) => [id, v, indicatorKind(v), keyOfValue(v)]))),
    ...rowsInsert("incident_parties (incident_id, key, name, role)", "r.value->>0, r.value->>1, r.value->>2, r.value->>3",
      incidents.flatMap(({ id, fields }) => partiesOf(fields).map((p) => [id, p.key, p.name, p.role]))),
  ];
}

/** The rows of notices' findings: one statement for them all. */
export function findingRows(notices: { id: string; notice: Notice }[]): Query[] {
  return rowsInsert("findings (notice_id, field, value, span_start, span_end, text, confidence, rule)",
    "r.value->>0, r.value->>1, r.value->2, (r.value->>3)::int, (r.value->>4)::int, r.value->>5, (r.value->>6)::float8, r.value->>7",
    notices.flatMap(({ id, notice }) => (notice.incident?.findings ?? []).map((f) => [id, f.field, f.value, f.span[0], f.span[1], f.text, f.confidence, f.rule])));
}

/** The incidents a new incident notice may report, among those the writer may touch: same casebook number first, then same organisation, each oldest first. */
export function candidates(noticeId: string, notice: Notice, clearance: Tlp): Query {
  const f = notice.incident!.fields;
  return q(`SELECT id, title, fields, tlp FROM incidents
    WHERE fields <> '{}' AND ((casebook_id IS NOT NULL AND casebook_id = $1) OR (org_key <> '' AND org_key = $2))
      AND id NOT IN (SELECT incident_id FROM merge_blocks WHERE notice_id = $3) AND tlp = ANY($4::text[])
    ORDER BY (casebook_id = $1) IS TRUE DESC, seq LIMIT 200`, f.casebook_id ?? null, orgKey(f.organization), noticeId, levelsUpTo(clearance));
}

/** The candidate a new incident notice reports, if the evidence is strong enough. */
export function correlate(notice: Notice, rows: Row[]): Correlated | null {
  const found = rows as { id: string; title: string; fields: string; tlp: string }[];
  return bestMatch({ title: notice.title, fields: notice.incident!.fields }, found.map((c) => ({ ...c, fields: parse<IncidentFields>(c.fields) })));
}

/**
 * Write a casefile's notices and findings, and place each (planNotice): a new incident notice goes
 * where `placement` says, else joins the incident it correlates with among those the writer may
 * touch, else opens its own. `fresh`: the document was archived just now, so none of its notices is
 * stored yet and the candidates to join are read with the notice's own write. Returns each touched
 * incident and whether it is new.
 */
function* writeNotices(w: Tx, cf: Casefile, writer: Writer, fresh: boolean, placement?: Placement): Step<Map<string, boolean>> {
  const touched = new Map<string, boolean>();
  const join = placement && "join" in placement ? writable(writer, placement.join, yield* locate(placement.join)) : null;
  for (const row of noticeRows(cf)) {
    const n = row.notice;
    const joinable = n.isIncident && n.incident !== undefined && !placement;
    // The upsert keeps incident_id. A document archived just now holds no notice yet: nothing to read.
    const rows = (yield* batch([
      ...(fresh ? [] : [q("SELECT incident_id FROM notices WHERE id = $1", row.id)]),
      q(`INSERT INTO notices (id, document, idx, title, span_start, span_end, kind, is_incident, reason, listing_date, category, fields, confidence, tags, incident_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb, $14::jsonb, NULL)
        ON CONFLICT (id) DO UPDATE SET idx = excluded.idx, title = excluded.title, span_start = excluded.span_start, span_end = excluded.span_end,
          kind = excluded.kind, is_incident = excluded.is_incident, reason = excluded.reason, listing_date = excluded.listing_date,
          category = excluded.category, fields = excluded.fields, confidence = excluded.confidence, tags = excluded.tags`,
        ...noticeValues(row, cf.doc.sha256)),
      ...findingRows([row]),
      ...(fresh && joinable ? [candidates(row.id, n, writer.clearance)] : []),
    ])) as Row[][];
    const before = fresh ? null : ((rows[0] as { incident_id: string | null }[])[0]?.incident_id ?? null);
    const asked = fresh && joinable ? rows.at(-1)! : null;
    const correlated = before === null && joinable ? correlate(n, asked ?? (yield* batch([candidates(row.id, n, writer.clearance)]))[0]!) : null;
    const into = join ? { join } : placement && "open" in placement ? { open: placement.open } : correlated ? { correlated } : null;
    const plan = planNotice({ row, source: cf.doc.source, before, into, system: SYSTEM, writer });
    if (fresh && !placement && plan.touched?.created && n.incident) {
      const notice = { title: n.title, fields: json(n.incident.fields), confidence: json(n.incident.confidence), tags: json(n.incident.tags), span_start: n.span[0], span_end: n.span[1], text: cf.text };
      (w.opened ??= new Map()).set(plan.touched.id, { notice, title: n.title });
    }
    yield* apply(w, plan.writes);
    touch(touched, plan.touched);
  }
  return touched;
}

/** Count what a save did: incidents opened, and existing ones changed or not by it. */
function* tally(w: Tx, touched: Map<string, boolean>, notices: number, who: string, cause: "reextracted" | "source_added"): Step<SaveResult> {
  const r: SaveResult = { stored: true, notices, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: [] };
  for (const [id, created] of touched) {
    if (created) { r.incidentsNew++; r.incidentIds.push(id); continue; }
    if ((yield* refresh(w, id, who, cause)) === "deleted") continue;
    r.incidentIds.push(id);
    if (w.changed.has(id)) r.incidentsUpdated++;
    else r.incidentsUnchanged++;
  }
  return r;
}

/** One more place archived bytes were read from, unless they belong to an incident above `clearance`. */
export function* addSource(sha256: string, source: string, fetchedAt: string, clearance: Tlp): Step<void> {
  if (!(yield* markingsOf(sha256)).every((m) => maySee(clearance, m))) return;
  yield* later([q("INSERT INTO sources (sha256, source, fetched_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", sha256, source, fetchedAt)]);
}

/** Archive a document (unless it is already) and where it was read from. */
export function* saveDocument(cf: Pick<Casefile, "doc" | "messages"> & { charset?: string | null; text?: string | null; analysis?: string }): Step<void> {
  const d = cf.doc;
  yield* later([
    q(`INSERT INTO documents (sha256, media_type, charset, size, bytes, text, title, published, parent, messages, analysis, first_seen)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12) ON CONFLICT DO NOTHING`,
      d.sha256, d.mediaType, cf.charset ?? null, d.bytes.length, d.bytes, cf.text ?? null, d.title ?? null, d.published ?? null, d.parent ?? null,
      json(cf.messages), cf.analysis ?? null, d.fetchedAt),
    q("INSERT INTO sources (sha256, source, fetched_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", d.sha256, d.source, d.fetchedAt),
  ]);
}

/** Which of these documents are archived already: read once for a batch of casefiles, then kept by saveCasefile. */
export function* archivedOf(shas: string[]): Step<Set<string>> {
  const [rows] = (yield* batch([q("SELECT sha256 FROM documents WHERE sha256 = ANY($1::text[])", shas)])) as [{ sha256: string }[]];
  return new Set(rows.map((r) => r.sha256));
}

/**
 * Save one casefile inside the caller's write transaction: its document, notices and the incidents they
 * open or touch. `digest`: its analysis digest when computed already (on a worker). `archived`: the
 * documents of its batch archived so far (archivedOf), which spares a round trip per casefile; without
 * it the archive is asked.
 */
export function* saveCasefile(w: Tx, cf: Casefile, writer: Writer, placement?: Placement, digest?: string, archived?: Set<string>): Step<SaveResult> {
  const batchArchived = archived ?? (yield* archivedOf([cf.doc.sha256]));
  const known = batchArchived.has(cf.doc.sha256);
  batchArchived.add(cf.doc.sha256);
  if (known) {
    yield* addSource(cf.doc.sha256, cf.doc.source, cf.doc.fetchedAt, writer.clearance);
    return { stored: false, notices: 0, incidentsNew: 0, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: [] };
  }
  checkNoticeMarkings(cf, writer);
  w.changed.clear();
  yield* saveDocument({ ...cf, analysis: digest ?? analysisDigest(cf) });
  return yield* tally(w, yield* writeNotices(w, cf, writer, true, placement), cf.notices.length, SYSTEM, "source_added");
}

/** Store new analyses of archived documents: notices rewritten, incidents refreshed; unchanged ones counted. */
export function* replaceAnalysis(w: Tx, items: Reanalysis[]): Step<SaveResult> {
  const touched = new Map<string, boolean>();
  const same = new Set<string>();
  let notices = 0;
  for (const item of items) {
    const sha = item.kind === "same" ? item.sha256 : item.casefile.doc.sha256;
    const [[stored], old] = (yield* batch([
      q("SELECT analysis FROM documents WHERE sha256 = $1", sha),
      q("SELECT id, incident_id FROM notices WHERE document = $1 ORDER BY seq", sha),
    ])) as [{ analysis: string | null }[], { id: string; incident_id: string | null }[]];
    if (!stored) continue;
    notices += item.kind === "same" ? item.notices : item.casefile.notices.length;
    // Its incidents, each once, in the order their first notice was stored.
    const ids = [...new Set(old.flatMap((o) => (o.incident_id ? [o.incident_id] : [])))];
    if (item.kind === "same" || stored.analysis === item.digest) {
      for (const id of ids) same.add(id);
      continue;
    }
    const { casefile: cf, digest } = item;
    for (const id of ids) if (!touched.has(id)) touched.set(id, false);
    // Findings by their notices' ids: an index lookup whatever the planner knows of the tables' sizes.
    yield* later([
      q("UPDATE documents SET text = $1, charset = $2, messages = $3::jsonb, analysis = $4 WHERE sha256 = $5", cf.text, cf.charset, json(cf.messages), digest, sha),
      q("DELETE FROM findings WHERE notice_id = ANY($1::text[])", old.map((o) => o.id)),
    ]);
    const keep = new Set(noticeRows(cf).map((r) => r.id));
    for (const o of old) {
      if (keep.has(o.id)) continue;
      yield* later([q("DELETE FROM notices WHERE id = $1", o.id)]);
      if (o.incident_id) yield* apply(w, [{ op: "event", incident: o.incident_id, who: SYSTEM, action: "reextracted", detail: { source_removed: o.id } }]);
    }
    for (const [id, created] of yield* writeNotices(w, cf, SYSTEM_WRITER, false)) touched.set(id, created || (touched.get(id) ?? false));
  }
  const r = yield* tally(w, touched, notices, SYSTEM, "reextracted");
  for (const id of same) if (!touched.has(id)) r.incidentsUnchanged++;
  return r;
}

/** Merge incidents into `target` (planMerge); returns its id. */
export function* merge(w: Tx, target: string, others: string[], actor: Writer): Step<string> {
  const to = writable(actor, target, yield* locate(target));
  const froms: (Located & { notices: string[] })[] = [];
  for (const o of others) {
    const f = writable(actor, o, yield* locate(o));
    froms.push({ ...f, notices: (yield* all<{ id: string }>("SELECT id FROM notices WHERE incident_id = $1 ORDER BY seq", f.id)).map((n) => n.id) });
  }
  yield* apply(w, planMerge(to, froms, actor));
  return to.id;
}

/** Split one notice, or every one, off an incident into incidents of their own (planUnmerge); returns the new ids. */
export function* unmerge(w: Tx, requested: string, actor: Writer, noticeId?: string): Step<string[]> {
  const found = writable(actor, requested, yield* locate(requested));
  const sources = yield* all<SplitSource>(`SELECT n.id, n.title, l.method FROM notices n LEFT JOIN links l ON l.notice_id = n.id WHERE n.incident_id = $1
    ORDER BY (l.method = 'first') DESC NULLS LAST, l.at NULLS FIRST, n.id`, found.id);
  const taken = yield* all<{ id: string }>("SELECT id FROM incidents WHERE id = ANY($1::text[])", sources.map((n) => ownIncident(n.id)));
  const plan = planUnmerge(found, sources, noticeId, new Set(taken.map((t) => t.id)), now(), actor);
  yield* apply(w, plan.writes);
  return plan.created;
}

/** Correct fields of an incident (planEdit); returns its id. */
export function* edit(w: Tx, requested: string, changes: FieldChange[], writer: Writer): Step<string> {
  const found = writable(writer, requested, yield* locate(requested));
  const row = yield* one<{ fields: string }>("SELECT fields FROM incidents WHERE id = $1", found.id);
  yield* apply(w, planEdit(found, parse<IncidentFields>(row!.fields), changes, writer));
  return found.id;
}

/** Withdraw the correction of a field (planRevert); returns the incident's id. */
export function* revert(w: Tx, requested: string, field: string, writer: Writer): Step<string> {
  const found = writable(writer, requested, yield* locate(requested));
  const corrected = (yield* one("SELECT 1 FROM overrides WHERE incident_id = $1 AND field = $2 AND active", found.id, field)) !== undefined;
  yield* apply(w, planRevert(found, field, corrected, writer));
  // Withdrawing a marking must not leave the incident marked above the writer's clearance.
  checkMarking(writer, (yield* one<{ tlp: string }>("SELECT tlp FROM incidents WHERE id = $1", found.id))!.tlp);
  return found.id;
}
