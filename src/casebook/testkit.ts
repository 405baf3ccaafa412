import type { IncidentFields, Notice, Tag } from "../core/types.js";
import { emptyFields } from "../core/fields.js";
import { makeTag } from "../intel/taxonomies/tag.js";
import { TLP, type Tlp } from "../intel/taxonomies/tlp.js";
import type { SourceDraft } from "./sources.js";

// Rows for the planners' unit tests.

/** Fields with some set. */
export function fieldsWith(set: Partial<IncidentFields>): IncidentFields {
  return { ...emptyFields(), ...set };
}

/** A TLP tag. */
export function tlpTag(level: Tlp, confidence = 0.9): Tag {
  return makeTag("tlp", level, TLP[level].label, "test", confidence);
}

/** A source with a title, some fields and tags. */
export function source(title: string, set: Partial<IncidentFields>, tags: Tag[] = [], confidence: SourceDraft["confidence"] = {}): SourceDraft & { title: string } {
  return { title, fields: fieldsWith(set), confidence, tags };
}

/** An incident notice (or, with `isIncident` false, another post). */
export function notice(title: string, set: Partial<IncidentFields>, tags: Tag[] = [], isIncident = true): Notice {
  return {
    index: 0, title, span: [0, 10], titleSpan: [0, title.length], kind: isIncident ? "incident_notice" : "unrelated", isIncident, reason: "test",
    listingDate: null, category: null, publisher: null,
    incident: isIncident ? { fields: fieldsWith(set), findings: [], confidence: {}, tags } : null,
  };
}
