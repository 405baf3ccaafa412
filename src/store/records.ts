import { OWNER_CLEARANCE, type Writer } from "../casebook/authorize.js";
import { ownIncident } from "../casebook/merge.js";
import { sha256 } from "../core/document.js";
import type { Casefile, IncidentFields, Notice, Tag } from "../core/types.js";
import { ADVISORY_BODIES, orgKey } from "../core/vocab/organizations.js";
import type { Facets, IndicatorRecord, RelatedIncident } from "./types.js";

/** Who automatic changes (ingest, re-extraction, correlation) are recorded as, in every backend. */
export const SYSTEM = "jikenbo";

/** The casebook's own writes as its owner (re-extraction; tools that fill a casebook): every clearance. */
export const SYSTEM_WRITER: Writer = { who: SYSTEM, clearance: OWNER_CLEARANCE };

/**
 * How finely a token's last use is kept. A signed-in read would otherwise write on every request, which
 * costs a write lock and, on SQLite, moves the change counter that keeps facet counts cached.
 */
export const TOKEN_USE_RESOLUTION_MS = 60_000;

/** The time to note as a token's use now, and the noted use before which it is worth writing. */
export function tokenUse(at = Date.now()): { now: string; staleBefore: string } {
  return { now: new Date(at).toISOString(), staleBefore: new Date(at - TOKEN_USE_RESOLUTION_MS).toISOString() };
}

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
    return { id, incidentId: n.isIncident ? ownIncident(id) : null, notice: n };
  });
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

/** The words of a search query, as searchText holds them: NFKC, lower case, split at white space. */
export function searchWords(q: string): string[] {
  return q.normalize("NFKC").toLowerCase().trim().split(/\s+/).filter(Boolean);
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
 * The characters and overlapping character pairs of a search text, each once (PostgreSQL's pair
 * index): a word of one or two characters is one of them. Runs are not split, so that SQL computes the
 * same set (PAIRS in postgres/migrations.ts); a pair across a separator is only an extra entry.
 */
export function charPairs(text: string): string[] {
  const chars = Array.from(text);
  const seen = new Set<string>(chars);
  for (let k = 0; k + 1 < chars.length; k++) seen.add(chars[k]! + chars[k + 1]!);
  return [...seen];
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

/**
 * An incident's facet combination, as the writer records it: the values its facets count, types
 * deduplicated as incident_types keeps them, values in code-point order (as SQLite's BINARY and
 * PostgreSQL's "C" collations order these BMP strings). The migrations' SQL computes the same from a row.
 */
export function facetKey(sector: string | null, eventDate: string, tlp: string, types: readonly string[], tags: readonly Tag[]): string {
  const values = (taxonomy: string) => tags.filter((t) => t.taxonomy === taxonomy).map((t) => t.value).sort();
  return JSON.stringify([sector ?? "unknown", eventDate.slice(0, 4), tlp, [...new Set(types)].sort(), values("tsr_cause"), values("basics")]);
}

/** Facets from the number of matching incidents per facet combination (facetKey's JSON). */
export function facetsOfCombos(groups: { key: string; n: number }[]): Facets {
  const counts = new Map<keyof Facets, Map<string, number>>();
  const add = (facet: keyof Facets, key: string, n: number) => {
    const byKey = counts.get(facet) ?? new Map<string, number>();
    counts.set(facet, byKey.set(key, (byKey.get(key) ?? 0) + n));
  };
  for (const { key, n } of groups) {
    const [sector, year, tlp, types, causes, basics] = JSON.parse(key) as [string, string, string, string[], string[], string[]];
    add("total", "", n);
    add("sector", sector, n);
    add("year", year, n);
    add("tlp", tlp, n);
    for (const v of types) add("type", v, n);
    for (const v of causes) add("cause", v, n);
    for (const v of basics) add("basics", v, n);
  }
  return facetsOf([...counts].flatMap(([facet, byKey]) => [...byKey].map(([key, count]) => ({ facet, key, count }))));
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

/** Related incidents from rows in order, one per incident: the first row's, with the other rows' reasons joined to its own. */
export function relatedOf(rows: readonly RelatedIncident[]): RelatedIncident[] {
  const seen = new Map<string, RelatedIncident>();
  for (const r of rows) {
    const cur = seen.get(r.id);
    if (cur) { if (!cur.reason.includes(r.reason)) cur.reason += `; ${r.reason}`; } else seen.set(r.id, { id: r.id, title: r.title, organization: r.organization, reason: r.reason });
  }
  return [...seen.values()];
}

/** An indicator and one incident that mentions it. */
export interface IndicatorRow {
  value: string;
  kind: string;
  id: string;
  title: string;
  organization: string | null;
}

/** Indicators from rows in order, each with the incidents mentioning it: the most shared first, then by value; at most `limit`. */
export function indicatorRecords(rows: readonly IndicatorRow[], limit: number): IndicatorRecord[] {
  const out = new Map<string, IndicatorRecord>();
  for (const r of rows) {
    const rec = out.get(r.value) ?? { value: r.value, kind: r.kind, incidents: [] };
    rec.incidents.push({ id: r.id, title: r.title, organization: r.organization });
    out.set(r.value, rec);
  }
  return [...out.values()].sort((a, b) => b.incidents.length - a.incidents.length || a.value.localeCompare(b.value)).slice(0, limit);
}
