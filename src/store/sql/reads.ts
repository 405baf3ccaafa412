import type { Finding, IncidentFields, Message, NoticeKind, Sector, Tag } from "../../core/types.js";
import { indicatorRecords, relatedOf, type IndicatorRow } from "../records.js";
import { NotFoundError } from "../types.js";
import type {
  EventRecord, IncidentDetail, IncidentLink, IncidentSummary, IndicatorRecord, LinkRecord, OverrideRecord, RelatedIncident, StoredDocument,
} from "../types.js";
import { all, batch, one, parse, q, type Query, type Step } from "./step.js";

// What the store reads the same way on both backends: documents, an incident with its sources and
// trail, what links incidents, and markings.

/** An incident summary's row (incident_types: JSON text). */
export interface IncidentRow {
  id: string;
  title: string;
  organization: string | null;
  sector: string | null;
  disclosed_on: string | null;
  discovered_on: string | null;
  incident_types: string | null;
  affected_count: number | null;
  created_at: string;
  updated_at: string;
  sources: number;
}

/** The columns of an incident summary, on incident alias `i` (SQLite and PostgreSQL alike). */
export const SUMMARY_COLUMNS = `i.id, i.title, i.organization, i.sector, i.disclosed_on, i.discovered_on, i.fields->'incident_types' AS incident_types,
  i.affected_count, i.created_at, i.updated_at, (SELECT count(*) FROM notices n WHERE n.incident_id = i.id) AS sources`;

/** An incident summary from its row. */
export function summary(r: IncidentRow): IncidentSummary {
  return {
    id: r.id, title: r.title, organization: r.organization, sector: r.sector as Sector | null,
    disclosed_on: r.disclosed_on, discovered_on: r.discovered_on, incident_types: parse<IncidentFields["incident_types"] | null>(r.incident_types) ?? [],
    affected_count: r.affected_count, sources: r.sources, updated_at: r.updated_at,
  };
}

/**
 * The incident an id names (itself, or the incident it was merged into) with its marking, in one
 * query whatever the answer, so that callers decide only after the lookup.
 */
export function* locate(id: string): Step<{ id: string; tlp: string } | null> {
  const found = yield* one<{ id: string; tlp: string }>(`SELECT i.id, i.tlp FROM incidents i WHERE i.id = $1
    UNION ALL
    SELECT i.id, i.tlp FROM incident_aliases a JOIN incidents i ON i.id = a.incident_id
    WHERE a.alias = $1 AND NOT EXISTS (SELECT 1 FROM incidents x WHERE x.id = $1)`, id);
  return found ? { id: found.id, tlp: found.tlp } : null;
}

/** The incident an id names, or an error saying there is none. */
function* mustResolve(id: string): Step<string> {
  const found = yield* locate(id);
  if (!found) throw new NotFoundError(`no incident ${id}`);
  return found.id;
}

/** The markings of the incidents that draw on a document or on any document carved out of it (CROSS JOIN: SQLite walks from the tree). */
export function* markingsOf(sha256: string): Step<string[]> {
  return (yield* all<{ tlp: string }>(`WITH RECURSIVE tree(sha) AS (SELECT $1::text COLLATE "C" UNION SELECT d.sha256 FROM documents d JOIN tree t ON d.parent = t.sha)
    SELECT DISTINCT i.tlp FROM tree CROSS JOIN notices n CROSS JOIN incidents i WHERE n.document = tree.sha AND i.id = n.incident_id`, sha256)).map((r) => r.tlp);
}

/** The marking of each incident (or merged-away id) among `ids` that exists. */
export function* incidentMarkings(ids: string[]): Step<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = yield* all<{ ref: string; tlp: string }>(`SELECT i.id AS ref, i.tlp FROM incidents i WHERE i.id = ANY($1::text[])
    UNION ALL
    SELECT a.alias, i.tlp FROM incident_aliases a JOIN incidents i ON i.id = a.incident_id
    WHERE a.alias = ANY($1::text[]) AND NOT EXISTS (SELECT 1 FROM incidents x WHERE x.id = a.alias)`, ids);
  return new Map(rows.map((r) => [r.ref, r.tlp]));
}

/** Archived documents' hashes, oldest first. */
export function* documentHashes(): Step<string[]> {
  return (yield* all<{ sha256: string }>("SELECT sha256 FROM documents ORDER BY first_seen, sha256")).map((r) => r.sha256);
}

