import { maySee } from "../../casebook/authorize.js";
import { tlpRank, type Tlp } from "../../intel/taxonomies/tlp.js";
import { importPlan, type ImportPlan, type ImportSummary } from "../../share/imported.js";
import { stixImportPlan } from "../../share/stix/import.js";
import { tlpOfMarking } from "../../share/stix/tlp.js";
import type { Store, TaxiiStatusRecord } from "../../store/types.js";
import { incidentIdsIn, type Visibility } from "../visibility.js";
import { TaxiiError } from "./errors.js";
import { isTimestamp } from "./select.js";

/** One object in a status resource. */
interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

/** A TAXII 2.1 status resource: what became of each object of one add request. */
export interface StatusResource {
  id: string;
  status: "complete" | "pending";
  request_timestamp: string;
  total_count: number;
  success_count: number;
  successes?: StatusDetail[];
  failure_count: number;
  failures?: StatusDetail[];
  pending_count: number;
}

type Obj = Record<string, unknown> & { type: string; id: string };

const TYPE = /^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** What keeps an object from being added, or null when it can be. */
function problem(o: unknown): string | null {
  if (!o || typeof o !== "object" || Array.isArray(o)) return "not a JSON object";
  const x = o as Record<string, unknown>;
  if (typeof x.type !== "string" || !TYPE.test(x.type) || x.type === "bundle") return "type must be a STIX object type";
  if (typeof x.id !== "string" || !x.id.startsWith(`${x.type}--`) || !UUID.test(x.id.slice(x.type.length + 2))) return `id must be ${x.type}--UUID`;
  if (x.spec_version !== undefined ? x.spec_version !== "2.1" : x.created !== undefined) return "only STIX 2.1 objects (spec_version 2.1) can be added";
  for (const k of ["created", "modified"]) if (x[k] !== undefined && !isTimestamp(x[k])) return `${k} is not a STIX timestamp`;
  if (typeof x.created === "string" && typeof x.modified === "string" && Date.parse(x.modified) < Date.parse(x.created)) return "modified is before created";
  return null;
}

/** An object's version: its `modified`, else its `created`, else none (the date it is added stands in). */
function versionOf(o: Record<string, unknown>): string | null {
  const v = o.modified ?? o.created;
  return typeof v === "string" ? v : null;
}

/** The most restrictive TLP marking on an object or any part of it; CLEAR when it has none. */
function objectTlp(o: Record<string, unknown>): Tlp {
  const granular = Array.isArray(o.granular_markings) ? o.granular_markings.map((g) => (g as { marking_ref?: unknown } | null)?.marking_ref) : [];
  const refs = [...(Array.isArray(o.object_marking_refs) ? o.object_marking_refs : []), ...granular];
  const levels = refs.map((r) => (typeof r === "string" ? tlpOfMarking(r) : null)).filter((t): t is Tlp => t !== null);
  return levels.reduce<Tlp>((a, b) => (tlpRank(b) > tlpRank(a) ? b : a), "CLEAR");
}

/** The objects of a TAXII envelope (or a STIX bundle), or a 400. */
function envelopeObjects(body: unknown): unknown[] {
  const objects = (body as { objects?: unknown } | null)?.objects;
  if (!body || typeof body !== "object" || !Array.isArray(objects)) throw new TaxiiError(400, "bad request", "the body must be a TAXII envelope: {\"objects\": [...]}");
  return objects;
}

/** What importing one incident did, naming the incident only when the submitter may see it. */
async function outcome(sum: ImportSummary, vis: Visibility): Promise<string> {
  const shown = [...await vis.visible(sum.incidentIds)].filter((id) => sum.incidentIds.includes(id));
  const what = sum.incidentsNew ? "imported as a new incident" : sum.incidentsUpdated ? "imported into an existing incident" : "already in the casebook";
  return [`${what}${shown.length ? ` ${shown.join(", ")}` : ""}`, ...sum.warnings].join("; ");
}

/**
 * A kept status as a reader sees it: objects marked above their clearance left out (an object of
 * unknown marking counts as RED), incidents they may not see unnamed, the counts those of what is left.
 */
