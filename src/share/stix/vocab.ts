import type { Sector } from "../../core/types.js";
import { TECHNIQUES } from "../../intel/taxonomies/attack.js";

/** STIX 2.1 industry-sector-ov values for each Jikenbo sector (empty where none fits). */
export const STIX_SECTORS: Readonly<Record<Sector, readonly string[]>> = {
  medical: ["healthcare"],
  education: ["education"],
  government: ["government"],
  retail_ec: ["retail"],
  manufacturing: ["manufacturing"],
  finance: ["financial-services"],
  media: [],
  it_service: ["technology"],
  logistics: ["transportation"],
  health_insurance: ["insurance", "healthcare"],
  association: ["non-profit"],
  leisure: ["hospitality-leisure"],
  real_estate: [],
  telecom: ["telecommunications"],
  other: [],
};

/** ATT&CK Enterprise tactics in kill-chain order, as STIX kill_chain_phases name them. */
const TACTICS = [
  "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation", "defense-evasion",
  "credential-access", "discovery", "lateral-movement", "collection", "command-and-control", "exfiltration", "impact",
] as const;

/** The tactics of each technique Jikenbo tags (ATT&CK Enterprise v17). */
const TACTICS_OF: Readonly<Record<string, readonly (typeof TACTICS)[number][]>> = {
  "T1056.003": ["collection", "credential-access"],
  T1078: ["initial-access", "persistence", "privilege-escalation", "defense-evasion"],
  T1110: ["credential-access"],
  "T1110.001": ["credential-access"],
  "T1110.004": ["credential-access"],
  T1114: ["collection"],
  T1133: ["initial-access", "persistence"],
  T1190: ["initial-access"],
  T1219: ["command-and-control"],
  T1486: ["impact"],
  T1491: ["impact"],
  "T1491.002": ["impact"],
  T1498: ["impact"],
  T1566: ["initial-access"],
  "T1566.001": ["initial-access"],
  "T1566.002": ["initial-access"],
  T1567: ["exfiltration"],
  "T1567.002": ["exfiltration"],
};

/** A technique Jikenbo tags: its ATT&CK name, Japanese gloss and tactics, or null for an unknown id. */
export function technique(id: string): { id: string; name: string; ja: string; tactics: readonly string[] } | null {
  const t = Object.values(TECHNIQUES).find((x) => x.id === id);
  return t ? { id: t.id, name: t.name, ja: t.ja, tactics: TACTICS_OF[t.id] ?? [] } : null;
}

/** The kill-chain phases of a set of techniques, once each, in kill-chain order. */
export function killChainPhases(techniqueIds: readonly string[]): { kill_chain_name: string; phase_name: string }[] {
  const tactics = new Set(techniqueIds.flatMap((id) => technique(id)?.tactics ?? []));
  return TACTICS.filter((t) => tactics.has(t)).map((phase_name) => ({ kill_chain_name: "mitre-attack", phase_name }));
}

/** The ATT&CK page of a technique, e.g. https://attack.mitre.org/techniques/T1566/002/. */
export function attackUrl(id: string): string {
  return `https://attack.mitre.org/techniques/${id.replace(".", "/")}/`;
}
