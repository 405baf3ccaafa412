import type { Casefile, Notice, Tag } from "../core/types.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import { checkMarking, keptMarking, strictest, type Writer } from "./authorize.js";
import type { Keep } from "./trail.js";

/** The marking a notice carries itself (in its words, or as imported): its strictest TLP tag, else CLEAR. */
export function noticeMarking(n: Notice): Tlp {
  return strictest((n.incident?.tags ?? []).filter((t) => t.taxonomy === "tlp").map((t) => t.value));
}

/** Refuse a casefile with an incident notice marked above the writer's clearance: nobody files what they could not mark. */
export function checkNoticeMarkings(cf: Casefile, writer: Writer): void {
  for (const n of cf.notices) if (n.incident) checkMarking(writer, noticeMarking(n), `the notice "${n.title}"`);
}

/**
 * An incident's marking: the latest active TLP correction, else its sources' merged TLP tag, else
 * CLEAR; `computed` is that, `kept` the stricter floor a write must keep when it is looser (else null).
 */
export function incidentMarking(tags: Tag[], overrides: { field: string; value: unknown }[], keep?: Keep): { computed: string; kept: Tlp | null } {
  const corrected = overrides.filter((o) => o.field === "tlp").at(-1)?.value as string | undefined;
  const computed = corrected ?? tags.find((t) => t.taxonomy === "tlp")?.value ?? "CLEAR";
  return { computed, kept: keep ? keptMarking(keep.floor, computed) : null };
}
