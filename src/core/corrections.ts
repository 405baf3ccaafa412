import { parseTlp } from "../intel/taxonomies/tlp.js";
import type { FieldChange } from "../casebook/edit.js";
import { EDITABLE_FIELDS, emptyValue, FIELD_NAMES, FIELDS, isField, type FieldKind, type FieldSpec } from "./fields.js";

/** Raised for a correction that names an unknown field or a value outside its vocabulary. */
export class CorrectionError extends Error {
  override name = "CorrectionError";
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a `YYYY-MM-DD` that names a real day (not 2024-02-30). */
function realDate(s: string): boolean {
  const t = Date.parse(`${s}T00:00:00Z`);
  return DATE.test(s) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
}

/** Fields an analyst may correct: the table's editable ones, and the incident's TLP marking. */
export const EDITABLE = [...EDITABLE_FIELDS, "tlp"] as const;

/** The check of a non-null value for each kind of field: it returns the value normalised, or calls `fail` with what was expected. */
export const KIND_CHECKS: Record<FieldKind, (value: unknown, spec: FieldSpec, fail: (why: string) => never) => unknown> = {
  text: (v, _s, fail) => (typeof v === "string" ? v.trim() : fail("text")),
  date: (v, _s, fail) => (typeof v === "string" && realDate(v) ? v : fail("a date YYYY-MM-DD")),
  count: (v, _s, fail) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : fail("a non-negative integer")),
  choice: (v, s, fail) => (typeof v === "string" && s.vocabulary!.includes(v) ? v : fail(`one of: ${s.vocabulary!.join(", ")}`)),
  "text-list": (v, _s, fail) => stringList(v, fail),
  "enum-list": (v, s, fail) => {
    const list = stringList(v, fail);
    for (const x of list) if (!s.vocabulary!.includes(x)) fail(`unknown value ${x}; one of: ${s.vocabulary!.join(", ")}`);
    return list;
  },
  period: (v, _s, fail) => {
    const p = v as { from?: unknown; to?: unknown };
    if (typeof p !== "object" || [p.from, p.to].some((d) => d !== null && d !== undefined && (typeof d !== "string" || !realDate(d)))) fail('{"from": "YYYY-MM-DD" | null, "to": …}');
    return { from: p.from ?? null, to: p.to ?? null };
  },
  cause: (v, s, fail) => {
    const c = v as { text?: unknown; category?: unknown };
    if (typeof c !== "object" || typeof c.text !== "string") fail('{"text": "…", "category": "…"}');
    const category = c.category ?? "unknown";
    if (typeof category !== "string" || !s.vocabulary!.includes(category)) fail(`category one of: ${s.vocabulary!.join(", ")}`);
    return { text: c.text, category };
  },
  counts: (v, _s, fail) => {
    if (!Array.isArray(v)) fail("a list of counts {value, text, qualifiers}");
    return (v as unknown[]).map((x) => {
      const c = x as { value?: unknown; text?: unknown; qualifiers?: unknown } | null;
      if (!c || typeof c !== "object" || typeof c.value !== "number" || !Number.isFinite(c.value) || typeof c.text !== "string") fail("a list of counts {value, text, qualifiers}");
      return { value: c!.value, text: c!.text, qualifiers: Array.isArray(c!.qualifiers) ? c!.qualifiers.filter((q): q is string => typeof q === "string") : [] };
    });
  },
};

/** A list of strings, trimmed, without blanks or repeats. */
function stringList(value: unknown, fail: (why: string) => never): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) fail("a list of strings");
  return [...new Set((value as string[]).map((v) => v.trim()).filter(Boolean))];
}

/** Check a correction's value against its field's type and vocabulary; returns it normalised. */
export function validateChange(field: string, value: unknown): FieldChange {
  if (field === "tlp") {
    const tlp = typeof value === "string" ? parseTlp(value) : null;
    if (!tlp) throw new CorrectionError("tlp: one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED");
    return { field, value: tlp };
  }
  if (!isField(field) || !FIELDS[field].editable) throw new CorrectionError(`unknown field ${field}; one of: ${EDITABLE.join(", ")}`);
  return { field, value: checkFieldValue(field, value) };
}

/** Check any field's value (correctable or not) against its type and vocabulary; returns it normalised, the field's empty value for null. */
export function checkFieldValue(field: string, value: unknown): unknown {
  if (!isField(field)) throw new CorrectionError(`unknown field ${field}; one of: ${FIELD_NAMES.join(", ")}`);
  if (value === null) return emptyValue(field);
  const spec: FieldSpec = FIELDS[field];
  return KIND_CHECKS[spec.kind](value, spec, (why) => { throw new CorrectionError(`${field}: ${why}`); });
}

/** Parse `field=value` as typed on a command line: lists comma-separated, empty or null clears. */
export function parseChange(assignment: string): FieldChange {
  const eq = assignment.indexOf("=");
  if (eq <= 0) throw new CorrectionError(`expected field=value, got ${JSON.stringify(assignment)}`);
  const field = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1).trim();
  if (raw === "" || raw === "null") return validateChange(field, null);
  const kind = isField(field) ? FIELDS[field].kind : null;
  if (kind === "text-list" || kind === "enum-list") return validateChange(field, raw.split(/[,、]/));
  if (kind === "count") return validateChange(field, Number(raw.replace(/[,_]/g, "")));
  if (kind === "period" || kind === "cause") {
    try {
      return validateChange(field, JSON.parse(raw));
    } catch (e) {
      if (e instanceof CorrectionError) throw e;
      return validateChange(field, kind === "cause" ? { text: raw } : raw);
    }
  }
  return validateChange(field, raw);
}
