import type { IncidentFields, Notice } from "../core/types.js";
import { sameIncident, SAME_INCIDENT, type Match } from "../intel/correlate.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import { strictest, type Writer } from "./authorize.js";
import type { FieldChange, Located } from "./edit.js";
import { noticeMarking } from "./marking.js";
import { mergeFields } from "./sources.js";
import { correction, KEEPS, type LinkMethod, type Write } from "./trail.js";

/** An incident a new notice might report (same casebook number or organisation, not split from it, within the writer's clearance). */
export interface Candidate {
  id: string;
  title: string;
  fields: IncidentFields;
  tlp: string;
}

/** The incident correlation joins a notice to, and the evidence. */
export interface Correlated extends Located {
  match: Match;
}

/** The candidate a notice reports with the strongest evidence at or above SAME_INCIDENT (the first of equals), or null. */
export function bestMatch(notice: Pick<Notice, "title"> & { fields: IncidentFields }, candidates: Candidate[]): Correlated | null {
  let best: Correlated | null = null;
  for (const c of candidates) {
    const match = sameIncident({ title: notice.title, fields: notice.fields }, { title: c.title, fields: c.fields });
    if (match.score >= SAME_INCIDENT && (!best || match.score > best.match.score)) best = { id: c.id, tlp: c.tlp, match };
  }
  return best;
}

/**
 * Where an import puts a casefile's new incident notices instead of correlating them: into an incident
 * (`join`), or each into an incident of its own with the fields and marking the import states, as
 * corrections by the writer (`open`; a stated marking never loosens the notice's own).
 */
export type Placement = { join: string } | { open: Stated };

/** The fields and marking an import states for an incident. */
export interface Stated {
  fields: FieldChange[];
  tlp: Tlp | null;
}

/** A notice just written, and what decides where it goes. */
export interface NoticeInput {
  /** Its stable id, the id of the incident it opens, and the notice. */
  row: { id: string; incidentId: string | null; notice: Notice };
  /** Where its document was read from, for the history. */
  source: string;
  /** The incident it belonged to before this write (re-extraction), if any. */
  before: string | null;
  /** Where it goes when new: the incident correlation found, an import's placement (`join` located), or null (it opens its own). */
  into: { correlated: Correlated } | { join: Located } | { open: Stated } | null;
  /** Who the trail of automatic changes (opening, correlation, re-extraction) names. */
  system: string;
  /** Who saves the casefile: an import's placement and corrections are theirs. */
  writer: Writer;
}

/** What writing a notice does to incidents: the writes, and the incident it touched (and whether it opened it). */
export interface NoticePlan {
  writes: Write[];
  touched: { id: string; created: boolean } | null;
}

/**
 * Place a written notice: one already in an incident stays there while it is an incident notice and
 * leaves it otherwise; a new incident notice joins the incident it was correlated with or placed in
 * (which keeps the stricter marking of the two), or opens its own.
 */
export function planNotice(input: NoticeInput): NoticePlan {
  const { row, source, before, into, system, writer } = input;
  const n = row.notice;
  if (before !== null) {
    const writes: Write[] = n.isIncident ? [] : [
      { op: "place", notice: row.id, incident: null },
      { op: "unlink", notice: row.id },
      { op: "event", incident: before, who: system, action: "reextracted", detail: { source_removed: row.id, reason: n.reason } },
    ];
    return { writes, touched: { id: before, created: false } };
  }
  if (!n.isIncident || !n.incident) return { writes: [], touched: null };
  if (into && "correlated" in into) {
    const { match } = into.correlated;
    const reason = match.reasons.join("; ");
    return joins(row, into.correlated, system, { method: "auto", score: match.score, reason }, { source, score: match.score, reason });
  }
  if (into && "join" in into) {
    const reason = writer.why ? `placed by ${writer.who}: ${writer.why}` : `placed by ${writer.who}`;
    return joins(row, into.join, writer.who, { method: "manual", score: null, reason }, { source, why: writer.why ?? null });
  }
  const id = row.incidentId!;
  const stated = into ? into.open : null;
  return {
    writes: [
      { op: "open", incident: id, title: n.title },
      { op: "place", notice: row.id, incident: id },
      { op: "link", notice: row.id, incident: id, method: "first", score: null, reason: "the notice that opened this incident", by: system },
      { op: "event", incident: id, who: system, action: "created", detail: { notice: row.id, title: n.title, source } },
      ...(stated ? statedCorrections(id, n, stated, writer) : []),
      { op: "refresh", incident: id, who: system, cause: "created" },
    ],
    touched: { id, created: true },
  };
}

/** A new incident notice joining an incident: its link, the history entry, and a refresh that keeps the stricter marking of the two. */
function joins(row: NoticeInput["row"], target: Located, by: string, link: { method: LinkMethod; score: number | null; reason: string }, detail: Record<string, unknown>): NoticePlan {
  const n = row.notice;
  return {
    writes: [
      { op: "place", notice: row.id, incident: target.id },
      { op: "link", notice: row.id, incident: target.id, ...link, by },
      { op: "event", incident: target.id, who: by, action: "source_added", detail: { notice: row.id, title: n.title, ...detail } },
      { op: "refresh", incident: target.id, who: by, cause: "source_added", keep: { floor: strictest([target.tlp, noticeMarking(n)]), why: KEEPS.joined } },
    ],
    touched: { id: target.id, created: false },
  };
}

/** The corrections an import states for the incident a notice opens, each recorded with the value its one source gives. */
function statedCorrections(id: string, n: Notice, stated: Stated, writer: Writer): Write[] {
  const own = mergeFields([n.incident!]) as unknown as Record<string, unknown>;
  const marking = noticeMarking(n);
  const changes: FieldChange[] = [...stated.fields, ...(stated.tlp ? [{ field: "tlp" as const, value: strictest([stated.tlp, marking]) }] : [])];
  return changes.flatMap((c) => correction(id, c.field, c.value, c.field === "tlp" ? marking : own[c.field] ?? null, writer));
}

/** Add what a notice touched to a save's tally: each incident once, new if any notice opened it. */
export function touch(touched: Map<string, boolean>, t: NoticePlan["touched"]): void {
  if (t) touched.set(t.id, t.created ? !touched.has(t.id) || touched.get(t.id)! : touched.get(t.id) ?? false);
}