/** The hashes of up to `limit` archived documents after `after` (null: from the first), oldest first. */
export function* documentHashesAfter(after: { first_seen: string; sha256: string } | null, limit: number): Step<{ first_seen: string; sha256: string }[]> {
  return after === null
    ? yield* all<{ first_seen: string; sha256: string }>("SELECT first_seen, sha256 FROM documents ORDER BY first_seen, sha256 LIMIT $1", limit)
    : yield* all<{ first_seen: string; sha256: string }>(`SELECT first_seen, sha256 FROM documents WHERE (first_seen, sha256) > ($1::text, $2::text)
      ORDER BY first_seen, sha256 LIMIT $3`, after.first_seen, after.sha256, limit);
}

/** An archived document with its sources and bytes, and the digest of its analysis. */
export type ArchivedDocument = StoredDocument & { bytes: Uint8Array; analysis: string | null };

/** Archived documents, in the order of `shas` (those not archived left out). */
export function* documentsOf(shas: string[]): Step<ArchivedDocument[]> {
  if (shas.length === 0) return [];
  const [docs, sources] = (yield* batch([
    q("SELECT sha256, media_type, charset, size, bytes, text, title, published, parent, messages, analysis FROM documents WHERE sha256 = ANY($1::text[])", shas),
    q("SELECT sha256, source, fetched_at FROM sources WHERE sha256 = ANY($1::text[]) ORDER BY fetched_at, source", shas),
  ])) as [
    { sha256: string; media_type: string; charset: string | null; size: number; bytes: Buffer; text: string | null; title: string | null; published: string | null; parent: string | null; messages: string; analysis: string | null }[],
    { sha256: string; source: string; fetched_at: string }[],
  ];
  const bySha = new Map(docs.map((r) => [r.sha256, r]));
  const sourcesOf = new Map<string, { source: string; fetched_at: string }[]>();
  for (const s of sources) sourcesOf.set(s.sha256, [...sourcesOf.get(s.sha256) ?? [], { source: s.source, fetched_at: s.fetched_at }]);
  return shas.flatMap((sha) => {
    const r = bySha.get(sha);
    return r ? [{
      sha256: r.sha256, mediaType: r.media_type, charset: r.charset, size: r.size, title: r.title, published: r.published, parent: r.parent,
      sources: sourcesOf.get(sha) ?? [], messages: parse<Message[]>(r.messages), text: r.text, bytes: new Uint8Array(r.bytes), analysis: r.analysis,
    }] : [];
  });
}

/** Incidents sharing an indicator, a named party or the organisation with this one. */
function related(id: string): Query {
  return q(`SELECT id, title, organization, reason FROM (
      SELECT 1 AS part, a.value AS k1, '' COLLATE "C" AS k2, b.seq, other.id, other.title, other.organization, 'shares indicator ' || a.value AS reason
        FROM incident_indicators a JOIN incident_indicators b ON b.key = a.key AND b.incident_id <> a.incident_id
        JOIN incidents other ON other.id = b.incident_id WHERE a.incident_id = $1
      UNION ALL
      SELECT 2, a.key, a.role, b.seq, other.id, other.title, other.organization,
             CASE WHEN a.role = 'organization' AND b.role = 'organization' THEN 'same organisation ' || b.name
                  WHEN a.role = 'organization' THEN 'names this organisation (' || b.name || ') as a party'
                  WHEN b.role = 'organization' THEN 'is ' || b.name || ', a party here'
                  ELSE 'shares party ' || b.name END
        FROM incident_parties a JOIN incident_parties b ON b.key = a.key AND b.incident_id <> a.incident_id
        JOIN incidents other ON other.id = b.incident_id WHERE a.incident_id = $1
    ) r ORDER BY part, k1, k2, seq LIMIT 100`, id);
}

type NoticeRow = {
  id: string; document: string; title: string; span_start: number; span_end: number; kind: string; is_incident: number | boolean; reason: string;
  listing_date: string | null; source: string; fetched_at: string; fields: string | null; method: LinkRecord["method"] | null; score: number | null;
  link_reason: string | null; link_by: string | null; link_at: string | null;
};
type FindingRow = { notice_id: string; field: Finding["field"]; value: string; span_start: number; span_end: number; text: string; confidence: number; rule: string };

