import type { Casefile, IncidentFields, Notice, Tag } from "../../core/types.js";
import { analysisDigest } from "../../core/digest.js";
import { orgKey } from "../../intel/correlate.js";
import type { Writer } from "../../casebook/authorize.js";
import { bestMatch, planNotice, type Candidate } from "../../casebook/correlate.js";
import { checkNoticeMarkings } from "../../casebook/marking.js";
import { planRefresh, type IncidentRow } from "../../casebook/refresh.js";
import type { SourceDraft } from "../../casebook/sources.js";
import type { Write } from "../../casebook/trail.js";
import { charPairs, noticeRows, searchText, SYSTEM, type NoticeRow } from "../records.js";
import type { AnalysedCasefile, SaveResult } from "../types.js";
import { candidates, correlate, facetCombo, findingRows, listRows, noticeValues, rowsInsert, rowValues, saveCasefile, saveDocument, type Tx } from "./casebook.js";
import { batch, json, later, now, parse, q, type Query, type Row, type Step } from "./step.js";

// A batch of an ingest saved set-based. Most new documents' incident notices each open an incident of
// their own: no candidate to join, in the casebook or earlier in the batch. Those casefiles are decided
// in memory (the same planners, planNotice and planRefresh, on what a one-by-one save would read) and
// written together, one multi-row statement per table, instead of about twenty statements per notice.
// Any other casefile (a document archived already, a notice that correlates with an incident, anything
// the planners answer otherwise) is saved as saveCasefile saves it, after what was gathered before it
// is written: the casebook ends as saving the casefiles one by one in order leaves it.

/** An incident opened by a notice, as a one-by-one save would write it. */
interface Opening {
  row: NoticeRow;
  id: string;
  incident: IncidentRow;
  body: string;
  combo: string;
  at: string;
  link: Extract<Write, { op: "link" }>;
  event: Extract<Write, { op: "event" }>;
  /** What makes it a later notice's candidate (candidates: the same casebook number, or organisation key). */
  casebook: string | null;
  org: string;
}

/** New casefiles decided in memory and not yet written, with the incidents they open. */
interface Gathered {
  casefiles: { cf: Casefile; rows: NoticeRow[]; digest?: string }[];
  openings: Opening[];
}

/** What a save reads to place new incident notices: the candidates of each (by notice id), and which of the incident ids they would open are taken. */
interface Asked {
  candidates: Map<string, Row[]>;
  taken: Set<string>;
}

/**
 * Save a batch's casefiles inside the caller's write transaction, as saving them one by one in order
 * would: `archived` holds the batch's documents archived before it (archivedOf) and is kept up to date.
 */
export function* saveBatch(w: Tx, items: AnalysedCasefile[], writer: Writer, archived: Set<string>): Step<SaveResult[]> {
  const out: SaveResult[] = [];
  let gathered: Gathered = { casefiles: [], openings: [] };
  let asked: Asked | null = null;
  // Each casefile's notice rows (their ids hash the document), made once: candidates may be read again.
  const rowsOf = items.map((x) => noticeRows(x.casefile));
  for (let i = 0; i < items.length; i++) {
    const { casefile: cf, digest } = items[i]!;
    if (!archived.has(cf.doc.sha256)) {
      checkNoticeMarkings(cf, writer);
      asked ??= yield* ask(rowsOf.slice(i).filter((_, k) => !archived.has(items[i + k]!.casefile.doc.sha256)).flat(), writer);
      const rows = rowsOf[i]!;
      const openings = opensAlone(cf, rows, writer, asked, gathered.openings);
      if (openings) {
        archived.add(cf.doc.sha256);
        gathered.casefiles.push({ cf, rows, digest });
        gathered.openings.push(...openings);
        out.push({ stored: true, notices: cf.notices.length, incidentsNew: openings.length, incidentsUpdated: 0, incidentsUnchanged: 0, incidentIds: openings.map((o) => o.id) });
        continue;
      }
    }
    yield* write(w, gathered);
    gathered = { casefiles: [], openings: [] };
    const saved = yield* saveCasefile(w, cf, writer, undefined, digest, archived);
    // What it wrote may make an incident a later notice's candidate: theirs are read again.
    if (saved.stored) asked = null;
    out.push(saved);
  }
  yield* write(w, gathered);
  return out;
}

