import type { IncidentType } from "../../core/types.js";
import type { Tlp } from "../../intel/taxonomies/tlp.js";
import type { IncidentDetail, StoredDocument } from "../../store/types.js";
import { incidentTlp, publicUrl, shareable, sharedSource } from "../select.js";
import { uuidv5 } from "../stix/ids.js";
import { kindOfIndicator, type IndicatorKind } from "../stix/pattern.js";
import { attackGalaxyTag, DISTRIBUTION, machineTag, MISP_ORG, verisTags } from "./tags.js";

/** A MISP attribute as events/add takes it. */
export interface MispAttribute {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  comment: string;
  distribution: string;
  timestamp: string;
}

/** A MISP event report (markdown text attached to an event). */
export interface MispEventReport {
  uuid: string;
  name: string;
  content: string;
  distribution: string;
  timestamp: string;
}

/** A MISP event as events/add takes it. */
export interface MispEvent {
  uuid: string;
  info: string;
  date: string;
  threat_level_id: string;
  analysis: string;
  distribution: string;
  published: boolean;
  timestamp: string;
  Orgc: { name: string; uuid: string };
  Org: { name: string; uuid: string };
  Attribute: MispAttribute[];
  Tag: { name: string }[];
  EventReport?: MispEventReport[];
}

/** Options of the MISP export. */
export interface MispOptions {
  /** The most restrictive TLP level exported (default CLEAR). */
  maxTlp?: Tlp;
  /** Attach each notice's words as an event report (default true). */
  noticeText?: boolean;
}

/** MISP attribute type and category of each indicator kind. */
const INDICATOR_TYPES: Readonly<Record<IndicatorKind, [type: string, category: string]>> = {
  email: ["email-src", "Payload delivery"], url: ["url", "Network activity"], domain: ["domain", "Network activity"],
  ipv4: ["ip-dst", "Network activity"], ipv6: ["ip-dst", "Network activity"],
  md5: ["md5", "Payload delivery"], sha1: ["sha1", "Payload delivery"], sha256: ["sha256", "Payload delivery"],
};

const HIGH: readonly IncidentType[] = ["ransomware", "web_skimming"];
const ATTACKS: readonly IncidentType[] = ["unauthorized_access", "malware", "phishing", "account_takeover", "credential_stuffing", "insider", "ddos", "defacement", "support_scam"];
const SENSITIVE = new Set(["credit_card_number", "credit_card_info", "security_code", "my_number", "health", "password", "bank_account"]);

/** MISP threat level: 1 high (ransomware, skimming, sensitive data or 10,000+ people), 2 medium (other attacks), 3 low (errors, losses), 4 undefined. */
export function threatLevel(inc: IncidentDetail): string {
  const f = inc.fields;
  if (f.incident_types.some((t) => HIGH.includes(t)) || f.data_types.some((d) => SENSITIVE.has(d)) || (f.affected_count ?? 0) >= 10_000) return "1";
  if (f.incident_types.some((t) => ATTACKS.includes(t))) return "2";
  return f.incident_types.length ? "3" : "4";
}

/** MISP analysis state of an incident's status: 0 initial, 1 ongoing, 2 completed. */
const ANALYSIS = { unknown: "0", investigating: "1", resolved: "2" } as const;

/** Unix seconds of an ISO time, as MISP writes timestamps. */
const unix = (iso: string) => String(Math.floor(Date.parse(iso) / 1000));

/** The MISP `datetime` value of a `YYYY-MM-DD` date. */
const datetime = (day: string) => `${day}T00:00:00.000000+0000`;

/** The tags of an incident: TLP, the jikenbo: machine tags of its fields and taxonomies, ATT&CK galaxy and veris tags. */
export function mispTags(inc: IncidentDetail): string[] {
  const f = inc.fields;
  const tags = [`tlp:${incidentTlp(inc).toLowerCase()}`];
  const j = (predicate: string, value: string) => tags.push(machineTag("jikenbo", predicate, value));
  for (const t of f.incident_types) j("incident-type", t);
  if (f.sector) j("sector", f.sector);
  for (const d of f.data_types) j("data-type", d);
  for (const r of f.reported_to) j("reported-to", r);
  j("status", f.status);
  if (f.cause) j("cause-category", f.cause.category);
  for (const t of inc.tags) {
    if (t.taxonomy === "tsr_cause") j("tsr-cause", t.value);
    else if (t.taxonomy === "tsr_medium") j("tsr-medium", t.value);
    else if (t.taxonomy === "basics") j("basics", t.value);
  }
  for (const t of inc.tags) {
    if (t.taxonomy === "attack") { const g = attackGalaxyTag(t.value); if (g) tags.push(g); }
    else tags.push(...verisTags(t));
  }
  return [...new Set(tags)];
}

