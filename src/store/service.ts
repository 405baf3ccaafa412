import { randomBytes } from "node:crypto";
import { sha256 } from "../core/document.js";
import type { IncidentFields } from "../core/types.js";

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

/** The date added of the next TAXII submission: now, or just after the latest one when the clock has not moved on. */
export function nextDateAdded(latest: string | null): string {
  const now = Date.now();
  return new Date(latest === null ? now : Math.max(now, Date.parse(latest) + 1)).toISOString();
}
