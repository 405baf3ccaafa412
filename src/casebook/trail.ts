import type { Writer } from "./authorize.js";

// What the casebook's planners ask a backend to write, in order. A planner reads nothing: it is given
// the rows it needs and returns these; each backend turns them into its own SQL, one statement or
// two per write, and a `refresh` into a read, a call to planRefresh and the writes it returns.

/** What an entry of an incident's history records. */
export type EventAction = "created" | "source_added" | "merged" | "unmerged" | "edited" | "reverted" | "reextracted" | "split_off";

/** How a notice came to belong to its incident: it opened it, correlation joined it, or an analyst put it there. */
export type LinkMethod = "first" | "auto" | "manual";

/** Why an incident is recomputed from its sources: what the history records for a change it brings. */
export type Cause = "created" | "source_added" | "reextracted" | "merged" | "unmerged" | "edited" | "reverted";

/** The marking a write must leave an incident with at least (a merge, a split, a source joining it), and why, for the trail. */
export interface Keep {
  floor: string;
  why: string;
}

/** Why a merge, a split or a joining source kept a marking, as the history says. */
export const KEEPS = {
  merged: "keeps the strictest TLP of the incidents merged into it",
  split: "keeps the TLP of the incident before the split",
  joined: "keeps the TLP of the source that joined it",
} as const;

/** One write a plan asks for. */
export type Write =
  /** A new incident, without fields until it is refreshed; its id stops being an alias of another. */
  | { op: "open"; incident: string; title: string }
  /** The incident a notice belongs to (null: none). */
  | { op: "place"; notice: string; incident: string | null }
  /** Why a notice belongs to its incident (replacing what was recorded). */
  | { op: "link"; notice: string; incident: string; method: LinkMethod; score: number | null; reason: string; by: string }
  /** Forget why a notice belonged to an incident. */
  | { op: "unlink"; notice: string }
  /** Correlation never joins the notice to the incident again (it was split off it). */
  | { op: "block"; notice: string; incident: string; by: string }
  /** Correlation may join the notice to the incident again. */
  | { op: "unblock"; notice: string; incident: string }
  /** `from` and the ids merged into it now name `into`. */
  | { op: "alias"; from: string; into: string }
  /** `from`'s active corrections of fields `into` has none for move to `into`. */
  | { op: "carry"; from: string; into: string }
  /** A correction, replacing the active one of the field. */
  | { op: "correct"; incident: string; field: string; value: unknown; who: string; why: string | null }
  /** Withdraw the active correction of a field. */
  | { op: "withdraw"; incident: string; field: string }
  /** An entry of an incident's history. */
  | { op: "event"; incident: string; who: string; action: EventAction; detail: Record<string, unknown> }
  /** An entry of the audit log. */
  | { op: "audit"; who: string; action: string; target: string; before: unknown; after: unknown }
  /** Recompute the incident from its sources and corrections (planRefresh), keeping a marking if asked. */
  | { op: "refresh"; incident: string; who: string; cause: Cause; keep?: Keep };

/** A correction of one field with its trail: the override, the history entry and the audit entry. `from` is the value before. */
export function correction(incident: string, field: string, value: unknown, from: unknown, actor: Pick<Writer, "who" | "why">): Write[] {
  const why = actor.why ?? null;
  return [
    { op: "correct", incident, field, value, who: actor.who, why },
    { op: "event", incident, who: actor.who, action: "edited", detail: { field, from, to: value, why } },
    { op: "audit", who: actor.who, action: "incident.edit", target: `incident:${incident}`, before: { [field]: from }, after: { [field]: value, why } },
  ];
}
