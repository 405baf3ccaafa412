import { emptyValue, FIELD_NAMES } from "../../core/fields.js";
import { INCIDENT_TYPES, TAXONOMY_NAMES, type TaxonomyName } from "../../core/types.js";
import { tlpRank, type Tlp } from "../../intel/taxonomies/tlp.js";
import { checkedFields, importedTags, type ImportedIncident, type ImportedSource, type ImportPlan } from "../imported.js";
import { EXTENSION_ID } from "./extension.js";
import { indicatorOfPattern } from "./pattern.js";
import { tlpOfMarking } from "./tlp.js";

type Obj = Record<string, unknown> & { type: string; id: string };

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const day = (v: unknown): string | null => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};

/** The most restrictive TLP level among an object's markings, or null when it has none. */
function tlpOf(o: Obj): Tlp | null {
  const levels = strs(o.object_marking_refs).map(tlpOfMarking).filter((t): t is Tlp => t !== null);
  return levels.sort((a, b) => tlpRank(b) - tlpRank(a))[0] ?? null;
}

/** The Jikenbo extension of an object, if it carries one. */
function extension(o: Obj): Record<string, unknown> | null {
  const e = (o.extensions as Record<string, unknown> | undefined)?.[EXTENSION_ID];
  return e && typeof e === "object" ? (e as Record<string, unknown>) : null;
}

/** A report's source URL from its external references, if any. */
function referencedUrl(o: Obj): string | null {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : [];
  return refs.map((r) => str(r?.url)).find((u) => u !== null) ?? null;
}

/** The SHA-256 a report's external references give for the archived original, if any. */
function referencedHash(o: Obj): string | null {
  const refs = Array.isArray(o.external_references) ? (o.external_references as Record<string, unknown>[]) : [];
  return refs.map((r) => str((r?.hashes as Record<string, unknown> | undefined)?.["SHA-256"])).find((h) => h !== null) ?? null;
}

/** The source a report stands for: the archived notice of a Jikenbo report, else the report's own words. */
function reportSource(r: Obj): ImportedSource {
  const ext = extension(r);
  const name = str(r.name) ?? r.id;
  const description = str(r.description);
  return {
    title: name,
    source: str(ext?.source) ?? referencedUrl(r) ?? `stix:${r.id}`,
    fetchedAt: str(ext?.fetched_at) ?? str(r.created) ?? str(r.published) ?? new Date(0).toISOString(),
    published: ext ? day(ext.document_published) : day(r.published),
    disclosedOn: day(ext?.disclosed_on),
    listingDate: day(ext?.listing_date),
    text: str(ext?.notice_text) ?? (description && description !== name ? `${name}\n\n${description}` : name),
    originalSha256: str(ext?.document_sha256) ?? referencedHash(r),
  };
}

/** The fields and taxonomy values a Jikenbo incident extension states. */
function extensionIncident(ext: Record<string, unknown>, key: string, warnings: string[]): { fields: ImportedIncident["fields"]; values: { taxonomy: TaxonomyName; value: string }[] } {
  const stated: Record<string, unknown> = Object.fromEntries(FIELD_NAMES.map((f) => [f, ext[f] ?? emptyValue(f)]));
  const values: { taxonomy: TaxonomyName; value: string }[] = [];
  for (const taxonomy of TAXONOMY_NAMES) {
    if (taxonomy === "incident_type" || taxonomy === "sector" || taxonomy === "tlp") continue;
    const v = ext[taxonomy];
    for (const value of Array.isArray(v) ? strs(v) : str(v) ? [v as string] : []) values.push({ taxonomy, value });
  }
  return { fields: checkedFields(stated, key, warnings), values };
}

