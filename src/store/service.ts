import { randomBytes } from "node:crypto";
import { sha256 } from "../core/document.js";
import type { IncidentFields } from "../core/types.js";
import { orgKey } from "../intel/correlate.js";
import type { Watchlist } from "./types.js";

/** A new API token: a prefix that says what it is and 256 random bits. */
export function newTokenString(): string {
  return "jkb_" + randomBytes(32).toString("base64url");
}

/** How a token is kept: its SHA-256 (tokens are random, so a plain hash is enough). */
export function hashToken(token: string): string {
  return sha256(token.trim());
}

/** A short digest of an incident's fields: a watchlist hit is recorded once per version. */
export function fingerprint(fields: IncidentFields): string {
  return sha256(JSON.stringify(fields)).slice(0, 16);
}

function hostOf(value: string): string | null {
  if (value.includes("@")) return value.split("@").pop()!.toLowerCase();
  try {
    return new URL(value).hostname.toLowerCase();
  } catch {
    return /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(value) ? value.toLowerCase() : null;
  }
}

/** Why an incident matches a watchlist, or null when it does not. */
export function watchMatch(w: Pick<Watchlist, "kind" | "pattern">, incident: { title: string; fields: IncidentFields }): string | null {
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

/** The date added of the next TAXII submission: now, or just after the latest one when the clock has not moved on. */
export function nextDateAdded(latest: string | null): string {
  const now = Date.now();
  return new Date(latest === null ? now : Math.max(now, Date.parse(latest) + 1)).toISOString();
}
