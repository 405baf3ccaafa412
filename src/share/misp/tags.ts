import type { Tag, TaxonomyName } from "../../core/types.js";
import { VERIS_VARIETIES, type VerisVariety } from "../../intel/taxonomies/veris.js";
import type { Tlp } from "../../intel/taxonomies/tlp.js";
import { technique } from "../stix/vocab.js";

/** The organisation Jikenbo events are created by (Orgc and Org). */
export const MISP_ORG = { name: "Jikenbo", uuid: "40edd17d-404c-4c24-ba0b-8c3dc5734937" } as const;

/** MISP distribution per TLP level: CLEAR to all communities, GREEN to this community, the rest to your organisation only. */
export const DISTRIBUTION: Readonly<Record<Tlp, string>> = { CLEAR: "3", GREEN: "1", AMBER: "0", "AMBER+STRICT": "0", RED: "0" };

/** A machine tag `namespace:predicate="value"` (quotes in the value escaped). */
export function machineTag(namespace: string, predicate: string, value: string): string {
  return `${namespace}:${predicate}="${value.replace(/"/g, '\\"')}"`;
}

/** Split a machine tag into namespace, predicate and value, or null when it is not one. */
export function splitMachineTag(name: string): { namespace: string; predicate: string; value: string } | null {
  const m = /^([^:="]+):([^="]+)="((?:[^"\\]|\\.)*)"$/.exec(name.trim());
  return m ? { namespace: m[1]!, predicate: m[2]!, value: m[3]!.replace(/\\(.)/g, "$1") } : null;
}

/** The MISP galaxy tag of an ATT&CK technique: `misp-galaxy:mitre-attack-pattern="Data Encrypted for Impact - T1486"`. */
export function attackGalaxyTag(id: string): string | null {
  const t = technique(id);
  if (!t) return null;
  const name = t.id.includes(".") ? t.name.slice(t.name.indexOf(": ") + 2) : t.name;
  return machineTag("misp-galaxy", "mitre-attack-pattern", `${name} - ${t.id}`);
}

/** The MISP veris taxonomy tags of a Jikenbo VERIS tag. */
export function verisTags(tag: Tag): string[] {
  if (tag.taxonomy === "veris_action") {
    const [category, variety] = tag.value.split(".") as [string, string | undefined];
    if (category === "unknown") return [];
    const name = variety ? VERIS_VARIETIES[tag.value as VerisVariety]?.en : "Unknown";
    return name ? [machineTag("veris", `action:${category}:variety`, name)] : [];
  }
  if (tag.taxonomy === "veris_asset") return [machineTag("veris", "asset:variety", tag.value)];
  if (tag.taxonomy !== "veris_attribute") return [];
  const detail = tag.label.en.includes(": ") ? tag.label.en.slice(tag.label.en.indexOf(": ") + 2).split(", ") : [];
  if (tag.value === "confidentiality") {
    return detail.length ? detail.map((d) => machineTag("veris", "attribute:confidentiality:data:variety", d)) : [machineTag("veris", "attribute:confidentiality:data_disclosure", "Unknown")];
  }
  return detail.map((d) => machineTag("veris", `attribute:${tag.value}:variety`, d));
}

/** The Jikenbo taxonomy value a MISP tag stands for (ATT&CK galaxy, veris, jikenbo TSR and basics), or null. */
export function taxonomyOfTag(name: string): { taxonomy: TaxonomyName; value: string } | null {
  const t = splitMachineTag(name);
  if (!t) return null;
  if (t.namespace === "misp-galaxy" && t.predicate === "mitre-attack-pattern") {
    const id = /\s-\s(T\d{4}(?:\.\d{3})?)$/.exec(t.value)?.[1];
    return id && technique(id) ? { taxonomy: "attack", value: id } : null;
  }
  if (t.namespace === "jikenbo") {
    const taxonomy = ({ "tsr-cause": "tsr_cause", "tsr-medium": "tsr_medium", basics: "basics" } as Record<string, TaxonomyName>)[t.predicate];
    return taxonomy ? { taxonomy, value: t.value } : null;
  }
  if (t.namespace !== "veris") return null;
  const action = /^action:([a-z]+):variety$/.exec(t.predicate);
  if (action) {
    if (t.value === "Unknown") return { taxonomy: "veris_action", value: action[1]! };
    const key = Object.entries(VERIS_VARIETIES).find(([k, v]) => k.startsWith(`${action[1]}.`) && v.en === t.value)?.[0];
    return key ? { taxonomy: "veris_action", value: key } : null;
  }
  if (t.predicate === "asset:variety") return { taxonomy: "veris_asset", value: t.value };
  const attribute = /^attribute:(confidentiality|integrity|availability):/.exec(t.predicate);
  return attribute ? { taxonomy: "veris_attribute", value: attribute[1]! } : null;
}