/** Read, in one batch, the candidates of every new incident notice among these rows, and which of the incidents they would open exist. */
function* ask(notices: NoticeRow[], writer: Writer): Step<Asked> {
  const joinable = notices.filter((r) => r.notice.isIncident && r.notice.incident);
  const rows = yield* batch([
    q("SELECT id FROM incidents WHERE id = ANY($1::text[])", joinable.map((r) => r.incidentId!)),
    ...joinable.map((r) => candidates(r.id, r.notice, writer.clearance)),
  ]);
  const [taken, ...found] = rows as [{ id: string }[], ...Row[][]];
  return { candidates: new Map(joinable.map((r, i) => [r.id, found[i]!])), taken: new Set(taken.map((t) => t.id)) };
}

/**
 * The incidents a new casefile's notices open, when each of its incident notices opens its own: no
 * candidate read for it (asked) nor any incident opened before it in the batch (`before`; these are
 * not stored yet) is the incident it reports. Null when any notice would do anything else.
 */
function opensAlone(cf: Casefile, rows: NoticeRow[], writer: Writer, asked: Asked, before: Opening[]): Opening[] | null {
  const mine: Opening[] = [];
  for (const row of rows) {
    const n = row.notice;
    if (!n.isIncident || !n.incident) continue;
    const stored = asked.candidates.get(row.id);
    if (!stored || asked.taken.has(row.incidentId!)) return null;
    // A one-by-one save reads the first 200 candidates among the stored ones and those opened before
    // it (the same casebook number, else organisation); these are all of them, so that no match here
    // means none there.
    const keys = { casebook: n.incident.fields.casebook_id ?? null, org: orgKey(n.incident.fields.organization) };
    const earlier = [...before, ...mine].filter((o) => (o.casebook !== null && o.casebook === keys.casebook) || (o.org !== "" && o.org === keys.org)).map(candidateOf);
    if (correlate(n, stored) || bestMatch({ title: n.title, fields: n.incident.fields }, earlier)) return null;
    const opening = open(cf, row, writer);
    if (!opening) return null;
    mine.push(opening);
  }
  return mine;
}

/** An incident opened in the batch as a candidate for later notices. */
function candidateOf(o: Opening): Candidate {
  return { id: o.id, title: o.incident.title, fields: o.incident.fields, tlp: o.incident.tlp };
}

/** The incident a new incident notice opens, as planNotice and its first refresh make it; null if they plan anything else. */
function open(cf: Casefile, row: NoticeRow, writer: Writer): Opening | null {
  const n = row.notice as Notice & { incident: NonNullable<Notice["incident"]> };
  const { writes } = planNotice({ row, source: cf.doc.source, before: null, into: null, system: SYSTEM, writer });
  const [o, place, link, event, refresh] = writes;
  if (writes.length !== 5 || o?.op !== "open" || place?.op !== "place" || link?.op !== "link" || event?.op !== "event" || refresh?.op !== "refresh") return null;
  // The source as a refresh reads it back: its JSON columns parsed.
  const plan = planRefresh({
    id: o.incident, who: refresh.who, cause: refresh.cause, keep: refresh.keep, overrides: [],
    sources: [{
      title: n.title, fields: parse<IncidentFields>(json(n.incident.fields)), tags: parse<Tag[] | null>(json(n.incident.tags)) ?? [],
      confidence: parse<SourceDraft["confidence"] | null>(json(n.incident.confidence)) ?? {},
    }],
    stored: { title: o.title, fields: null, tlp: "CLEAR", tags: [] },
  });
  if (plan.kind !== "update" || plan.writes.length) return null;
  const at = now();
  return {
    row, id: o.incident, incident: plan.row, at, link, event, casebook: plan.row.fields.casebook_id ?? null, org: orgKey(plan.row.fields.organization),
    body: searchText(plan.row.title, plan.row.fields, [(cf.text ?? "").slice(n.span[0], n.span[1])]),
    combo: facetCombo(plan.row, at),
  };
}

