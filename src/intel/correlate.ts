import type { IncidentFields } from "../core/types.js";
import { orgKey } from "../core/vocab/organizations.js";

export { orgKey };

/** What correlation knows about an incident or a new notice. */
export interface Comparable {
  title: string;
  fields: IncidentFields;
}

/** Whether two reports are the same incident, how sure, and why. */
export interface Match {
  score: number;
  reasons: string[];
}

/** Score at or above which a new notice joins an existing incident automatically. */
export const SAME_INCIDENT = 0.7;


/** A title reduced to its words: no casebook marker, category, date, bracket labels or spaces. */
export function titleKey(title: string): string {
  return title
    .normalize("NFKC")
    .replace(/^【[^】]*】/, "")
    .replace(/[\s　]+(?:19|20)\d{2}[/.年-]\d{1,2}[/.月-]\d{1,2}日?\s*$/, "")
    .replace(/[【】「」『』()\s・、。!?:：]/g, "")
    .toLowerCase();
}

function bigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

/** Dice similarity of two strings' character pairs, in [0, 1]. */
export function dice(a: string, b: string): number {
  const x = bigrams(a), y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let n = 0;
  for (const g of x) if (y.has(g)) n++;
  return (2 * n) / (x.size + y.size);
}

function days(a: string, b: string): number {
  return Math.abs(Date.parse(a.slice(0, 10)) - Date.parse(b.slice(0, 10))) / 86_400_000;
}

/**
 * Whether two organisation keys name the same body: equal, or one is the other with a prefix or
 * suffix of words ("公園財団淀川河川公園管理センター" / "淀川河川公園管理センター"), never with digits
 * ("商事12" is not "商事123").
 */
export function sameOrg(a: string, b: string): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length < 4) return false;
  const at = long.indexOf(short);
  if (at < 0) return false;
  const before = long.slice(0, at), after = long.slice(at + short.length);
  return !/\d$/.test(before) && !/^\d/.test(after) && !/^[a-z0-9]/.test(after) && !/[a-z0-9]$/.test(before);
}

const FOLLOW_UP = /続報|第[2-9二三四五]報|更新|追記|再発防止策|調査結果|最終報告|ご報告/;

/**
 * Score whether a new notice reports the same incident as an existing one. Evidence adds up:
 * the same casebook number decides; otherwise the same organisation must be backed by the same
 * discovery date, the same count, a near-identical title, or a follow-up's wording; reports far
 * apart in time or of different kinds count against.
 */
export function sameIncident(a: Comparable, b: Comparable): Match {
  const fa = a.fields, fb = b.fields;
  if (fa.casebook_id && fb.casebook_id) {
    return fa.casebook_id === fb.casebook_id
      ? { score: 1, reasons: [`same casebook number ${fa.casebook_id}`] }
      : { score: 0, reasons: [`different casebook numbers ${fa.casebook_id} / ${fb.casebook_id}`] };
  }
  const oa = orgKey(fa.organization), ob = orgKey(fb.organization);
  if (!sameOrg(oa, ob)) return { score: 0, reasons: ["different organisations"] };
  const reasons = [`same organisation (${fa.organization})`];
  let score = 0.3;
  const t = dice(titleKey(a.title), titleKey(b.title));
  if (t >= 0.8) { score += 0.5; reasons.push(`near-identical titles (${t.toFixed(2)})`); }
  else if (t >= 0.5) { score += 0.2; reasons.push(`similar titles (${t.toFixed(2)})`); }
  if (fa.discovered_on && fa.discovered_on === fb.discovered_on) { score += 0.4; reasons.push(`same discovery date ${fa.discovered_on}`); }
  if (fa.affected_count !== null && fa.affected_count === fb.affected_count) { score += 0.3; reasons.push(`same count ${fa.affected_count}`); }
  const shared = fa.incident_types.filter((x) => fb.incident_types.includes(x));
  if (shared.length) { score += 0.1; reasons.push(`shared types ${shared.join(", ")}`); }
  else if (fa.incident_types.length && fb.incident_types.length) { score -= 0.3; reasons.push("no incident type in common"); }
  if (shared.length && (FOLLOW_UP.test(a.title) || FOLLOW_UP.test(b.title))) { score += 0.3; reasons.push("a follow-up report"); }
  const da = fa.disclosed_on ?? fa.discovered_on, db = fb.disclosed_on ?? fb.discovered_on;
  if (da && db && days(da, db) > 180) { score -= 0.5; reasons.push(`reported ${Math.round(days(da, db))} days apart`); }
  return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), reasons };
}