/** One event for an incident. */
function mispEvent(inc: IncidentDetail, docs: ReadonlyMap<string, StoredDocument>, noticeText: boolean): MispEvent {
  const f = inc.fields;
  const uuid = uuidv5(`misp-event\n${inc.id}`);
  const timestamp = unix(inc.updated_at);
  const attrs: MispAttribute[] = [];
  const add = (type: string, category: string, value: string, comment: string, toIds = false) => {
    const a = { uuid: uuidv5(`misp-attribute\n${uuid}\n${type}\n${value}\n${comment}`), type, category, value, to_ids: toIds, comment, distribution: "5", timestamp };
    if (!attrs.some((x) => x.uuid === a.uuid)) attrs.push(a);
  };
  if (f.organization) add("target-org", "Targeting data", f.organization, "organization");
  for (const p of f.other_parties) add("text", "Other", p, "other_party");
  if (f.disclosed_on) add("datetime", "Other", datetime(f.disclosed_on), "disclosed_on");
  if (f.discovered_on) add("datetime", "Other", datetime(f.discovered_on), "discovered_on");
  if (f.exposure_period?.from) add("datetime", "Other", datetime(f.exposure_period.from), "exposure_from");
  if (f.exposure_period?.to) add("datetime", "Other", datetime(f.exposure_period.to), "exposure_to");
  if (f.affected_count !== null) add("counter", "Other", String(f.affected_count), f.affected_count_text ? `affected_count: ${f.affected_count_text}` : "affected_count");
  for (const c of f.secondary_counts) add("counter", "Other", String(c.value), `secondary_count: ${c.text}`);
  for (const v of f.indicators) {
    const [type, category] = INDICATOR_TYPES[kindOfIndicator(v)];
    add(type, category, v, "indicator: attacker-side, named in the notice", true);
  }
  if (f.cause) add("text", "Other", f.cause.text, "cause");
  for (const r of f.response) add("text", "Other", r, "response");
  for (const m of f.measures) add("text", "Other", m, "measures");
  if (f.casebook_id) add("text", "Other", f.casebook_id, "casebook_id");
  for (const n of inc.notices) {
    const url = publicUrl(n.source);
    if (url) add("link", "External analysis", url, n.title);
    else add("text", "Other", sharedSource(n), `source: ${n.title}`);
  }
  const reports = noticeText
    ? inc.notices.flatMap((n) => {
      const text = docs.get(n.document)?.text?.slice(n.span[0], n.span[1]);
      return text ? [{ uuid: uuidv5(`misp-event-report\n${n.id}`), name: n.title, content: text, distribution: "5", timestamp: unix(n.fetched_at) }] : [];
    })
    : [];
  return {
    uuid,
    info: inc.title,
    date: f.disclosed_on ?? f.discovered_on ?? inc.created_at.slice(0, 10),
    threat_level_id: threatLevel(inc),
    analysis: ANALYSIS[f.status],
    distribution: DISTRIBUTION[incidentTlp(inc)],
    published: false,
    timestamp,
    Orgc: { ...MISP_ORG },
    Org: { ...MISP_ORG },
    Attribute: attrs,
    Tag: mispTags(inc).map((name) => ({ name })),
    ...(reports.length ? { EventReport: reports } : {}),
  };
}

/**
 * MISP events, one per incident the TLP allows, as an array of `{"Event": …}`: each element is the
 * body MISP's `POST /events/add` takes (one event per request), and the form of a MISP feed's event file.
 * Deterministic: uuids are UUIDv5 of the incident, notice and attribute.
 */
export function mispEvents(incidents: readonly IncidentDetail[], docs: ReadonlyMap<string, StoredDocument>, opts: MispOptions = {}): { Event: MispEvent }[] {
  return shareable(incidents, opts.maxTlp ?? "CLEAR").map((inc) => ({ Event: mispEvent(inc, docs, opts.noticeText ?? true) }));
}
