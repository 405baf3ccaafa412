import { parsePattern, PatternError } from "./pattern.js";
import { TLP2_EXTENSION_ID } from "./tlp.js";

/** Relationship types STIX 2.1 defines, by source type, with the target types each allows. */
const RELATIONSHIPS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  "attack-pattern": { delivers: ["malware"], targets: ["identity", "location", "vulnerability"], uses: ["malware", "tool"] },
  campaign: {
    "attributed-to": ["intrusion-set", "threat-actor"], compromises: ["infrastructure"], "originates-from": ["location"],
    targets: ["identity", "location", "vulnerability"], uses: ["attack-pattern", "infrastructure", "malware", "tool"],
  },
  "course-of-action": {
    investigates: ["indicator"], mitigates: ["attack-pattern", "indicator", "malware", "tool", "vulnerability"], remediates: ["malware", "vulnerability"],
  },
  identity: { "located-at": ["location"] },
  indicator: {
    indicates: ["attack-pattern", "campaign", "infrastructure", "intrusion-set", "malware", "threat-actor", "tool"], "based-on": ["observed-data"],
  },
  infrastructure: {
    "communicates-with": ["infrastructure", "ipv4-addr", "ipv6-addr", "domain-name", "url"], "consists-of": ["infrastructure", "observed-data"],
    controls: ["infrastructure", "malware"], delivers: ["malware"], has: ["vulnerability"], hosts: ["tool", "malware"], "located-at": ["location"], uses: ["infrastructure"],
  },
  "intrusion-set": {
    "attributed-to": ["threat-actor"], compromises: ["infrastructure"], hosts: ["infrastructure"], owns: ["infrastructure"], "originates-from": ["location"],
    targets: ["identity", "location", "vulnerability"], uses: ["attack-pattern", "infrastructure", "malware", "tool"],
  },
  malware: {
    "authored-by": ["threat-actor", "intrusion-set"], "beacons-to": ["infrastructure"], "exfiltrates-to": ["infrastructure"],
    "communicates-with": ["ipv4-addr", "ipv6-addr", "domain-name", "url"], controls: ["malware"], downloads: ["malware", "tool", "file"],
    drops: ["malware", "tool", "file"], exploits: ["vulnerability"], "originates-from": ["location"],
    targets: ["identity", "infrastructure", "location", "vulnerability"], uses: ["attack-pattern", "infrastructure", "malware", "tool"], "variant-of": ["malware"],
  },
  "malware-analysis": { characterizes: ["malware"], "analysis-of": ["malware"], "static-analysis-of": ["malware"], "dynamic-analysis-of": ["malware"] },
  "threat-actor": {
    "attributed-to": ["identity"], compromises: ["infrastructure"], hosts: ["infrastructure"], owns: ["infrastructure"], impersonates: ["identity"],
    "located-at": ["location"], targets: ["identity", "location", "vulnerability"], uses: ["attack-pattern", "infrastructure", "malware", "tool"],
  },
  tool: { delivers: ["malware"], drops: ["malware"], has: ["vulnerability"], targets: ["identity", "infrastructure", "location", "vulnerability"], uses: ["infrastructure"] },
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?Z$/;
const TYPE = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
/** Vocabularies whose values Jikenbo must keep to (open vocabularies, but an exporter should not invent values). */
const VOCABULARIES: Readonly<Record<string, readonly string[]>> = {
  identity_class: ["individual", "group", "system", "organization", "class", "unknown"],
  sectors: [
    "agriculture", "aerospace", "automotive", "chemical", "commercial", "communications", "construction", "defense", "education", "energy",
    "engineering", "entertainment", "financial-services", "government", "emergency-services", "government-local", "government-national",
    "government-public-services", "government-regional", "healthcare", "hospitality-leisure", "infrastructure", "dams", "nuclear", "water",
    "insurance", "manufacturing", "mining", "non-profit", "pharmaceuticals", "retail", "technology", "telecommunications", "transportation", "utilities",
  ],
  indicator_types: ["anomalous-activity", "anonymization", "benign", "compromised", "malicious-activity", "attribution", "unknown"],
  report_types: ["attack-pattern", "campaign", "identity", "indicator", "intrusion-set", "malware", "observed-data", "threat-actor", "threat-report", "tool", "vulnerability"],
  pattern_type: ["stix", "pcre", "sigma", "snort", "suricata", "yara"],
};

