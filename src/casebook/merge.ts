import { sha256 } from "../core/document.js";
import { strictest, type Writer } from "./authorize.js";
import type { Located } from "./edit.js";
import { ConflictError, NotFoundError } from "./errors.js";
import { KEEPS, type Write } from "./trail.js";

/**
 * Merge incidents into `into`, each with its notices (in the order they were filed): the notices
 * move with a manual link and may be correlated with `into` again, corrections `into` lacks carry
 * over, the merged ids become aliases, and `into` keeps the strictest marking of them all.
 */
export function planMerge(into: Located, froms: (Located & { notices: string[] })[], writer: Writer): Write[] {
  const floor = strictest([into.tlp, ...froms.map((f) => f.tlp)]);
  const why = writer.why ?? null;
  const reason = writer.why ? `merged by ${writer.who}: ${writer.why}` : `merged by ${writer.who}`;
  const seen = new Set([into.id]);
  const writes: Write[] = [];
  for (const from of froms) {
    if (seen.has(from.id)) continue;
    seen.add(from.id);
    for (const notice of from.notices) {
      writes.push(
        { op: "place", notice, incident: into.id },
        { op: "link", notice, incident: into.id, method: "manual", score: null, reason, by: writer.who },
        { op: "unblock", notice, incident: into.id },
      );
    }
    writes.push(
      { op: "carry", from: from.id, into: into.id },
      { op: "alias", from: from.id, into: into.id },
      { op: "event", incident: into.id, who: writer.who, action: "merged", detail: { from: from.id, notices: from.notices, why } },
      { op: "audit", who: writer.who, action: "incident.merge", target: `incident:${into.id}`, before: { from: from.id }, after: { into: into.id, notices: from.notices, why } },
      { op: "event", incident: from.id, who: writer.who, action: "merged", detail: { into: into.id, why } },
      { op: "refresh", incident: from.id, who: writer.who, cause: "merged" },
    );
  }
  writes.push({ op: "refresh", incident: into.id, who: writer.who, cause: "merged", keep: { floor, why: KEEPS.merged } });
  return writes;
}

/** A source of an incident, for a split: its notice id, title and how it joined (null: no link recorded). */
export interface SplitSource {
  id: string;
  title: string;
  method: string | null;
}

/**
 * Split sources off an incident into incidents of their own: `noticeId`, else every source that did
 * not open it, else all but the first (`sources` in that order: the opener first, then by when they
 * joined). Each new incident takes its notice's own id unless that is taken (`taken`), else one made
 * with `now`; correlation never joins the notice back, and every part keeps the incident's marking.
 */
export function planUnmerge(incident: Located, sources: SplitSource[], noticeId: string | undefined, taken: ReadonlySet<string>, now: string, writer: Writer): { created: string[]; writes: Write[] } {
  const { id } = incident;
  if (sources.length < 2) throw new ConflictError(`incident ${id} has a single source; nothing to split`);
  const joined = sources.filter((s) => s.method !== "first");
  const detach = noticeId ? sources.filter((s) => s.id === noticeId) : joined.length ? joined : sources.slice(1);
  if (detach.length === 0) throw new NotFoundError(`notice ${noticeId} is not a source of incident ${id}`);
  if (detach.length === sources.length) throw new ConflictError("an incident keeps at least one source");
  const keep = { floor: incident.tlp, why: KEEPS.split };
  const why = writer.why ?? null;
  const reason = writer.why ? `split off ${id} by ${writer.who}: ${writer.why}` : `split off ${id} by ${writer.who}`;
  const created: string[] = [];
  const writes: Write[] = [];
  for (const n of detach) {
    const own = ownIncident(n.id);
    const newId = own === id || taken.has(own) ? "inc_" + sha256(`${n.id}\n${now}`).slice(0, 16) : own;
    writes.push(
      { op: "open", incident: newId, title: n.title },
      { op: "place", notice: n.id, incident: newId },
      { op: "link", notice: n.id, incident: newId, method: "first", score: null, reason, by: writer.who },
      { op: "block", notice: n.id, incident: id, by: writer.who },
      { op: "event", incident: newId, who: writer.who, action: "split_off", detail: { from: id, notice: n.id, why } },
      { op: "refresh", incident: newId, who: writer.who, cause: "unmerged", keep },
    );
    created.push(newId);
  }
  writes.push(
    { op: "event", incident: id, who: writer.who, action: "unmerged", detail: { notices: detach.map((n) => n.id), into: created, why } },
    { op: "audit", who: writer.who, action: "incident.unmerge", target: `incident:${id}`, before: { notices: sources.map((n) => n.id) }, after: { split_into: created, why } },
    { op: "refresh", incident: id, who: writer.who, cause: "unmerged", keep },
  );
  return { created, writes };
}

/** The id of the incident a notice opens: derived from the notice's id. */
export function ownIncident(noticeId: string): string {
  return "inc_" + sha256(noticeId).slice(0, 16);
}
