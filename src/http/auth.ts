import type { MiddlewareHandler } from "hono";
import { cleared, parseTlp, TLP_LEVELS, type Tlp } from "../intel/taxonomies/tlp.js";
import { ROLES, type Role, type Store, type User } from "../store/types.js";
import type { AppEnv } from "./context.js";
import { ApiError } from "./errors.js";
import type { Reader } from "./visibility.js";

export type { Reader };

/** A request without credentials: TLP:CLEAR only. */
export const ANONYMOUS: Reader = { user: null, clearance: "CLEAR", levels: ["CLEAR"] };

/** The reader a user is; a clearance that cannot be read counts as CLEAR. */
export function readerOf(user: User): Reader {
  const clearance = parseTlp(user.clearance) ?? "CLEAR";
  return { user, clearance, levels: TLP_LEVELS.filter((l) => cleared(clearance, l)) };
}

/** The token (and, for Basic, the user name) an Authorization header carries, or null when it is malformed. */
export function credentials(header: string): { name: string | null; token: string } | null {
  const m = /^(\w+)\s+(\S+)\s*$/.exec(header.trim());
  if (!m) return null;
  const scheme = m[1]!.toLowerCase();
  if (scheme === "bearer") return { name: null, token: m[2]! };
  if (scheme !== "basic") return null;
  const decoded = Buffer.from(m[2]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon <= 0 || colon === decoded.length - 1) return null;
  return { name: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/**
 * The reader behind an Authorization header (anonymous without one); bad or revoked credentials are
 * 401. The token's last use is noted on the way, but a failure to write it (a full disk) never fails
 * the request: it goes to `onUseNotRecorded`.
 */
export async function authenticate(store: Store, header: string | undefined, onUseNotRecorded: (err: unknown) => void): Promise<Reader> {
  if (header === undefined) return ANONYMOUS;
  const cred = credentials(header);
  if (!cred) throw new ApiError("unauthorized", "Authorization must be 'Bearer TOKEN' or Basic with the user name and a token as password");
  const user = await store.authenticate(cred.token);
  if (!user || (cred.name !== null && cred.name !== user.name)) throw new ApiError("unauthorized", "invalid or revoked credentials");
  await store.recordTokenUse(cred.token).catch(onUseNotRecorded);
  return readerOf(user);
}

/** True when a user's role is at least `role` (viewer < analyst < admin). */
export function hasRole(user: User, role: Role): boolean {
  return ROLES.indexOf(user.role) >= ROLES.indexOf(role);
}

/** Route middleware: 401 without a user, 403 when the user's role is below `role`. */
export function requireRole(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.vis.reader.user;
    if (!user) throw new ApiError("unauthorized", `sign in as ${role === "admin" ? "an admin" : `an ${role}`}`);
    if (!hasRole(user, role)) throw new ApiError("forbidden", `this needs the ${role} role`);
    await next();
  };
}

/** OpenAPI security requirement of routes that need a user: a bearer token or Basic (name + token). */
export const SIGNED_IN: Record<string, string[]>[] = [{ bearer: [] }, { basic: [] }];
