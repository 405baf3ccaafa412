import { checkMarking, levelOf, OWNER_CLEARANCE, strictest, type Writer } from "../casebook/authorize.js";
import { sha256 } from "../core/document.js";
import { tlpRank, type Tlp } from "../intel/taxonomies/tlp.js";
import type { Casefile, IncidentFields, Notice, Tag } from "../core/types.js";
import { ADVISORY_BODIES, orgKey } from "../core/vocab/organizations.js";
import { fieldsFrom, mergeFieldValues } from "../core/fields.js";
import type { Facets } from "./types.js";

/** Who automatic changes (ingest, re-extraction, correlation) are recorded as, in every backend. */
export const SYSTEM = "jikenbo";

/** The casebook's own writes as its owner (re-extraction; tools that fill a casebook): every clearance. */
export const SYSTEM_WRITER: Writer = { who: SYSTEM, clearance: OWNER_CLEARANCE };

/** The marking a write must leave an incident with at least (a merge, a split, a source joining it), and why, for the trail. */
export interface Keep {
  floor: string;
  why: string;
}

/** Why a merge, a split or a joining source kept a marking, as the history says. */
export const KEEPS = {
  merged: "keeps the strictest TLP of the incidents merged into it",
  split: "keeps the TLP of the incident before the split",
  joined: "keeps the TLP of the source that joined it",
} as const;

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

/** One source's version of an incident, for merging. */
export interface SourceDraft {
  fields: IncidentFields;
  confidence: Partial<Record<keyof IncidentFields, number>>;
  tags: Tag[];
}

/**
 * The incident's fields from its sources, oldest first, each by its merge policy in `FIELDS`: lists are united; for a single value the
 * more confident source wins, and among equally confident ones the later (a follow-up's updated
 * count replaces the first report's).
 */
export function mergeFields(drafts: SourceDraft[]): IncidentFields {
  return fieldsFrom((field) => mergeFieldValues(field, drafts));
}

/**
 * The incident's tags from its sources: one per taxonomy value, the most confident kept. TLP keeps
 * the strictest marking of any source, however confident a looser one is.
 */
export function mergeTags(drafts: SourceDraft[]): Tag[] {
  const best = new Map<string, Tag>();
  for (const t of drafts.flatMap((d) => d.tags)) {
    const key = `${t.taxonomy}:${t.value}`;
    const cur = best.get(key);
    if (!cur || t.confidence > cur.confidence) best.set(key, t);
  }
  // Single-valued taxonomies keep one value: the strictest marking, else the most confident.
  for (const single of ["tsr_cause", "tsr_medium", "tlp"]) {
    const all = [...best.values()].filter((t) => t.taxonomy === single)
      .sort((a, b) => (single === "tlp" ? tlpRank(levelOf(b.value)) - tlpRank(levelOf(a.value)) : 0) || b.confidence - a.confidence);
    for (const t of all.slice(1)) best.delete(`${t.taxonomy}:${t.value}`);
  }
  return [...best.values()];
}

/** The marking a notice carries itself (in its words, or as imported): its strictest TLP tag, else CLEAR. */
export function noticeMarking(n: Notice): Tlp {
  return strictest((n.incident?.tags ?? []).filter((t) => t.taxonomy === "tlp").map((t) => t.value));
}

/** Refuse a casefile with an incident notice marked above the writer's clearance: nobody files what they could not mark. */
export function checkNoticeMarkings(cf: Casefile, writer: Writer): void {
  for (const n of cf.notices) if (n.incident) checkMarking(writer, noticeMarking(n), `the notice "${n.title}"`);
}

/** The fields after analysts' corrections (the latest active one per field wins). */
export function applyOverrides(fields: IncidentFields, overrides: { field: string; value: unknown }[]): IncidentFields {
  const out = { ...fields } as unknown as Record<string, unknown>;
  for (const o of overrides) if (o.field !== "tlp") out[o.field] = o.value;
  return out as unknown as IncidentFields;
}

