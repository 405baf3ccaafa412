import { parseTlp } from "../intel/taxonomies/tlp.js";
import type { FieldChange } from "../casebook/edit.js";
import { DATA_TYPES, INCIDENT_TYPES, REPORTED_TO, SECTORS, type IncidentFields } from "./types.js";

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
const VOCAB: Partial<Record<keyof IncidentFields, readonly string[]>> = {
  incident_types: INCIDENT_TYPES, data_types: DATA_TYPES, reported_to: REPORTED_TO,
};
const TEXT_LISTS = new Set(["other_parties", "indicators", "response", "measures"]);

/** Fields an analyst may correct. */
export const EDITABLE = [
  "organization", "other_parties", "disclosed_on", "discovered_on", "exposure_period", "incident_types", "affected_count",
  "affected_count_text", "data_types", "reported_to", "sector", "indicators", "cause", "response", "measures", "status",
  "casebook_id", "tlp",
] as const;

/** Check a correction's value against its field's type and vocabulary; returns it normalised. */
export function validateChange(field: string, value: unknown): FieldChange {
  if (!(EDITABLE as readonly string[]).includes(field)) throw new CorrectionError(`unknown field ${field}; one of: ${EDITABLE.join(", ")}`);
  const f = field as FieldChange["field"];
  const fail = (why: string): never => { throw new CorrectionError(`${field}: ${why}`); };
  if (f === "tlp") {
    const tlp = typeof value === "string" ? parseTlp(value) : null;
    return { field: f, value: tlp ?? fail("one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED") };
  }
  if (value === null) return { field: f, value: f in VOCAB || TEXT_LISTS.has(f) ? [] : f === "status" ? "unknown" : null };
  const vocab = VOCAB[f as keyof IncidentFields];
  if (vocab || TEXT_LISTS.has(f)) {
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) fail("a list of strings");
    const list = [...new Set((value as string[]).map((v) => v.trim()).filter(Boolean))];
    if (vocab) for (const v of list) if (!vocab.includes(v)) fail(`unknown value ${v}; one of: ${vocab.join(", ")}`);
    return { field: f, value: list };
  }
  switch (f) {
    case "affected_count":
      if (typeof value !== "number" || !Number.isInteger(value) || value < 0) fail("a non-negative integer");
      return { field: f, value };
    case "disclosed_on": case "discovered_on":
      if (typeof value !== "string" || !realDate(value)) fail("a date YYYY-MM-DD");
      return { field: f, value };
    case "sector":
      if (typeof value !== "string" || !(SECTORS as readonly string[]).includes(value)) fail(`one of: ${SECTORS.join(", ")}`);
      return { field: f, value };
    case "status":
      if (value !== "investigating" && value !== "resolved" && value !== "unknown") fail("one of investigating, resolved, unknown");
      return { field: f, value };
    case "exposure_period": {
      const p = value as { from?: unknown; to?: unknown };
      if (typeof p !== "object" || [p.from, p.to].some((d) => d !== null && d !== undefined && (typeof d !== "string" || !realDate(d)))) fail('{"from": "YYYY-MM-DD" | null, "to": …}');
      return { field: f, value: { from: p.from ?? null, to: p.to ?? null } };
    }
    case "cause": {
      const c = value as { text?: unknown; category?: unknown };
      if (typeof c !== "object" || typeof c.text !== "string") fail('{"text": "…", "category": "…"}');
      return { field: f, value: { text: c.text, category: typeof c.category === "string" ? c.category : "unknown" } };
    }
    default:
      if (typeof value !== "string") fail("text");
      return { field: f, value: (value as string).trim() };
  }
}

/** Parse `field=value` as typed on a command line: lists comma-separated, empty or null clears. */
export function parseChange(assignment: string): FieldChange {
  const eq = assignment.indexOf("=");
  if (eq <= 0) throw new CorrectionError(`expected field=value, got ${JSON.stringify(assignment)}`);
  const field = assignment.slice(0, eq).trim();
  const raw = assignment.slice(eq + 1).trim();
  if (raw === "" || raw === "null") return validateChange(field, null);
  if (field in VOCAB || TEXT_LISTS.has(field)) return validateChange(field, raw.split(/[,、]/));
  if (field === "affected_count") return validateChange(field, Number(raw.replace(/[,_]/g, "")));
  if (field === "exposure_period" || field === "cause") {
    try {
      return validateChange(field, JSON.parse(raw));
    } catch (e) {
      if (e instanceof CorrectionError) throw e;
      return validateChange(field, field === "cause" ? { text: raw } : raw);
    }
  }
  return validateChange(field, raw);
}
