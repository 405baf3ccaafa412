import type { Finding, IncidentFields } from "../../core/types.js";

/** The taxonomies a notice can be tagged with, in the order `tagNotice` emits them. */
export const TAXONOMY_NAMES = [
  "incident_type", "tsr_cause", "tsr_medium", "sector", "attack",
  "veris_action", "veris_asset", "veris_attribute", "tlp", "basics",
] as const;
/** The name of one taxonomy. */
export type TaxonomyName = (typeof TAXONOMY_NAMES)[number];

/** A name in Japanese and English. */
export interface Label {
  ja: string;
  en: string;
}

/** One taxonomy tag on an incident, with why it applies and, when the text supports it, where. */
export interface Tag {
  taxonomy: TaxonomyName;
  /** Machine value: "T1486", "malware.ransomware", "clean_up_what_you_use", "CLEAR", "ウイルス感染・不正アクセス"… */
  value: string;
  label: Label;
  /** One line for the analyst, in English. */
  reason: string;
  /** Offsets into the decoded text (`source`) of the words that justify it, when there are such words. */
  span?: [number, number];
  /** In [0, 1]. */
  confidence: number;
}

/** One extracted incident notice: its fields and evidence, the decoded text and the notice's span in it. */
export interface NoticeInput {
  fields: IncidentFields;
  findings: Finding[];
  source: string;
  span: readonly [number, number];
}

/** Build a tag with its confidence rounded to two places and the span left out when there is none. */
export function makeTag(
  taxonomy: TaxonomyName, value: string, label: Label, reason: string, confidence: number, span?: readonly [number, number] | null,
): Tag {
  const tag: Tag = { taxonomy, value, label, reason, confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100 };
  if (span) tag.span = [span[0], span[1]];
  return tag;
}

/** Quote the words of the notice in a reason, cut to a readable length. */
export function quote(words: string): string {
  const flat = words.replace(/\s+/g, " ").trim();
  return `「${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}」`;
}
