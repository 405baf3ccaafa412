import { cleared, parseTlp, TLP_LEVELS, tlpRank, type Tlp } from "../intel/taxonomies/tlp.js";
import { NotFoundError } from "./errors.js";

// The one authorisation rule of every write to the casebook, whoever writes (HTTP, TAXII, the CLI,
// imports, polled sources) and whichever backend keeps it: a writer never changes, attaches to,
// merges into, splits from or re-marks an incident above their clearance, and never gives anything a
// marking above it. An incident they may not see is missing to them; hidden and missing answer alike.
// Merges and splits keep the strictest marking of what they join or part. The backends call these
// functions inside the transaction that writes.

/** Roles, from least to most powerful. */
export const ROLES = ["viewer", "analyst", "admin"] as const;
/** A user's role: viewers read, analysts correct and ingest, admins manage users. */
export type Role = (typeof ROLES)[number];

/** Who writes to the casebook: the name the trail records, why, and the clearance that bounds what they may touch. */
export interface Writer {
  who: string;
  why?: string;
  clearance: Tlp;
}

/** The casebook's owner: the CLI and re-extraction work on the database itself and may touch everything. */
export const OWNER_CLEARANCE: Tlp = "RED";

/** Polled sources are public pages: they write at TLP:CLEAR, so a page never joins or changes anything marked above it. */
export const PUBLIC_CLEARANCE: Tlp = "CLEAR";

/** Raised when a writer asks for something their clearance does not allow on something they may see. */
export class ForbiddenError extends Error {
  override name = "ForbiddenError";
}

/** A stored marking as a level; one that cannot be read counts as RED, so it is never shown by mistake. */
export function levelOf(marking: string): Tlp {
  return parseTlp(marking) ?? "RED";
}

/** The most restrictive of some markings; CLEAR when there are none. */
export function strictest(markings: Iterable<string>): Tlp {
  let top: Tlp = "CLEAR";
  for (const m of markings) if (tlpRank(levelOf(m)) > tlpRank(top)) top = levelOf(m);
  return top;
}

/** True when `a` is a stricter marking than `b`. */
export function stricter(a: string, b: string): boolean {
  return tlpRank(levelOf(a)) > tlpRank(levelOf(b));
}

/** Every level a clearance covers, least restricted first: what a reader or writer may see and touch. */
export function levelsUpTo(clearance: Tlp): Tlp[] {
  return TLP_LEVELS.filter((l) => cleared(clearance, l));
}

/** True when someone cleared for `clearance` may see, and so may touch, what is marked `marking`. */
export function maySee(clearance: Tlp, marking: string): boolean {
  return cleared(clearance, levelOf(marking));
}

/**
 * The incident an id names, decided only after it was looked up: null (missing) and above the
 * writer's clearance (hidden) both come back as null, so the caller answers both alike.
 */
export function touchable<T extends { tlp: string }>(clearance: Tlp, found: T | null): T | null {
  return found !== null && maySee(clearance, found.tlp) ? found : null;
}

/** The incident a writer asks to change, or NotFoundError naming what they asked for: hidden and missing alike. */
export function writable<T extends { tlp: string }>(writer: Writer, requested: string, found: T | null): T {
  const ok = touchable(writer.clearance, found);
  if (!ok) throw new NotFoundError(`no incident ${requested}`);
  return ok;
}

/** Refuse a marking above the writer's clearance (what they could not have set). */
export function checkMarking(writer: Writer, marking: string, what = "an incident"): void {
  if (!maySee(writer.clearance, marking)) {
    throw new ForbiddenError(`you may not mark ${what} TLP:${levelOf(marking)}, above your clearance TLP:${writer.clearance}`);
  }
}

/**
 * The marking an incident must keep after a merge, a split or a source joining it: `floor` (the
 * strictest of what went in) when what it would otherwise get is looser, else null (nothing to keep).
 */
export function keptMarking(floor: string, computed: string): Tlp | null {
  return stricter(floor, computed) ? levelOf(floor) : null;
}

/** The clearance a role gets unless one is given: viewers GREEN, analysts AMBER, admins RED. */
function defaultClearance(role: Role): Tlp {
  return role === "admin" ? "RED" : role === "analyst" ? "AMBER" : "GREEN";
}

/**
 * The clearance a new user gets from a granter: as asked (refused above the granter's own), else the
 * role's default, never above the granter's own.
 */
export function grantedClearance(granter: Writer, role: Role, asked: Tlp | null): Tlp {
  if (asked !== null) {
    if (!maySee(granter.clearance, asked)) throw new ForbiddenError(`you may not grant TLP:${asked}, above your clearance TLP:${granter.clearance}`);
    return asked;
  }
  const byRole = defaultClearance(role);
  return maySee(granter.clearance, byRole) ? byRole : granter.clearance;
}

/** Refuse a token for a user cleared above the one who issues it (it would read what they may not). */
export function checkTokenFor(issuer: Writer, userClearance: string): void {
  if (!maySee(issuer.clearance, userClearance)) {
    throw new ForbiddenError(`you may not issue a token for a user cleared for TLP:${levelOf(userClearance)}, above your clearance TLP:${issuer.clearance}`);
  }
}

/** True when a user may manage (see the patterns and hits of, remove) a watchlist: its creator, or an admin. */
export function mayManageWatchlist(user: { name: string; role: Role }, watchlist: { created_by: string }): boolean {
  return user.role === "admin" || watchlist.created_by === user.name;
}
