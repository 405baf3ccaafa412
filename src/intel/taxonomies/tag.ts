import type { Reading } from "../../extract/reading.js";
import type { Finding, IncidentFields, Label, Tag, TaxonomyName } from "../../core/types.js";

export { TAXONOMY_NAMES } from "../../core/types.js";
export type { Label, Tag, TaxonomyName } from "../../core/types.js";

/** One extracted incident notice: its fields and evidence, the decoded text and the notice's span in it. */
export interface NoticeInput {
  fields: IncidentFields;
  findings: Finding[];
  source: string;
  span: readonly [number, number];
  /** The notice's text as the rules read it (read afresh without). */
  reading?: Reading;
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
