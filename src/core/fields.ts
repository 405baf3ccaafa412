// The incident's fields as one table: what each holds, its vocabulary, how sources merge, whether an
// analyst may correct it and its CSV columns. The field types, empty values, merging, correction checks,
// API schemas, CSV columns and the web editors are all read from it: a new field is one row here.
import { CAUSE_CATEGORIES, DATA_TYPES, INCIDENT_TYPES, REPORTED_TO, SECTORS, STATUSES, type Count, type Period } from "./values.js";

/**
 * What a field holds: free `text`, a `date` YYYY-MM-DD, a `count` (non-negative integer), a `choice` of
 * its vocabulary, a `text-list`, an `enum-list` of its vocabulary, a `period` {from, to}, a `cause`
 * {text, category} or `counts` (secondary counts with their phrases).
 */
export const FIELD_KINDS = ["text", "date", "count", "choice", "text-list", "enum-list", "period", "cause", "counts"] as const;
/** One kind of field. */
export type FieldKind = (typeof FIELD_KINDS)[number];

/**
 * How the sources' values become the incident's: `union` keeps every distinct element, oldest source
 * first; `most-confident` the value of the most confident source (the later among equals: a follow-up's
 * updated count replaces the first report's); `follows-count` the value of the latest source whose
 * affected_count the incident kept (a count and its phrase travel together).
 */
export type MergePolicy = "union" | "most-confident" | "follows-count";

/** One row of the field table. */
export interface FieldSpec {
  kind: FieldKind;
  /** The terms a choice, enum-list or cause category must be one of. */
  vocabulary?: readonly string[];
  /** The name its terms are labelled under (`vocab.<terms>.<value>` in the web catalogs). */
  terms?: string;
  /** The value when nothing is known, when not null (or [] for a list). */
  fallback?: string;
  merge: MergePolicy;
  /** Whether an analyst may correct it. */
  editable: boolean;
  /** Its columns in the CSV export, as many as its kind has cells. */
  csv: readonly string[];
}

/** Every incident field, in the order of the gold annotations (and of the CSV export). */
export const FIELDS = {
  organization: { kind: "text", merge: "most-confident", editable: true, csv: ["organization"] },
  other_parties: { kind: "text-list", merge: "union", editable: true, csv: ["other_parties"] },
  disclosed_on: { kind: "date", merge: "most-confident", editable: true, csv: ["disclosed_on"] },
  discovered_on: { kind: "date", merge: "most-confident", editable: true, csv: ["discovered_on"] },
  exposure_period: { kind: "period", merge: "most-confident", editable: true, csv: ["exposure_from", "exposure_to"] },
  incident_types: { kind: "enum-list", vocabulary: INCIDENT_TYPES, terms: "type", merge: "union", editable: true, csv: ["incident_types"] },
  affected_count: { kind: "count", merge: "most-confident", editable: true, csv: ["affected_count"] },
  affected_count_text: { kind: "text", merge: "follows-count", editable: true, csv: ["affected_count_text"] },
  secondary_counts: { kind: "counts", merge: "union", editable: false, csv: ["secondary_counts"] },
  data_types: { kind: "enum-list", vocabulary: DATA_TYPES, terms: "data", merge: "union", editable: true, csv: ["data_types"] },
  reported_to: { kind: "enum-list", vocabulary: REPORTED_TO, terms: "reported", merge: "union", editable: true, csv: ["reported_to"] },
  sector: { kind: "choice", vocabulary: SECTORS, terms: "sector", merge: "most-confident", editable: true, csv: ["sector"] },
  indicators: { kind: "text-list", merge: "union", editable: true, csv: ["indicators"] },
  cause: { kind: "cause", vocabulary: CAUSE_CATEGORIES, terms: "cause", merge: "most-confident", editable: true, csv: ["cause_category", "cause"] },
  response: { kind: "text-list", terms: "response", merge: "union", editable: true, csv: ["response"] },
  measures: { kind: "text-list", merge: "union", editable: true, csv: ["measures"] },
  status: { kind: "choice", vocabulary: STATUSES, terms: "status", fallback: "unknown", merge: "most-confident", editable: true, csv: ["status"] },
  casebook_id: { kind: "text", merge: "most-confident", editable: true, csv: ["casebook_id"] },
} as const satisfies Record<string, FieldSpec>;