/** What a foreign incident's graph says: the organisation it is related to, indicators, types from labels. */
function graphIncident(inc: Obj, byId: Map<string, Obj>, rels: Obj[], reports: Obj[]): Record<string, unknown> {
  const linked = new Set<string>();
  for (const r of rels) {
    if (r.source_ref === inc.id) linked.add(String(r.target_ref));
    if (r.target_ref === inc.id) linked.add(String(r.source_ref));
  }
  for (const r of reports) for (const ref of strs(r.object_refs)) linked.add(ref);
  const objs = [...linked].map((id) => byId.get(id)).filter((o): o is Obj => o !== undefined);
  const org = objs.find((o) => o.type === "identity" && (o.identity_class === "organization" || o.identity_class === undefined));
  const indicators = objs.filter((o) => o.type === "indicator" && o.pattern_type === "stix").map((o) => indicatorOfPattern(String(o.pattern))?.value).filter((v): v is string => !!v);
  const types = strs(inc.labels).filter((l) => (INCIDENT_TYPES as readonly string[]).includes(l));
  const out: Record<string, unknown> = {};
  if (org && str(org.name)) out.organization = org.name;
  if (indicators.length) out.indicators = [...new Set(indicators)].sort();
  if (types.length) out.incident_types = types;
  return out;
}

/**
 * Read a STIX 2.1 bundle into an import plan. Incidents carrying the Jikenbo extension come back with
 * every field, tag and TLP they were exported with, one source per report (with the notice's words);
 * other incidents give their name, description, related organisation, indicators and TLP marking and
 * leave the rest to extraction. Reports that reference no incident become documents to extract.
 */
export function stixImportPlan(bundle: unknown): ImportPlan {
  const plan: ImportPlan = { incidents: [], documents: [], warnings: [] };
  const b = bundle as { type?: unknown; objects?: unknown } | null;
  if (!b || b.type !== "bundle" || !Array.isArray(b.objects)) throw new Error("not a STIX 2.1 bundle (expected {\"type\": \"bundle\", \"objects\": [...]})");
  const objects = (b.objects as unknown[]).filter((o): o is Obj => !!o && typeof o === "object" && typeof (o as Obj).type === "string" && typeof (o as Obj).id === "string");
  if (objects.length < b.objects.length) plan.warnings.push(`${b.objects.length - objects.length} object(s) without type or id skipped`);
  const byId = new Map<string, Obj>();
  for (const o of objects) {
    const cur = byId.get(o.id);
    if (!cur || String(o.modified ?? "") > String(cur.modified ?? "")) byId.set(o.id, o);
  }
  const latest = [...byId.values()];
  const rels = latest.filter((o) => o.type === "relationship");
  const reports = latest.filter((o) => o.type === "report").sort((x, y) => String(x.published ?? "").localeCompare(String(y.published ?? "")) || x.id.localeCompare(y.id));
  const incidents = latest.filter((o) => o.type === "incident");
  const claimed = new Set<string>();
  for (const inc of incidents) {
    const own = reports.filter((r) => strs(r.object_refs).includes(inc.id));
    for (const r of own) claimed.add(r.id);
    const ext = extension(inc);
    const tlp = tlpOf(inc);
    const title = str(inc.name) ?? inc.id;
    let fields: ImportedIncident["fields"];
    let tags: ImportedIncident["tags"] = null;
    if (ext) {
      const read = extensionIncident(ext, inc.id, plan.warnings);
      fields = read.fields;
      tags = importedTags(read.values, fields, tlp, `imported from STIX ${inc.id}`);
    } else {
      fields = checkedFields(graphIncident(inc, byId, rels, own), inc.id, plan.warnings);
    }
    const sources = own.length ? own.map(reportSource) : [{
      title, source: `stix:${inc.id}`, fetchedAt: str(inc.created) ?? new Date(0).toISOString(), published: null, disclosedOn: null, listingDate: null,
      text: str(inc.description) ? `${title}\n\n${String(inc.description)}` : title, originalSha256: null,
    }];
    plan.incidents.push({ key: inc.id, fields, tlp, tags, sources });
  }
  for (const r of reports) if (!claimed.has(r.id)) plan.documents.push(reportSource(r));
  return plan;
}
