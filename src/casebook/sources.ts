import type { IncidentFields, Tag } from "../core/types.js";
import { emptyFields } from "../extract/index.js";
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
 * The incident's fields from its sources, oldest first: lists are united; for a single value the
 * more confident source wins, and among equally confident ones the later (a follow-up's updated
 * count replaces the first report's).
 */
export function mergeFields(drafts: SourceDraft[]): IncidentFields {
  const out = emptyFields() as unknown as Record<string, unknown>;
  const conf: Record<string, number> = {};
  for (const d of drafts) {
    for (const [k, v] of Object.entries(d.fields)) {
      if (Array.isArray(v)) {
        const merged = [...(out[k] as unknown[])];
        for (const x of v) if (!merged.some((y) => JSON.stringify(y) === JSON.stringify(x))) merged.push(x);
        out[k] = merged;
        continue;
      }
      if (v === null || v === undefined || v === "unknown") continue;
      const c = Math.round(((d.confidence as Record<string, number>)[k] ?? 0.5) * 10) / 10;
      if (out[k] === null || out[k] === "unknown" || c >= (conf[k] ?? 0)) {
        out[k] = v;
        conf[k] = c;
      }
    }
  }
  // The headline count and its phrase travel together.
  const counted = [...drafts].reverse().find((d) => d.fields.affected_count === out.affected_count);
  if (counted) out.affected_count_text = counted.fields.affected_count_text;
  return out as unknown as IncidentFields;
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
