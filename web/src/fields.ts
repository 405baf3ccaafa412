import { EDITABLE_FIELDS, FIELD_NAMES, FIELDS, type FieldSpec, type KindedValue } from "../../src/core/fields.js";
import type { Count, Field, Period } from "../../src/core/types.js";
import { TLP_LEVELS } from "../../src/intel/taxonomies/tlp.js";
import { num, t, term } from "./i18n.js";

/** The fields the incident page shows first, in this order. */
const FIRST: readonly Field[] = [
  "organization", "disclosed_on", "discovered_on", "incident_types", "affected_count", "affected_count_text", "secondary_counts",
  "data_types", "sector", "cause", "exposure_period", "reported_to", "response", "measures", "indicators", "other_parties", "status", "casebook_id",
];

/** Every incident field in the order the incident page shows them: the first ones, then any other of the table. */
export const FIELD_ORDER: readonly Field[] = [...FIRST, ...FIELD_NAMES.filter((f) => !FIRST.includes(f))];

/** How a field is edited: one of a vocabulary, several of one, free text lines, or a typed single value. */
export type Editor =
  | { kind: "text" | "date" | "number" | "lines" | "period" }
  | { kind: "choice" | "multi"; terms: string; options: readonly string[]; clearable: boolean }
  | { kind: "cause"; categories: readonly string[] };

/** The editor of a field of the table, by its kind (none for secondary counts). */
function editorOf(spec: FieldSpec): Editor | null {
  switch (spec.kind) {
    case "text": return { kind: "text" };
    case "date": return { kind: "date" };
    case "count": return { kind: "number" };
    case "choice": return { kind: "choice", terms: spec.terms!, options: spec.vocabulary!, clearable: spec.fallback === undefined };
    case "enum-list": return { kind: "multi", terms: spec.terms!, options: spec.vocabulary!, clearable: true };
    case "text-list": return { kind: "lines" };
    case "period": return { kind: "period" };
    case "cause": return { kind: "cause", categories: spec.vocabulary! };
    case "counts": return null;
  }
}

/** The editor of each correctable field of the table, and of the TLP marking. */
export const EDITORS: Readonly<Record<string, Editor>> = {
  ...Object.fromEntries(EDITABLE_FIELDS.flatMap((f) => {
    const editor = editorOf(FIELDS[f]);
    return editor ? [[f, editor]] : [];
  })),
  tlp: { kind: "choice", terms: "tlp", options: TLP_LEVELS, clearable: false },
};

/** A value as lines of text, each term of the field's vocabulary by its label (empty when there is none). */
export function showValue(field: Field, v: KindedValue): string[] {
  const spec: FieldSpec = FIELDS[field];
  const word = (x: string) => (spec.terms ? term(spec.terms, x) : x);
  switch (v.kind) {
    case "text": case "date": return v.value ? [v.value] : [];
    case "count": return v.value === null ? [] : [t("list.people", { n: num(v.value) })];
    case "choice": return v.value === null ? [] : [word(v.value)];
    case "text-list": case "enum-list": return v.value.map(word);
    case "counts": return v.value.map((c) => c.text);
    case "period": return v.value ? [t("incident.period", { from: v.value.from ?? "?", to: v.value.to ?? "?" })] : [];
    case "cause": return v.value ? [`${word(v.value.category)}: ${v.value.text}`] : [];
  }
}

const isText = (x: unknown): x is string => typeof x === "string";
const isTextOrNull = (x: unknown): x is string | null => x === null || typeof x === "string";
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null;
const isPeriod = (x: unknown): x is Period => isRecord(x) && isTextOrNull(x.from) && isTextOrNull(x.to);
const isCause = (x: unknown): x is { text: string; category: string } => isRecord(x) && isText(x.text) && isText(x.category);
const isCount = (x: unknown): x is Count => isRecord(x) && typeof x.value === "number" && isText(x.text) && Array.isArray(x.qualifiers) && x.qualifiers.every(isText);

/** A value of no declared type (a change in the history) read as its field's kind, or null when it is not of that kind. */
export function asKinded(field: Field, value: unknown): KindedValue | null {
  const kind = FIELDS[field].kind;
  switch (kind) {
    case "text": case "date": case "choice": return isTextOrNull(value) ? { kind, value } : null;
    case "count": return value === null || typeof value === "number" ? { kind, value } : null;
    case "text-list": case "enum-list": return Array.isArray(value) && value.every(isText) ? { kind, value } : null;
    case "counts": return Array.isArray(value) && value.every(isCount) ? { kind, value } : null;
    case "period": return value === null || isPeriod(value) ? { kind, value } : null;
    case "cause": return value === null || isCause(value) ? { kind, value } : null;
  }
}
