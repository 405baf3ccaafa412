// Shapes of the API's answers the UI reads (see /api/openapi.json).

/** A [start, end) range of UTF-16 offsets into a document's decoded text. */
export type Span = readonly [number, number];

/** An incident as lists return it. */
export interface IncidentSummary {
  id: string;
  title: string;
  organization: string | null;
  sector: string | null;
  disclosed_on: string | null;
  discovered_on: string | null;
  incident_types: string[];
  affected_count: number | null;
  sources: number;
  updated_at: string;
  snippet?: string | null;
}

/** One facet's counts. */
export type FacetCounts = { key: string; count: number }[];

/** GET /incidents. */
export interface IncidentList {
  items: IncidentSummary[];
  total: number | null;
  facets: Record<"type" | "sector" | "year" | "tlp" | "cause" | "basics", FacetCounts> | null;
}

/** One extracted value with the words it came from. */
export interface Finding {
  field: string;
  value: unknown;
  span: Span;
  text: string;
  confidence: number;
  rule: string;
}

/** A taxonomy tag. */
export interface Tag {
  taxonomy: string;
  value: string;
  label: { ja: string; en: string };
  reason: string;
  span?: Span;
  confidence: number;
}

/** A notice (source) of an incident. */
export interface Notice {
  id: string;
  document: string;
  title: string;
  span: Span;
  kind: string;
  is_incident: boolean;
  reason: string;
  listing_date: string | null;
  source: string;
  fetched_at: string;
  findings: Finding[];
  link: { method: string; score: number | null; reason: string; by: string; at: string } | null;
}

/** GET /incidents/{id}. */
export interface IncidentDetail extends IncidentSummary {
  fields: Record<string, unknown>;
  tlp: string;
  tags: Tag[];
  notices: Notice[];
  overrides: { id: number; field: string; value: unknown; who: string; at: string; why: string | null }[];
  related: { id: string; title: string; organization: string | null; reason: string }[];
  aliases: string[];
  created_at: string;
}

/** GET /documents/{sha256} (the parts the UI reads). */
export interface DocumentView {
  sha256: string;
  media_type: string;
  text: string | null;
}

/** One event of an incident's history. */
export interface HistoryEvent {
  at: string;
  who: string;
  action: string;
  detail: Record<string, unknown>;
}

/** GET /stats. */
export interface Stats {
  total: number;
  people: number;
  unknown_count: number;
}