/** Every `*_ref` and `*_refs` value in an object, with where it was found. */
function references(value: unknown, path: string, out: [string, string][]): void {
  if (Array.isArray(value)) { value.forEach((v, i) => references(v, `${path}[${i}]`, out)); return; }
  if (value === null || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    if (k.endsWith("_ref") && typeof v === "string") out.push([at, v]);
    else if (k.endsWith("_refs") && Array.isArray(v)) v.forEach((x, i) => typeof x === "string" && out.push([`${at}[${i}]`, x]));
    else references(v, at, out);
  }
}

/**
 * What the STIX JSON schemas cannot check, checked as the OASIS validator does: ids of the form
 * `type--UUID` matching the object's type, created <= modified, references resolving inside the
 * bundle, extension definitions present, indicator pattern syntax, relationship types the
 * specification defines for the source and target types, and the values of the vocabularies used.
 * Returns one line per problem; an empty list means the bundle passed.
 */
export function checkBundle(bundle: unknown): string[] {
  const errors: string[] = [];
  if (!bundle || typeof bundle !== "object" || (bundle as { type?: unknown }).type !== "bundle") return ["not a STIX bundle"];
  const b = bundle as { id?: unknown; objects?: unknown };
  if (typeof b.id !== "string" || !/^bundle--/.test(b.id) || !UUID.test(b.id.slice(8))) errors.push(`bundle: id ${String(b.id)} is not bundle--UUID`);
  if (!Array.isArray(b.objects)) return [...errors, "bundle: no objects"];
  const objects = b.objects as Record<string, unknown>[];
  const byId = new Map<string, Record<string, unknown>>();
  for (const o of objects) {
    const key = `${String(o.id)}|${String(o.modified ?? "")}`;
    if (byId.has(key)) errors.push(`${String(o.id)}: the same version appears twice`);
    byId.set(key, o);
    byId.set(String(o.id), o);
  }
  for (const o of objects) {
    const id = String(o.id);
    const type = String(o.type);
    if (!TYPE.test(type)) errors.push(`${id}: invalid type ${type}`);
    const m = /^([a-z0-9-]+)--(.+)$/.exec(id);
    if (!m || m[1] !== type) errors.push(`${id}: id does not start with its type ${type}--`);
    else if (!UUID.test(m[2]!)) errors.push(`${id}: not an RFC 4122 UUID (lower-case, version 1-5, variant 10xx)`);
    if (o.spec_version !== "2.1") errors.push(`${id}: spec_version must be 2.1`);
    for (const k of ["created", "modified", "published", "valid_from", "valid_until", "first_seen", "last_seen"]) {
      if (o[k] !== undefined && (typeof o[k] !== "string" || !TIMESTAMP.test(o[k] as string) || Number.isNaN(Date.parse(o[k] as string)))) errors.push(`${id}: ${k} is not a valid timestamp`);
    }
    if (typeof o.created === "string" && typeof o.modified === "string" && Date.parse(o.modified) < Date.parse(o.created)) errors.push(`${id}: modified is before created`);
    if (typeof o.valid_from === "string" && typeof o.valid_until === "string" && Date.parse(o.valid_until) <= Date.parse(o.valid_from)) errors.push(`${id}: valid_until is not after valid_from`);
    const refs: [string, string][] = [];
    references(o, "", refs);
    for (const [at, ref] of refs) if (!byId.has(ref)) errors.push(`${id}: ${at} points to ${ref}, which is not in the bundle`);
    if (o.extensions && typeof o.extensions === "object") {
      for (const ext of Object.keys(o.extensions)) {
        if (ext.startsWith("extension-definition--") && ext !== TLP2_EXTENSION_ID && !byId.has(ext)) errors.push(`${id}: extension ${ext} has no extension-definition in the bundle`);
      }
    }
    for (const [prop, vocab] of Object.entries(VOCABULARIES)) {
      const v = o[prop];
      for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (!vocab.includes(String(x))) errors.push(`${id}: ${prop} value ${String(x)} is not in the STIX vocabulary`);
    }
    if (type === "indicator" && o.pattern_type === "stix") {
      try { parsePattern(String(o.pattern)); } catch (e) { errors.push(`${id}: invalid pattern ${String(o.pattern)}: ${e instanceof PatternError ? e.message : String(e)}`); }
    }
    if (type === "relationship") {
      const rt = String(o.relationship_type);
      const src = String(o.source_ref).split("--")[0]!;
      const tgt = String(o.target_ref).split("--")[0]!;
      const ok = rt === "related-to" || ((rt === "derived-from" || rt === "duplicate-of") && src === tgt) || (RELATIONSHIPS[src]?.[rt]?.includes(tgt) ?? false);
      if (!ok) errors.push(`${id}: STIX 2.1 defines no ${rt} relationship from ${src} to ${tgt}`);
    }
  }
  return errors;
}