/** The fields whose values differ, with the old and new value of each. */
export function fieldChanges(before: IncidentFields | null, after: IncidentFields): Record<string, [unknown, unknown]> {
  const out: Record<string, [unknown, unknown]> = {};
  if (!before) return out;
  for (const [k, v] of Object.entries(after)) {
    const old = (before as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(old) !== JSON.stringify(v)) out[k] = [old ?? null, v];
  }
  return out;
}

/** What kind of indicator a value is. */
export function indicatorKind(value: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return "url";
  if (value.includes("@")) return "email";
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(value)) return "ipv4";
  if (value.includes(":")) return "ipv6";
  if (/^[0-9a-f]{32}$|^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(value)) return "hash";
  return "domain";
}

/** Date an incident is filed under: disclosed, else discovered. */
export function incidentDate(f: IncidentFields): string | null {
  return f.disclosed_on ?? f.discovered_on ?? null;
}

/**
 * Text the full-text index holds for an incident: title, organisation and source notices, NFKC and in
 * lower case. A search finds the incidents whose text holds every word of the query (NFKC, lower case)
 * as it is: every backend answers exactly that.
 */
export function searchText(title: string, f: IncidentFields, bodies: string[]): string {
  return [title, f.organization ?? "", ...f.other_parties, ...bodies].join("\n").normalize("NFKC").toLowerCase();
}

/**
 * What separates the runs of a character-pair index: anything but letters, digits and private-use
 * characters (the tokenizer's own rule). At most 1,024 at a time: a regular expression matching
 * megabytes of separators at once runs out of stack.
 */
const NOT_IN_RUN = /[^\p{L}\p{N}\p{Co}]{1,1024}/u;

/** A word the character-pair index answers exactly: one run of one or two letters or digits. */
export const ONE_RUN = /^[\p{L}\p{N}\p{Co}]{1,2}$/u;

/**
 * The tokens of the character-pair index for a text, space-separated: the distinct overlapping pairs
 * of each run of letters and digits, and each run's last character. A two-character word is found as
 * its pair ("紛失"), a one-character word as the first of a pair or the end of a run ("失…", "失").
 */
export function bigramTokens(text: string): string {
  const seen = new Set<string>();
  for (const run of text.toLowerCase().split(NOT_IN_RUN)) {
    let last = "";
    for (const ch of run) {
      if (last) seen.add(last + ch);
      last = ch;
    }
    if (last) seen.add(last);
  }
  return [...seen].join(" ");
}

/**
 * What to ask the character-pair index for a short word (FTS5 phrases): the pair of each
 * two-character run, and a lone character as a prefix; nothing for a word of separators only.
 */
export function bigramQuery(word: string): string[] {
  return word.toLowerCase().split(NOT_IN_RUN).filter(Boolean).flatMap((run) => {
    const chars = [...run];
    if (chars.length === 1) return [`"${run}"*`];
    return chars.slice(1).map((c, i) => `"${chars[i]}${c}"`);
  });
}

/** Facets from (facet, key, count) rows, `total` among them; each facet's values most frequent first, then by key. */
export function facetsOf(rows: { facet: keyof Facets; key: string; count: number }[]): Facets {
  const out: Facets = { total: 0, type: [], sector: [], year: [], tlp: [], cause: [], basics: [] };
  for (const r of rows) {
    if (r.facet === "total") out.total = r.count;
    else out[r.facet].push({ key: r.key, count: r.count });
  }
  for (const list of [out.type, out.sector, out.year, out.tlp, out.cause, out.basics]) {
    list.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  }
  return out;
}

/**
 * The parties an incident links to others by: its organisation and the other parties it names, by key.
 * Regulators and advisory bodies (個人情報保護委員会, 警察, IPA…) stand in most notices and link none.
 */
export function partiesOf(fields: IncidentFields): { key: string; name: string; role: "organization" | "other" }[] {
  const out: { key: string; name: string; role: "organization" | "other" }[] = [];
  if (fields.organization && orgKey(fields.organization)) out.push({ key: orgKey(fields.organization), name: fields.organization, role: "organization" });
  for (const p of fields.other_parties) {
    const key = orgKey(p);
    if (key.length >= 2 && !ADVISORY_BODIES.test(key)) out.push({ key, name: p, role: "other" });
  }
  return out;
}