/** Write what was gathered: each document, then one statement per table for the incidents, notices and their rows. */
function* write(w: Tx, { casefiles, openings }: Gathered): Step<void> {
  if (casefiles.length === 0) return;
  for (const { cf, digest } of casefiles) yield* saveDocument({ ...cf, analysis: digest ?? analysisDigest(cf) });
  const placed = new Map(openings.map((o) => [o.row.id, o.id]));
  const notices = casefiles.flatMap(({ cf, rows }) => rows.map((row) => ({ cf, row })));
  const queries: Query[] = [
    ...rowsInsert("facet_combos (key)", "(r.value->>0)::jsonb", [...new Set(openings.map((o) => o.combo))].map((c) => [c])),
    ...rowsInsert(`incidents (id, title, organization, sector, disclosed_on, discovered_on, event_date, affected_count, fields, tlp, tags, casebook_id, org_key,
        created_at, updated_at, facet_combo${w.index.insert.columns})`,
      `r.value->>12, r.value->>0, r.value->>1, r.value->>2, r.value->>3, r.value->>4, coalesce(r.value->>5, substr(r.value->>13, 1, 10)), (r.value->>6)::bigint,
        (r.value->>7)::jsonb, r.value->>8, (r.value->>9)::jsonb, r.value->>10, r.value->>11, r.value->>13, r.value->>13,
        (SELECT c.id FROM facet_combos c WHERE c.key = (r.value->>14)::jsonb)${w.index.insert.select}`,
      // rowValues fills 0–11; where the text is a column of the row, it and its pairs are 15 and 16 (SearchIndex.insert).
      openings.map((o) => [...rowValues(o.incident), o.id, o.at, o.combo, ...w.index.pairs ? [o.body, charPairs(o.body)] : []])),
    ...openings.length ? [q("DELETE FROM incident_aliases WHERE alias = ANY($1::text[])", openings.map((o) => o.id))] : [],
    ...rowsInsert(`notices (id, document, idx, title, span_start, span_end, kind, is_incident, reason, listing_date, category, fields, confidence, tags, incident_id)`,
      `r.value->>0, r.value->>1, (r.value->>2)::int, r.value->>3, (r.value->>4)::int, (r.value->>5)::int, r.value->>6, (r.value->>7)::boolean, r.value->>8,
        r.value->>9, r.value->>10, (r.value->>11)::jsonb, (r.value->>12)::jsonb, (r.value->>13)::jsonb, r.value->>14`,
      notices.map(({ cf, row }) => [...noticeValues(row, cf.doc.sha256), placed.get(row.id) ?? null])),
    ...findingRows(notices.map(({ row }) => row)),
    ...rowsInsert(`links (notice_id, incident_id, method, score, reason, "by", at)`,
      "r.value->>0, r.value->>1, r.value->>2, (r.value->>3)::float8, r.value->>4, r.value->>5, r.value->>6",
      openings.map(({ link: l, at }) => [l.notice, l.incident, l.method, l.score, l.reason, l.by, at])),
    ...rowsInsert("events (incident_id, at, who, action, detail)", "r.value->>0, r.value->>1, r.value->>2, r.value->>3, (r.value->>4)::jsonb",
      openings.map(({ event: e, at }) => [e.incident, at, e.who, e.action, json(e.detail)])),
    ...listRows(openings.map((o) => ({ id: o.id, fields: o.incident.fields }))),
  ];
  yield* later(queries);
  for (const o of openings) yield* w.index.put(o.id, o.body);
}
