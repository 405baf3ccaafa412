import type { IncidentFields, Tag } from "../core/types.js";
import { incidentMarking } from "./marking.js";
import { applyOverrides, canonical, fieldChanges, mergeFields, mergeTags, type SourceDraft } from "./sources.js";
import { correction, type Cause, type Keep, type Write } from "./trail.js";

/** What an incident is recomputed from: its sources, its corrections and what is stored now. */
export interface RefreshInput {
  id: string;
  who: string;
  cause: Cause;
  keep?: Keep;
  /** Its incident notices, oldest first: the order their fields merge in; the first names the incident. */
  sources: (SourceDraft & { title: string })[];
  /** Its active corrections, oldest first. */
  overrides: { field: string; value: unknown }[];
  /** The incident as stored; fields null while it has none yet (just opened). */
  stored: { title: string; fields: IncidentFields | null; tlp: string; tags: Tag[] };
}

/** The incident's row after a refresh. */
export interface IncidentRow {
  title: string;
  fields: IncidentFields;
  tlp: string;
  tags: Tag[];
}

/** What a refresh writes: nothing left (delete the incident), the trail only (`same`), or the trail and the new row. */
export type RefreshPlan =
  | { kind: "delete" }
  | { kind: "same"; writes: Write[] }
  | { kind: "update"; writes: Write[]; row: IncidentRow };

/**
 * Recompute an incident from its sources and corrections. A marking it must keep is recorded as a
 * correction; a new source or re-extraction that changes an incident's fields is recorded with the
 * changes (an incident just opened records none).
 */
export function planRefresh(input: RefreshInput): RefreshPlan {
  const { id, who, cause, sources, overrides, stored } = input;
  if (sources.length === 0) return { kind: "delete" };
  const fields = applyOverrides(mergeFields(sources), overrides);
  const tags = mergeTags(sources);
  const { computed, kept } = incidentMarking(tags, overrides, input.keep);
  const writes = kept ? correction(id, "tlp", kept, computed, { who, why: input.keep!.why }) : [];
  const row: IncidentRow = { title: sources[0]!.title, fields, tlp: kept ?? computed, tags };
  if (stored.fields !== null && stored.title === row.title && stored.tlp === row.tlp && canonical(stored.fields) === canonical(fields) && canonical(stored.tags) === canonical(tags)) {
    return { kind: "same", writes };
  }
  if (stored.fields !== null && (cause === "reextracted" || cause === "source_added")) {
    const changes = fieldChanges(stored.fields, fields);
    if (Object.keys(changes).length) writes.push({ op: "event", incident: id, who, action: cause, detail: { changes } });
  }
  return { kind: "update", writes, row };
}