/** Every field name, in table order. */
export const FIELD_NAMES = Object.keys(FIELDS) as (keyof typeof FIELDS)[];

/** The value type of each kind, given the field's vocabulary terms `V`. */
interface KindValue<V> {
  text: string | null;
  date: string | null;
  count: number | null;
  choice: V | null;
  "text-list": string[];
  "enum-list": V[];
  period: Period | null;
  cause: { text: string; category: V } | null;
  counts: Count[];
}

/** The terms of a row's vocabulary. */
type Terms<S> = S extends { vocabulary: readonly (infer V)[] } ? V : never;

/** The value type of one row: its kind's, never null when it has a fallback. */
type ValueOf<S extends FieldSpec> = S extends { fallback: string } ? Terms<S> : KindValue<Terms<S>>[S["kind"]];

/** The incident's fields as the table declares them (core/types.ts names this `IncidentFields`). */
export type FieldValues = { -readonly [F in keyof typeof FIELDS]: ValueOf<(typeof FIELDS)[F]> };

/** The name of an incident field. */
export type Field = keyof FieldValues;

/** A field's value with its kind: code that handles each kind switches on `kind` and gets the value's type. */
export type KindedValue = { [K in FieldKind]: { kind: K; value: KindValue<string>[K] } }[FieldKind];

/** Compiles only when every field's value is of its kind's type: what makes `kinded` sound. */
type EveryFieldOfItsKind<T extends true> = T;
type FieldsOfTheirKinds = EveryFieldOfItsKind<{ [F in Field]: FieldValues[F] extends KindValue<string>[(typeof FIELDS)[F]["kind"]] ? true : false }[Field]>;

/** One field of an incident with its kind. */
export function kinded(fields: FieldValues, field: Field): KindedValue {
  return { kind: FIELDS[field].kind, value: fields[field] } as KindedValue;
}

/** The fields an analyst may correct, in table order. */
export const EDITABLE_FIELDS = FIELD_NAMES.filter((f) => FIELDS[f].editable);

/** Whether a name is one of the table's fields. */
export function isField(name: string): name is Field {
  return Object.hasOwn(FIELDS, name);
}

/** Whether a field holds a list (its empty value is []). */
export function isList(field: Field): boolean {
  const kind: FieldKind = FIELDS[field].kind;
  return kind === "text-list" || kind === "enum-list" || kind === "counts";
}

/** A field's value when nothing is known: [] for a list, its fallback, else null. */
export function emptyValue<F extends Field>(field: F): FieldValues[F] {
  const spec: FieldSpec = FIELDS[field];
  return (isList(field) ? [] : spec.fallback ?? null) as FieldValues[F];
}

/** Fields built one at a time, in table order. */
export function fieldsFrom(value: <F extends Field>(field: F) => FieldValues[F]): FieldValues {
  return Object.fromEntries(FIELD_NAMES.map((f) => [f, value(f)])) as FieldValues;
}

/** An incident with every field present and empty. */
export function emptyFields(): FieldValues {
  return fieldsFrom(emptyValue);
}

/** One source's version of the fields, with its confidence per field, for merging. */
export interface SourceFields {
  fields: FieldValues;
  confidence: Partial<Record<Field, number>>;
}

/** Whether two values are the same (as JSON). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** One field's value merged from its sources, oldest first, by the field's merge policy. Pure. */
export function mergeFieldValues<F extends Field>(field: F, sources: readonly SourceFields[]): FieldValues[F] {
  const policy: MergePolicy = FIELDS[field].merge;
  if (policy === "follows-count") {
    const kept = mergeFieldValues("affected_count", sources);
    const counted = sources.findLast((s) => s.fields.affected_count === kept);
    return counted ? counted.fields[field] : emptyValue(field);
  }
  if (policy === "union") {
    const merged: unknown[] = [];
    for (const s of sources) for (const x of s.fields[field] as unknown[]) if (!merged.some((y) => same(x, y))) merged.push(x);
    return merged as FieldValues[F];
  }
  const empty = emptyValue(field);
  let best = empty, bestConfidence = 0;
  for (const s of sources) {
    const v = s.fields[field];
    if (v === null || v === undefined || v === empty) continue;
    const c = Math.round((s.confidence[field] ?? 0.5) * 10) / 10;
    if (c >= bestConfidence) [best, bestConfidence] = [v, c];
  }
  return best;
}
