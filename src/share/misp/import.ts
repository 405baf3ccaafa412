import type { TaxonomyName } from "../../core/types.js";
import { parseTlp, tlpRank, type Tlp } from "../../intel/taxonomies/tlp.js";
import { checkedFields, importedTags, type ImportedIncident, type ImportedSource, type ImportPlan } from "../imported.js";
import { MISP_ORG, splitMachineTag, taxonomyOfTag } from "./tags.js";

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter((x): x is Json => !!x && typeof x === "object") : []);
const day = (v: unknown): string | null => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};
/** ISO time of a MISP unix timestamp (seconds, as a string or number), or null. */
const isoOf = (v: unknown): string | null => {
  const n = Number(v);
  return v !== null && v !== undefined && v !== "" && Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : null;
};

/** MISP attribute types that are indicators, with how Jikenbo records their value. */
const INDICATOR_TYPES = new Set(["email-src", "email-dst", "email", "url", "domain", "hostname", "ip-src", "ip-dst", "md5", "sha1", "sha256"]);

/** The events of a MISP JSON file: `{"response": [{"Event": …}]}`, `[{"Event": …}]`, `{"Event": …}` or bare events. */
export function mispEventsOf(json: unknown): Json[] {
  const unwrap = (x: unknown): Json[] => {
    if (Array.isArray(x)) return x.flatMap(unwrap);
    if (!x || typeof x !== "object") return [];
    const o = x as Json;
    if ("response" in o) return unwrap(o.response);
    if ("Event" in o) return unwrap(o.Event);
    return typeof o.info === "string" ? [o] : [];
  };
  return unwrap(json);
}

/** The TLP of an event: its tlp: tags (most restrictive), else its distribution. */
function eventTlp(e: Json, tags: string[]): Tlp {
  const marked = tags.filter((t) => /^tlp:/i.test(t)).map(parseTlp).filter((t): t is Tlp => t !== null).sort((a, b) => tlpRank(b) - tlpRank(a))[0];
  if (marked) return marked;
  const d = String(e.distribution ?? "");
  return d === "3" || d === "5" ? "CLEAR" : d === "1" || d === "2" ? "GREEN" : "AMBER";
}

/** One event as an imported incident. */
function eventIncident(e: Json, warnings: string[]): ImportedIncident {
  const uuid = str(e.uuid);
  const key = uuid ? `misp:${uuid}` : `misp:"${String(e.info)}"`;
  const tags = list(e.Tag).map((t) => str(t.name)).filter((t): t is string => t !== null);
  const attrs = [...list(e.Attribute), ...list(e.Object).flatMap((o) => list(o.Attribute))].filter((a) => !a.deleted);
  const ours = (e.Orgc as Json | undefined)?.uuid === MISP_ORG.uuid || tags.some((t) => t.startsWith("jikenbo:"));
  const tlp = eventTlp(e, tags);
  const machine = (predicate: string) => tags.map(splitMachineTag).filter((t) => t?.namespace === "jikenbo" && t.predicate === predicate).map((t) => t!.value);
  const labelled = (label: string) => attrs.filter((a) => String(a.comment ?? "").split(":")[0] === label);
  const values = (label: string) => labelled(label).map((a) => String(a.value));
  const indicators = [...new Set(attrs.filter((a) => INDICATOR_TYPES.has(String(a.type))).map((a) => String(a.value)))];
  const organization = attrs.find((a) => a.type === "target-org")?.value ?? null;

  let stated: Record<string, unknown>;
  if (ours) {
    const counter = labelled("affected_count")[0];
    const counterText = counter ? String(counter.comment).slice("affected_count".length).replace(/^:\s*/, "") : "";
    const exposure = { from: day(values("exposure_from")[0]), to: day(values("exposure_to")[0]) };
    const cause = values("cause")[0];
    stated = {
      organization, other_parties: values("other_party"), disclosed_on: day(values("disclosed_on")[0]), discovered_on: day(values("discovered_on")[0]),
      exposure_period: exposure.from || exposure.to ? exposure : null, incident_types: machine("incident-type"),
      affected_count: counter ? Number(counter.value) : null, affected_count_text: counterText || null,
      secondary_counts: labelled("secondary_count").map((a) => ({ value: Number(a.value), text: String(a.comment).replace(/^secondary_count:\s*/, ""), qualifiers: [] })),
      data_types: machine("data-type"), reported_to: machine("reported-to"), sector: machine("sector")[0] ?? null, indicators,
      cause: cause ? { text: cause, category: machine("cause-category")[0] ?? "unknown" } : null,
      response: values("response"), measures: values("measures"), status: machine("status")[0] ?? "unknown", casebook_id: values("casebook_id")[0] ?? null,
    };
  } else {
    stated = {};
    if (organization) stated.organization = organization;
    if (day(e.date)) stated.disclosed_on = day(e.date);
    if (indicators.length) stated.indicators = indicators;
  }
  const fields = checkedFields(stated, key, warnings);
  const taxonomyValues = tags.map(taxonomyOfTag).filter((t): t is { taxonomy: TaxonomyName; value: string } => t !== null);
  // VERIS has no MISP tag for an unknown action: the tagger's "unknown" is what no action tag means.
  if (!taxonomyValues.some((t) => t.taxonomy === "veris_action")) taxonomyValues.push({ taxonomy: "veris_action", value: "unknown" });

  const links = attrs.filter((a) => a.type === "link" && str(a.value));
  const fetchedAt = isoOf(e.timestamp) ?? new Date(0).toISOString();
  const reports = list(e.EventReport).filter((r) => !r.deleted && str(r.content));
  const sources: ImportedSource[] = reports.length
    ? reports.map((r) => ({
      title: str(r.name) ?? String(e.info), source: String(links.find((l) => l.comment === r.name)?.value ?? links[0]?.value ?? `misp:event/${uuid ?? "?"}`),
      fetchedAt: isoOf(r.timestamp) ?? fetchedAt, published: day(e.date), disclosedOn: null, listingDate: null, text: String(r.content), originalSha256: null,
    }))
    : [{
      title: String(e.info), source: String(links[0]?.value ?? `misp:event/${uuid ?? "?"}`), fetchedAt, published: day(e.date), disclosedOn: null, listingDate: null,
      text: [String(e.info), ...attrs.filter((a) => a.type === "text" || a.type === "comment").map((a) => String(a.value))].join("\n\n"), originalSha256: null,
    }];
  return { key, fields, tlp, tags: ours ? importedTags(taxonomyValues, fields, tlp, `imported from MISP event ${uuid ?? ""}`.trim()) : null, sources };
}

/**
 * Read MISP events into an import plan. Events Jikenbo exported come back with every field (from the
 * attributes and jikenbo: tags it writes), taxonomy tags and TLP; other events give their info, date,
 * target organisation, indicator attributes and TLP (tags, else distribution) and leave the rest to extraction.
 */
export function mispImportPlan(json: unknown): ImportPlan {
  const events = mispEventsOf(json);
  if (events.length === 0) throw new Error("no MISP events found (expected {\"response\": [{\"Event\": …}]}, [{\"Event\": …}] or {\"Event\": …})");
  const plan: ImportPlan = { incidents: [], documents: [], warnings: [] };
  for (const e of events) plan.incidents.push(eventIncident(e, plan.warnings));
  return plan;
}