export async function visibleStatus(rec: TaxiiStatusRecord, vis: Visibility): Promise<StatusResource> {
  const s = rec.status as unknown as StatusResource;
  const shownObjects = (list: StatusDetail[] | undefined) => (list ?? []).filter((d) => vis.canSee(rec.markings[d.id] ?? "RED"));
  const successes = shownObjects(s.successes), failures = shownObjects(s.failures);
  const shown = await vis.visible(incidentIdsIn([successes, failures]));
  const unnamed = (list: StatusDetail[]) => list.map((d) => (d.message === undefined ? d : { ...d, message: d.message.replace(/ ?inc_[0-9a-f]{16}/g, (m) => (shown.has(m.trim()) ? m : "")) }));
  return {
    id: s.id, status: s.status, request_timestamp: s.request_timestamp, total_count: successes.length + failures.length,
    success_count: successes.length, ...(successes.length ? { successes: unnamed(successes) } : {}),
    failure_count: failures.length, ...(failures.length ? { failures: unnamed(failures) } : {}),
    pending_count: s.pending_count,
  };
}

const reason = (e: unknown) => `not imported: ${e instanceof Error ? e.message : String(e)}`;

/**
 * Add the objects of an envelope to the submissions collection as `vis`'s user. An object marked above
 * their clearance is refused, as PATCH refuses such a marking. Incidents (with the reports that cite
 * them) and standalone reports go through the STIX import into the casebook, one incident at a time,
 * so one that fails fails alone; every valid object that did not fail is kept. Returns the completed
 * status resource (also kept with each object's marking, and the request audited).
 */
export async function submit(store: Store, vis: Visibility, body: unknown, statusId: string, requestTimestamp: string): Promise<StatusResource> {
  const writer = vis.writer();
  const who = writer.who;
  const failures: StatusDetail[] = [];
  const kept: Obj[] = [];
  const markings: Record<string, string> = {};
  for (const o of envelopeObjects(body)) {
    const x = (o && typeof o === "object" ? o : {}) as Record<string, unknown>;
    const tlp = objectTlp(x);
    if (typeof x.id === "string") markings[x.id] = tlp;
    const why = problem(o) ?? (maySee(writer.clearance, tlp) ? null : `marked TLP:${tlp}, above your clearance TLP:${writer.clearance}`);
    if (why === null) { kept.push(o as Obj); continue; }
    failures.push({ id: typeof x.id === "string" ? x.id : "", version: versionOf(x) ?? requestTimestamp, message: why });
  }

  const plan = stixImportPlan({ type: "bundle", objects: kept });
  const origin = `TAXII submission ${statusId}`;
  const citing = (match: (refs: unknown[]) => boolean) => kept.filter((o) => o.type === "report" && match(Array.isArray(o.object_refs) ? o.object_refs : [])).map((o) => o.id);
  const failed = new Map<string, string>();
  const notes = new Map<string, string>();
  const touched: string[] = [];
  const run = async (sub: ImportPlan, owned: string[], note: string | null) => {
    try {
      const sum = await importPlan(store, sub, writer, origin);
      touched.push(...sum.incidentIds);
      if (note !== null) notes.set(note, await outcome(sum, vis));
    } catch (e) {
      for (const id of owned) failed.set(id, reason(e));
    }
  };
  for (const item of plan.incidents) {
    const warnings = plan.warnings.filter((w) => w.startsWith(`${item.key}: `));
    await run({ incidents: [item], documents: [], warnings }, [item.key, ...citing((refs) => refs.includes(item.key))], item.key);
  }
  if (plan.documents.length) {
    const incidentIds = new Set(plan.incidents.map((i) => i.key));
    await run({ incidents: [], documents: plan.documents, warnings: [] }, citing((refs) => !refs.some((r) => typeof r === "string" && incidentIds.has(r))), null);
  }
  await store.matchWatchlists(touched);

  const ok = kept.filter((o) => !failed.has(o.id));
  for (const o of kept) if (failed.has(o.id)) failures.push({ id: o.id, version: versionOf(o) ?? requestTimestamp, message: failed.get(o.id)! });
  const at = ok.length ? await store.addTaxiiObjects(ok.map((o) => ({
    id: o.id, version: versionOf(o), type: o.type, spec_version: "2.1", tlp: markings[o.id]!, object: o,
  }))) : requestTimestamp;
  const successes = ok.map((o) => ({ id: o.id, version: versionOf(o) ?? at, ...(notes.has(o.id) ? { message: notes.get(o.id)! } : {}) }));
  const status: StatusResource = {
    id: statusId, status: "complete", request_timestamp: requestTimestamp, total_count: successes.length + failures.length,
    success_count: successes.length, ...(successes.length ? { successes } : {}),
    failure_count: failures.length, ...(failures.length ? { failures } : {}),
    pending_count: 0,
  };
  await store.saveTaxiiStatus({ id: statusId, who, status: status as unknown as Record<string, unknown>, markings });
  await store.audit(who, "taxii.add", `taxii-status:${statusId}`, null, { total: status.total_count, success: status.success_count, failure: status.failure_count, incidents: touched });
  return status;
}
