import { z } from "@hono/zod-openapi";
import { FIELD_NAMES, FIELDS, type FieldSpec } from "../core/fields.js";
import { NOTICE_KINDS, TAXONOMY_NAMES, type Field, type IncidentFields as CoreFields } from "../core/types.js";
import { STAT_DIMENSIONS } from "../intel/stats.js";
import { TLP_LEVELS } from "../intel/taxonomies/tlp.js";
import { ERROR_CODES } from "./errors.js";

/** Every error response. */
export const ErrorBody = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
}).openapi("Error");

/** An incident id such as `inc_7638a895e80e8494`. */
export const IncidentId = z.string().regex(/^inc_[0-9a-f]{16}$/, "an incident id inc_ + 16 hex digits")
  .openapi({ example: "inc_7638a895e80e8494" });

/** A notice id such as `ntc_…`. */
export const NoticeId = z.string().regex(/^ntc_[0-9a-f]{16}$/, "a notice id ntc_ + 16 hex digits");

/** A `YYYY-MM-DD` (or `YYYY-MM`) date in a query. */
export const QueryDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, "a date YYYY-MM-DD or YYYY-MM");

/** A TLP 2.0 level. */
export const TlpLevel = z.enum(TLP_LEVELS);

/** A name in Japanese and English. */
const Label = z.object({ ja: z.string(), en: z.string() });
const Span = z.tuple([z.number().int(), z.number().int()]).readonly().openapi({ description: "[start, end) UTF-16 offsets into the document's decoded text" });

const Period = z.object({ from: z.string().nullable(), to: z.string().nullable() });
const Count = z.object({ value: z.number(), text: z.string(), qualifiers: z.array(z.string()) });

/** The schema of a field's value, by its kind and vocabulary in `FIELDS`. */
function fieldSchema(spec: FieldSpec): z.ZodType {
  const terms = () => z.enum(spec.vocabulary!);
  switch (spec.kind) {
    case "text": case "date": return z.string().nullable();
    case "count": return z.number().nullable();
    case "choice": return spec.fallback ? terms() : terms().nullable();
    case "text-list": return z.array(z.string());
    case "enum-list": return z.array(terms());
    case "period": return Period.nullable();
    case "cause": return z.object({ text: z.string(), category: terms() }).nullable();
    case "counts": return z.array(Count);
  }
}

/** Each field's schema, read from the field table. */
const FIELD_SCHEMAS = Object.fromEntries(FIELD_NAMES.map((f) => [f, fieldSchema(FIELDS[f])])) as { [F in Field]: z.ZodType<CoreFields[F]> };

/** An incident as lists return it. */
export const IncidentSummary = z.object({
  id: z.string(),
  title: z.string(),
  organization: FIELD_SCHEMAS.organization,
  sector: FIELD_SCHEMAS.sector,
  disclosed_on: FIELD_SCHEMAS.disclosed_on,
  discovered_on: FIELD_SCHEMAS.discovered_on,
  incident_types: FIELD_SCHEMAS.incident_types,
  affected_count: FIELD_SCHEMAS.affected_count,
  sources: z.number().int(),
  updated_at: z.string(),
}).openapi("IncidentSummary");

/** The structured fields of an incident, one per row of `FIELDS`. */
export const IncidentFields = z.object(FIELD_SCHEMAS).openapi("IncidentFields");

const Tag = z.object({
  taxonomy: z.enum(TAXONOMY_NAMES), value: z.string(), label: Label, reason: z.string(), span: Span.optional(), confidence: z.number(),
}).openapi("Tag");

const Finding = z.object({
  field: z.enum(FIELD_NAMES), value: z.unknown(), span: Span, text: z.string(), confidence: z.number(), rule: z.string(),
}).openapi("Finding");

const Notice = z.object({
  id: z.string(),
  document: z.string(),
  title: z.string(),
  span: Span,
  kind: z.enum(NOTICE_KINDS),
  is_incident: z.boolean(),
  reason: z.string(),
  listing_date: z.string().nullable(),
  source: z.string(),
  fetched_at: z.string(),
  fields: IncidentFields.nullable(),
  findings: z.array(Finding),
  link: z.object({
    method: z.enum(["first", "auto", "manual"]), score: z.number().nullable(), reason: z.string(), by: z.string(), at: z.string(),
  }).nullable(),
}).openapi("Notice");

/** An incident with every field, its sources and the evidence for each field. */
export const IncidentDetail = IncidentSummary.extend({
  fields: IncidentFields,
  tlp: z.string(),
  tags: z.array(Tag),
  notices: z.array(Notice),
  overrides: z.array(z.object({ id: z.number().int(), field: z.string(), value: z.unknown(), who: z.string(), at: z.string(), why: z.string().nullable() })),
  related: z.array(z.object({ id: z.string(), title: z.string(), organization: z.string().nullable(), reason: z.string() })),
  aliases: z.array(z.string()),
  created_at: z.string(),
}).openapi("IncidentDetail");

/** Why something is asked for, for the history and the audit log. */
export const Why = z.string().trim().min(1).max(2000).openapi({ description: "why, for the history and the audit log" });

/** One facet's counts. */
const FacetCounts = z.array(z.object({ key: z.string(), count: z.number().int() }));
/** GET /incidents: a page of incidents, the number matching and counts per facet. */
export const IncidentList = z.object({
  items: z.array(IncidentSummary.extend({
    snippet: z.string().nullable().optional().openapi({ description: "with snippets=true: notice text around the first match (null when the notice text does not contain it)" }),
  })),
  total: z.number().int().nullable().openapi({ description: "incidents matching (null with facets=false)" }),
  facets: z.object({ type: FacetCounts, sector: FacetCounts, year: FacetCounts, tlp: FacetCounts, cause: FacetCounts, basics: FacetCounts }).nullable(),
}).openapi("IncidentList");

/** One event of an incident's history. */
export const Event = z.object({
  at: z.string(),
  who: z.string(),
  action: z.enum(["created", "source_added", "merged", "unmerged", "edited", "reverted", "reextracted", "split_off"]),
  detail: z.record(z.string(), z.unknown()),
}).openapi("Event");

/** An archived document, with its decoded text. */
export const DocumentMeta = z.object({
  sha256: z.string(),
  media_type: z.string(),
  charset: z.string().nullable(),
  size: z.number().int(),
  title: z.string().nullable(),
  published: z.string().nullable(),
  parent: z.string().nullable(),
  sources: z.array(z.object({ source: z.string(), fetched_at: z.string() })),
  messages: z.array(z.object({
    stage: z.string(), severity: z.enum(["info", "warning", "error"]), code: z.string(), text: z.string(), span: z.tuple([z.number().int(), z.number().int()]).optional(),
  })),
  text: z.string().nullable().openapi({ description: "the decoded text every evidence span indexes into" }),
}).openapi("Document");

const Cell = z.object({ key: z.string(), label: z.string(), incidents: z.number().int() });
/** One row of a breakdown, as `tally` returns it (the reports' tables use the same rows). */
export const StatRow = z.object({
  key: z.string(), label: z.string(), incidents: z.number().int(), people: z.number(), median: z.number().nullable(), unknown_count: z.number().int(),
  split: z.array(Cell).optional(),
}).openapi("StatRow");
/** A breakdown of incidents by one dimension (GET /stats). */
export const Stats = z.object({
  by: z.enum(STAT_DIMENSIONS),
  split: z.enum(STAT_DIMENSIONS).optional(),
  total: z.number().int(),
  people: z.number(),
  unknown_count: z.number().int(),
  rows: z.array(StatRow),
}).openapi("Stats");