/** An incident with its sources, findings, corrections, related incidents and aliases. */
export function* incidentDetail(requested: string): Step<IncidentDetail | null> {
  const id = (yield* locate(requested))?.id;
  if (!id) return null;
  const source = (column: string) => `(SELECT s.${column} FROM sources s WHERE s.sha256 = n.document ORDER BY s.fetched_at, s.source LIMIT 1)`;
  const [[r], rows, found, overrides, aliases, relatedRows] = (yield* batch([
    q(`SELECT ${SUMMARY_COLUMNS}, i.fields, i.tlp, i.tags FROM incidents i WHERE i.id = $1`, id),
    q(`SELECT n.id, n.document, n.title, n.span_start, n.span_end, n.kind, n.is_incident, n.reason, n.listing_date, ${source("source")} AS source,
        ${source("fetched_at")} AS fetched_at, n.fields, l.method, l.score, l.reason AS link_reason, l."by" AS link_by, l.at AS link_at
      FROM notices n JOIN documents d ON d.sha256 = n.document LEFT JOIN links l ON l.notice_id = n.id
      WHERE n.incident_id = $1 ORDER BY d.first_seen, n.idx, n.seq`, id),
    q(`SELECT f.notice_id, f.field, f.value, f.span_start, f.span_end, f.text, f.confidence, f.rule FROM findings f
      WHERE f.notice_id IN (SELECT id FROM notices WHERE incident_id = $1) ORDER BY f.notice_id, f.span_start, f.seq`, id),
    q("SELECT id, field, value, who, at, why FROM overrides WHERE incident_id = $1 AND active ORDER BY id", id),
    q("SELECT alias FROM incident_aliases WHERE incident_id = $1 ORDER BY alias", id),
    related(id),
  ])) as [(IncidentRow & { fields: string; tlp: string; tags: string })[], NoticeRow[], FindingRow[], (Omit<OverrideRecord, "value"> & { value: string })[], { alias: string }[], RelatedIncident[]];
  if (!r) return null;
  const findings = new Map<string, Finding[]>();
  for (const f of found) {
    findings.set(f.notice_id, [...findings.get(f.notice_id) ?? [], { field: f.field, value: parse(f.value), span: [f.span_start, f.span_end], text: f.text, confidence: f.confidence, rule: f.rule }]);
  }
  return {
    ...summary(r), fields: parse<IncidentFields>(r.fields), tlp: r.tlp, tags: parse<Tag[]>(r.tags),
    notices: rows.map((n) => ({
      id: n.id, document: n.document, title: n.title, span: [n.span_start, n.span_end], kind: n.kind as NoticeKind,
      is_incident: Boolean(n.is_incident), reason: n.reason, listing_date: n.listing_date, source: n.source, fetched_at: n.fetched_at,
      fields: parse<IncidentFields | null>(n.fields), findings: findings.get(n.id) ?? [],
      link: n.method ? { method: n.method, score: n.score, reason: n.link_reason!, by: n.link_by!, at: n.link_at! } : null,
    })),
    overrides: overrides.map((o) => ({ id: o.id, field: o.field, value: parse<unknown>(o.value), who: o.who, at: o.at, why: o.why })),
    related: relatedOf(relatedRows), aliases: aliases.map((a) => a.alias), created_at: r.created_at,
  };
}

/** An incident's trail, oldest first. */
export function* history(requested: string): Step<EventRecord[]> {
  const id = yield* mustResolve(requested);
  return (yield* all<{ at: string; who: string; action: EventRecord["action"]; detail: string }>("SELECT at, who, action, detail FROM events WHERE incident_id = $1 ORDER BY id", id))
    .map((e) => ({ at: e.at, who: e.who, action: e.action, detail: parse<Record<string, unknown>>(e.detail) }));
}

/** The parties and indicators of incidents, by incident, role and name. */
export function* incidentLinks(ids: string[]): Step<IncidentLink[]> {
  return yield* all<IncidentLink>(`SELECT incident_id, role, key, name, indicator_kind FROM (
      SELECT p.incident_id, p.role, p.key, p.name, NULL::text AS indicator_kind FROM incident_parties p WHERE p.incident_id = ANY($1::text[])
      UNION ALL
      SELECT ii.incident_id, 'indicator', ii.key, ii.value, ii.kind FROM incident_indicators ii WHERE ii.incident_id = ANY($1::text[])
    ) l ORDER BY incident_id COLLATE "C", role COLLATE "C", name COLLATE "C"`, ids);
}

/** Indicators with the incidents mentioning them (only those in two or more: `shared`). */
export function* indicators(filter: { shared?: boolean; limit?: number }): Step<IndicatorRecord[]> {
  const rows = yield* all<IndicatorRow>(`SELECT ii.value, ii.kind, i.id, i.title, i.organization FROM incident_indicators ii JOIN incidents i ON i.id = ii.incident_id
    WHERE $1::boolean OR ii.key IN (SELECT key FROM incident_indicators WHERE key IS NOT NULL GROUP BY key HAVING count(*) >= 2)
    ORDER BY ii.value, i.event_date DESC NULLS LAST, ii.seq`, !filter.shared);
  return indicatorRecords(rows, filter.limit ?? 1000);
}
