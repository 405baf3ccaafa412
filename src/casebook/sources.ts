import { fieldsFrom, mergeFieldValues } from "../core/fields.js";
import type { IncidentFields, Tag } from "../core/types.js";
import { tlpRank } from "../intel/taxonomies/tlp.js";
import { levelOf } from "./authorize.js";

// An incident is the merged view of its sources: these rules say how their fields and tags combine
// and how analysts' corrections lay over them.

/** One source's version of an incident, for merging. */
export interface SourceDraft {
  fields: IncidentFields;
  confidence: Partial<Record<keyof IncidentFields, number>>;
  tags: Tag[];
}

/**
 * The incident's fields from its sources, oldest first, each by its merge policy in `FIELDS`: lists are united; for a single value the
 * more confident source wins, and among equally confident ones the later (a follow-up's updated
 * count replaces the first report's).
 */
export function mergeFields(drafts: SourceDraft[]): IncidentFields {
  return fieldsFrom((field) => mergeFieldValues(field, drafts));
}

/**
 * The incident's tags from its sources: one per taxonomy value, the most confident kept. TLP keeps
 * the strictest marking of any source, however confident a looser one is.
 */
export function mergeTags(drafts: SourceDraft[]): Tag[] {
  const best = new Map<string, Tag>();
  for (const t of drafts.flatMap((d) => d.tags)) {
    const key = `${t.taxonomy}:${t.value}`;
    const cur = best.get(key);
    if (!cur || t.confidence > cur.confidence) best.set(key, t);
  }
  // Single-valued taxonomies keep one value: the strictest marking, else the most confident.
  for (const single of ["tsr_cause", "tsr_medium", "tlp"]) {
    const all = [...best.values()].filter((t) => t.taxonomy === single)
      .sort((a, b) => (single === "tlp" ? tlpRank(levelOf(b.value)) - tlpRank(levelOf(a.value)) : 0) || b.confidence - a.confidence);
    for (const t of all.slice(1)) best.delete(`${t.taxonomy}:${t.value}`);
  }
  return [...best.values()];
}

/** The fields after analysts' corrections (the latest active one per field wins). */
export function applyOverrides(fields: IncidentFields, overrides: { field: string; value: unknown }[]): IncidentFields {
  const out = { ...fields } as unknown as Record<string, unknown>;
  for (const o of overrides) if (o.field !== "tlp") out[o.field] = o.value;
  return out as unknown as IncidentFields;
}

/** A value as JSON with every object's keys sorted: equal values give equal text, whatever order a database kept the keys in. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : x);
}

/** The fields whose values differ, with the old and new value of each. */
export function fieldChanges(before: IncidentFields | null, after: IncidentFields): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  if (!before) return out;
  for (const [k, v] of Object.entries(after)) {
    const old = (before as unknown as Record<string, unknown>)[k];
    if (canonical(old) !== canonical(v)) out[k] = [old ?? null, v];
  }
  return out;
}
