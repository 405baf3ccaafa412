import type { IncidentFields } from "../core/types.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import { checkMarking, strictest, type Writer } from "./authorize.js";
import { NotFoundError } from "./errors.js";
import { canonical } from "./sources.js";
import { correction, type Write } from "./trail.js";

/** A field change an analyst asks for: the value is already of the field's type. */
export interface FieldChange {
  field: keyof IncidentFields | "tlp";
  value: unknown;
}

/** An incident as a writer found it: its id and marking. */
export interface Located {
  id: string;
  tlp: string;
}

/**
 * Corrections by `writer` of an incident they may touch (`incident`, with its current fields): each
 * recorded with the value before, then the incident recomputed. A marking above their clearance is
 * refused (ForbiddenError).
 */
export function planEdit(incident: Located, fields: Partial<IncidentFields>, changes: FieldChange[], writer: Writer): Write[] {
  for (const c of changes) if (c.field === "tlp") checkMarking(writer, String(c.value));
  const before = fields as Record<string, unknown>;
  return [
    ...changes.flatMap((c) => correction(incident.id, c.field, c.value, c.field === "tlp" ? incident.tlp : before[c.field] ?? null, writer)),
    { op: "refresh", incident: incident.id, who: writer.who, cause: "edited" },
  ];
}

/**
 * Withdraw the correction of `field` (`corrected`: whether there is an active one; NotFoundError when
 * not), then recompute the incident. The caller checks the marking it is left with against the writer's clearance.
 */
export function planRevert(incident: Located, field: string, corrected: boolean, writer: Writer): Write[] {
  if (!corrected) throw new NotFoundError(`incident ${incident.id} has no correction of ${field}`);
  const why = writer.why ?? null;
  return [
    { op: "withdraw", incident: incident.id, field },
    { op: "event", incident: incident.id, who: writer.who, action: "reverted", detail: { field, why } },
    { op: "audit", who: writer.who, action: "incident.revert", target: `incident:${incident.id}`, before: { field }, after: null },
    { op: "refresh", incident: incident.id, who: writer.who, cause: "reverted" },
  ];
}

/**
 * The corrections that make an incident say what an import states: each stated field whose active
 * correction differs, and the stated marking, which never loosens the incident's (`tlp`: its marking now).
 */
export function statedChanges(stated: Partial<IncidentFields>, statedTlp: Tlp | null, incident: { tlp: string; overrides: { field: string; value: unknown }[] }): FieldChange[] {
  const tlp = statedTlp ? strictest([statedTlp, incident.tlp]) : null;
  const all: FieldChange[] = [
    ...Object.entries(stated).map(([field, value]) => ({ field: field as keyof IncidentFields, value })),
    ...(tlp ? [{ field: "tlp" as const, value: tlp }] : []),
  ];
  return all.filter((c) => {
    const active = incident.overrides.filter((o) => o.field === c.field).at(-1);
    return !active || canonical(active.value) !== canonical(c.value);
  });
}
