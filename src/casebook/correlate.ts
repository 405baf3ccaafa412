import type { IncidentFields, Notice } from "../core/types.js";
import { sameIncident, SAME_INCIDENT, type Match } from "../intel/correlate.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import { strictest, type Writer } from "./authorize.js";
import type { FieldChange, Located } from "./edit.js";
import { noticeMarking } from "./marking.js";
import { mergeFields } from "./sources.js";
import { correction, KEEPS, type Write } from "./trail.js";

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
export type Placement = { join: string } | { open: { fields: FieldChange[]; tlp: Tlp | null } };

/** A notice just written, and what decides where it goes. */
export interface NoticeInput {
  /** Its stable id, the id of the incident it opens, and the notice. */
  row: { id: string; incidentId: string | null; notice: Notice };
  /** Where its document was read from, for the history. */
  source: string;
  /** The incident it belonged to before this write (re-extraction), if any. */
  before: string | null;
  /** Where it goes when new: the incident correlation found, an import's placement (`join` located), or null (it opens its own). */
  into: { correlated: Correlated } | { join: Located } | { open: { fields: FieldChange[]; tlp: Tlp | null } } | null;
  /** Who writes it: the trail of automatic changes names `system`, an import's placement the writer. */
  system: string;
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
  if (into && !("open" in into)) {
    const auto = "correlated" in into ? into.correlated : null;
    const target = auto ?? (into as { join: Located }).join;
    const by = auto ? system : writer.who;
    const manual = writer.why ? `placed by ${by}: ${writer.why}` : `placed by ${by}`;
    return {
      writes: [
        { op: "place", notice: row.id, incident: target.id },
        auto
          ? { op: "link", notice: row.id, incident: target.id, method: "auto", score: auto.match.score, reason: auto.match.reasons.join("; "), by }
          : { op: "link", notice: row.id, incident: target.id, method: "manual", score: null, reason: manual, by },
        {
          op: "event", incident: target.id, who: by, action: "source_added",
          detail: auto ? { notice: row.id, title: n.title, source, score: auto.match.score, reason: auto.match.reasons.join("; ") } : { notice: row.id, title: n.title, source, why: writer.why ?? null },
        },
        { op: "refresh", incident: target.id, who: by, cause: "source_added", keep: { floor: strictest([target.tlp, noticeMarking(n)]), why: KEEPS.joined } },
      ],
      touched: { id: target.id, created: false },
    };
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

/** The corrections an import states for the incident a notice opens, each recorded with the value its one source gives. */
function statedCorrections(id: string, n: Notice, stated: { fields: FieldChange[]; tlp: Tlp | null }, writer: Writer): Write[] {
  const own = mergeFields([n.incident!]) as unknown as Record<string, unknown>;
  const marking = noticeMarking(n);
  const changes: FieldChange[] = [...stated.fields, ...(stated.tlp ? [{ field: "tlp" as const, value: strictest([stated.tlp, marking]) }] : [])];
  return changes.flatMap((c) => correction(id, c.field, c.value, c.field === "tlp" ? marking : own[c.field] ?? null, writer));
}

/** Add what a notice touched to a save's tally: each incident once, new if any notice opened it. */
export function touch(touched: Map<string, boolean>, t: NoticePlan["touched"]): void {
  if (t) touched.set(t.id, t.created ? !touched.has(t.id) || touched.get(t.id)! : touched.get(t.id) ?? false);
}
