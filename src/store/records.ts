import { sha256 } from "../core/document.js";
import type { Casefile, IncidentFields, Notice } from "../core/types.js";
import { emptyFields } from "../extract/index.js";

/** A notice ready to be written: its stable id and the incident it belongs to. */
export interface NoticeRow {
  id: string;
  incidentId: string | null;
  notice: Notice;
}

/**
 * Stable ids for the notices of a casefile: the document hash plus the normalised title and its
 * occurrence, so re-extraction keeps ids as long as the post keeps its heading.
 */
export function noticeRows(cf: Casefile): NoticeRow[] {
  const seen = new Map<string, number>();
  return cf.notices.map((n) => {
    const key = n.title.normalize("NFKC").replace(/\s+/g, "");
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const id = "ntc_" + sha256(`${cf.doc.sha256}\n${key}\n${k}`).slice(0, 16);
    return { id, incidentId: n.isIncident ? "inc_" + sha256(id).slice(0, 16) : null, notice: n };
  });
}

/** The incident's fields from its notices: the first notice leads, later ones fill gaps. */
export function mergeFields(drafts: IncidentFields[]): IncidentFields {
  const out = emptyFields();
  for (const d of drafts) {
    for (const [k, v] of Object.entries(d) as [keyof IncidentFields, unknown][]) {
      const cur = out[k] as unknown;
      if (Array.isArray(v)) {
        const merged = [...(cur as unknown[])];
        for (const x of v) if (!merged.some((y) => JSON.stringify(y) === JSON.stringify(x))) merged.push(x);
        (out as unknown as Record<string, unknown>)[k] = merged;
      } else if ((cur === null || cur === "unknown") && v !== null && v !== undefined) {
        (out as unknown as Record<string, unknown>)[k] = v;
      }
    }
  }
  return out;
}

/** A digest of everything the analysis of a casefile produced, to skip unchanged re-extractions. */
export function analysisDigest(cf: Casefile): string {
  return sha256(JSON.stringify([cf.text, cf.charset, cf.messages, cf.notices]));
}

/** Date an incident is filed under: disclosed, else discovered. */
export function incidentDate(f: IncidentFields): string | null {
  return f.disclosed_on ?? f.discovered_on ?? null;
}

/** Text the full-text index holds for an incident: title, organisation and source notices, NFKC. */
export function searchText(title: string, f: IncidentFields, bodies: string[]): string {
  return [title, f.organization ?? "", ...f.other_parties, ...bodies].join("\n").normalize("NFKC");
}

/**
 * The distinct overlapping character pairs of a text as space-separated tokens, for
 * one- and two-character searches ("紛失" is found as the token 紛失).
 */
export function bigramTokens(text: string): string {
  const seen = new Set<string>();
  for (const run of text.toLowerCase().split(/[\s\p{P}\p{S}]+/u)) {
    const chars = [...run];
    if (chars.length === 1) seen.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) seen.add(chars[i]! + chars[i + 1]!);
  }
  return [...seen].join(" ");
}
