import type { IncidentFields } from "../core/types.js";
import { orgKey } from "../intel/correlate.js";

/** What a watchlist watches for in new and updated incidents. */
export const WATCH_KINDS = ["organization", "vendor", "domain", "indicator", "keyword"] as const;
/** One kind of watch. */
export type WatchKind = (typeof WATCH_KINDS)[number];

function hostOf(value: string): string | null {
  if (value.includes("@")) return value.split("@").pop()!.toLowerCase();
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value) ? value.toLowerCase() : null;
  }
}

/** Why an incident matches a watchlist, or null when it does not. */
export function watchMatch(w: { kind: WatchKind; pattern: string }, incident: { title: string; fields: IncidentFields }): string | null {
  const f = incident.fields;
  const p = w.pattern.normalize("NFKC").trim();
  switch (w.kind) {
    case "organization": {
      const k = orgKey(p);
      return k && orgKey(f.organization).includes(k) ? `organisation ${f.organization}` : null;
    }
    case "vendor": {
      const k = orgKey(p);
      const party = f.other_parties.find((x) => k && orgKey(x).includes(k));
      return party ? `names ${party} as a party` : null;
    }
    case "domain": {
      const d = p.toLowerCase().replace(/^\*?\./, "");
      const hit = f.indicators.find((v) => { const h = hostOf(v); return h !== null && (h === d || h.endsWith("." + d)); });
      return hit ? `indicator ${hit} is on ${d}` : null;
    }
    case "indicator":
      return f.indicators.some((v) => v.toLowerCase() === p.toLowerCase()) ? `indicator ${p}` : null;
    case "keyword": {
      const hay = [incident.title, f.organization ?? "", ...f.other_parties, f.cause?.text ?? ""].join("\n").normalize("NFKC").toLowerCase();
      return hay.includes(p.toLowerCase()) ? `mentions ${p}` : null;
    }
  }
}

/** An incident a watchlist matched, and why; `notify` when the watchlist has a webhook to call. */
export interface WatchMatch {
  watchlist: number;
  incident: string;
  reason: string;
  notify: boolean;
}

/** Which watchlists each incident matches (an incident without fields yet matches none). */
export function planWatchHits(lists: { id: number; kind: WatchKind; pattern: string; webhook_url: string | null }[], incidents: { id: string; title: string; fields: IncidentFields | null }[]): WatchMatch[] {
  return incidents.flatMap(({ id, title, fields }) => fields === null ? [] : lists.flatMap((w) => {
    const reason = watchMatch(w, { title, fields });
    return reason ? [{ watchlist: w.id, incident: id, reason, notify: w.webhook_url !== null }] : [];
  }));
}
