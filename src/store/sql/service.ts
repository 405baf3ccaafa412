import type { Tlp } from "../../intel/taxonomies/tlp.js";
import type { IncidentFields } from "../../core/types.js";
import { checkTokenFor, grantedClearance, type Writer } from "../../casebook/authorize.js";
import { planWatchHits } from "../../casebook/watch.js";
import { fingerprint, hashToken, newTokenString, nextDateAdded } from "../service.js";
import { ConflictError, NotFoundError } from "../types.js";
import { tokenUse } from "../records.js";
import type { Actor, AuditRecord, FeedSource, Role, SaveResult, TaxiiObject, TaxiiStatusRecord, User, UserListing, WatchHit, WatchKind, Watchlist } from "../types.js";
import { all, batch, json, now, one, parse, q, type Query, type Step } from "./step.js";

// The service's records, the same on both backends: users and tokens, the audit log, watchlists and
// their hits' deliveries, polled feeds, TAXII objects and statuses.

const USER = "SELECT id, name, role, clearance, created_at, revoked_at FROM users";
const WATCHLIST = "SELECT id, name, kind, pattern, webhook_url, created_by, created_at FROM watchlists";
const HIT = "id, watchlist_id, incident_id, at, reason, delivered_at, attempts, next_attempt_at, last_error";
const DELIVERY = `SELECT h.id, h.watchlist_id, h.incident_id, h.at, h.reason, h.delivered_at, h.attempts, h.next_attempt_at, h.last_error, w.webhook_url
  FROM watch_hits h JOIN watchlists w ON w.id = h.watchlist_id
  WHERE h.delivered_at IS NULL AND h.next_attempt_at IS NOT NULL AND w.webhook_url IS NOT NULL AND w.removed_at IS NULL`;
const FEED = "SELECT id, url, every_seconds, allow_private, etag, last_modified, last_fetched_at, next_fetch_at, last_status, created_by FROM feeds";

/** An entry of the audit log. */
export function auditQuery(who: string, action: string, target: string, before: unknown, after: unknown): Query {
  return q("INSERT INTO audit (at, who, action, target, before, after) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)",
    now(), who, action, target, before === undefined ? null : json(before), after === undefined ? null : json(after));
}

/** Record an entry of the audit log. */
export function* audit(who: string, action: string, target: string, before: unknown, after: unknown): Step<void> {
  yield* batch([auditQuery(who, action, target, before, after)]);
}

/** The audit log, newest first (of one target). */
export function* auditLog(filter: { target?: string; limit?: number }): Step<AuditRecord[]> {
  const rows = yield* all<Omit<AuditRecord, "before" | "after"> & { before: string | null; after: string | null }>(
    `SELECT id, at, who, action, target, before, after FROM audit ${filter.target ? "WHERE target = $2" : ""} ORDER BY id DESC LIMIT $1`,
    filter.limit ?? 100, ...filter.target ? [filter.target] : []);
  return rows.map((r) => ({ id: r.id, at: r.at, who: r.who, action: r.action, target: r.target, before: parse(r.before), after: parse(r.after) }));
}

/** A user by name. */
function* userRow(name: string): Step<User | undefined> {
  return yield* one<User>(`${USER} WHERE name = $1`, name);
}

/** Add a user, cleared no higher than the actor may grant; returns them and their first token. */
export function* addUser(name: string, role: Role, clearance: Tlp | null, actor: Writer): Step<{ user: User; token: string }> {
  const granted = grantedClearance(actor, role, clearance);
  if (yield* userRow(name)) throw new ConflictError(`user ${name} exists`);
  const at = now();
  yield* batch([q("INSERT INTO users (name, role, clearance, created_at) VALUES ($1, $2, $3, $4)", name, role, granted, at)]);
  const user = (yield* userRow(name))!;
  const token = newTokenString();
  yield* batch([
    q("INSERT INTO tokens (user_id, hash, created_at) VALUES ($1, $2, $3)", user.id, hashToken(token), at),
    auditQuery(actor.who, "user.add", `user:${name}`, null, { role: user.role, clearance: user.clearance }),
  ]);
  return { user: { ...user }, token };
}

/** A new token for a user. */
export function* newToken(name: string, actor: Writer): Step<string> {
  const user = yield* userRow(name);
  if (!user || user.revoked_at) throw new NotFoundError(`no user ${name}`);
  checkTokenFor(actor, user.clearance);
  const token = newTokenString();
  yield* batch([
    q("INSERT INTO tokens (user_id, hash, created_at) VALUES ($1, $2, $3)", user.id, hashToken(token), now()),
    auditQuery(actor.who, "token.add", `user:${name}`, null, null),
  ]);
  return token;
}

/** Every user, revoked ones included, with the last noted use of any of their tokens. */
export function* listUsers(): Step<UserListing[]> {
  return yield* all<UserListing>(`SELECT u.id, u.name, u.role, u.clearance, u.created_at, u.revoked_at,
    (SELECT max(t.last_used_at) FROM tokens t WHERE t.user_id = u.id) AS last_used_at FROM users u ORDER BY u.id`);
}

/** Note a token's use now, unless a use within TOKEN_USE_RESOLUTION_MS is noted already (then nothing is written). */
export function* recordTokenUse(token: string): Step<void> {
  const use = tokenUse();
  yield* batch([q("UPDATE tokens SET last_used_at = $1 WHERE hash = $2 AND (last_used_at IS NULL OR last_used_at < $3)", use.now, hashToken(token), use.staleBefore)]);
}

/** Revoke a user and their tokens. */
export function* revokeUser(name: string, actor: Actor): Step<void> {
  const user = yield* userRow(name);
  if (!user) throw new NotFoundError(`no user ${name}`);
  const at = now();
  yield* batch([
    q("UPDATE users SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2", at, user.id),
    q("UPDATE tokens SET revoked_at = coalesce(revoked_at, $1) WHERE user_id = $2", at, user.id),
    auditQuery(actor.who, "user.revoke", `user:${name}`, { revoked_at: user.revoked_at }, { revoked_at: at }),
  ]);
}

/** The user a live token belongs to. */
export function* authenticate(token: string): Step<User | null> {
  const user = yield* one<User>(`SELECT u.id, u.name, u.role, u.clearance, u.created_at, u.revoked_at FROM tokens t JOIN users u ON u.id = t.user_id
    WHERE t.hash = $1 AND t.revoked_at IS NULL AND u.revoked_at IS NULL`, hashToken(token));
  return user ? { ...user } : null;
}

/** A watchlist not removed. */
function* watchlist(id: number): Step<Watchlist | undefined> {
  const w = yield* one<Watchlist>(`${WATCHLIST} WHERE id = $1 AND removed_at IS NULL`, id);
  return w && { ...w };
}

/** Add a watchlist. */
export function* addWatchlist(w: { name: string; kind: WatchKind; pattern: string; webhook_url: string | null; secret: string | null }, actor: Actor): Step<Watchlist> {
  const r = yield* one<{ id: number }>(`INSERT INTO watchlists (name, kind, pattern, webhook_url, secret, created_by, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, w.name, w.kind, w.pattern, w.webhook_url, w.secret, actor.who, now());
  const created = (yield* watchlist(r!.id))!;
  yield* audit(actor.who, "watchlist.add", `watchlist:${created.id}`, null, created);
  return created;
}

/** Every watchlist not removed. */
export function* listWatchlists(): Step<Watchlist[]> {
  return (yield* all<Watchlist>(`${WATCHLIST} WHERE removed_at IS NULL ORDER BY id`)).map((w) => ({ ...w }));
}

/** Remove a watchlist. */
export function* removeWatchlist(id: number, actor: Actor): Step<void> {
  const w = yield* watchlist(id);
  if (!w) throw new NotFoundError(`no watchlist ${id}`);
  yield* batch([q("UPDATE watchlists SET removed_at = $1 WHERE id = $2", now(), id), auditQuery(actor.who, "watchlist.remove", `watchlist:${id}`, w, null)]);
}

/** A watchlist's webhook secret. */
export function* watchlistSecret(id: number): Step<string | null> {
  return (yield* one<{ secret: string | null }>("SELECT secret FROM watchlists WHERE id = $1", id))?.secret ?? null;
}

/** Record the watchlists the incidents match (once per version of their fields); returns the new hits. */
export function* matchWatchlists(incidentIds: string[]): Step<WatchHit[]> {
  if (incidentIds.length === 0) return [];
  const lists = yield* listWatchlists();
  if (lists.length === 0) return [];
  const at = now();
  const rows = yield* all<{ id: string; title: string; fields: string }>("SELECT id, title, fields FROM incidents WHERE id = ANY($1::text[])", incidentIds);
  const byId = new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, fields: r.fields === "{}" ? null : parse<IncidentFields>(r.fields) }]));
  const incidents = incidentIds.flatMap((id) => byId.get(id) ?? []);
  const hits = yield* batch(planWatchHits(lists, incidents).map((m) => q(`INSERT INTO watch_hits (watchlist_id, incident_id, fingerprint, at, reason, next_attempt_at)
    VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING ${HIT}`,
    m.watchlist, m.incident, fingerprint(byId.get(m.incident)!.fields!), at, m.reason, m.notify ? at : null)));
  return hits.flatMap((h) => h.map((x) => ({ ...x }) as unknown as WatchHit));
}

/** Record the watch hits of the incidents a batch of saves opened or changed (every incident of a save that changed one), in the saves' transaction. */
export function* watchSaved(results: readonly (SaveResult | Error)[]): Step<void> {
  yield* matchWatchlists([...new Set(results.flatMap((r) => (r instanceof Error || !(r.incidentsNew || r.incidentsUpdated) ? [] : r.incidentIds)))]);
}

/** A watchlist's hits, newest first. */
export function* hits(watchlistId: number, filter: { limit?: number }): Step<WatchHit[]> {
  if (!(yield* watchlist(watchlistId))) throw new NotFoundError(`no watchlist ${watchlistId}`);
  return yield* all<WatchHit>(`SELECT ${HIT} FROM watch_hits WHERE watchlist_id = $1 ORDER BY id DESC LIMIT $2`, watchlistId, filter.limit ?? 100);
}

/** Hits whose webhook delivery is due. */
export function* dueDeliveries(at: string, limit: number): Step<(WatchHit & { webhook_url: string })[]> {
  return yield* all<WatchHit & { webhook_url: string }>(`${DELIVERY} AND h.next_attempt_at <= $1 ORDER BY h.next_attempt_at, h.id LIMIT $2`, at, limit);
}

/** A hit still to deliver. */
export function* pendingDelivery(hitId: number): Step<(WatchHit & { webhook_url: string }) | null> {
  const r = yield* one<WatchHit & { webhook_url: string }>(`${DELIVERY} AND h.id = $1`, hitId);
  return r ? { ...r } : null;
}

/** Record a delivery attempt. */
export function* recordDelivery(hitId: number, ok: boolean, error: string | null, nextAttemptAt: string | null): Step<void> {
  yield* batch([q(`UPDATE watch_hits SET attempts = attempts + 1, delivered_at = $1, last_error = $2, next_attempt_at = $3 WHERE id = $4`,
    ok ? now() : null, ok ? null : error, ok ? null : nextAttemptAt, hitId)]);
}

/** A feed's row as a source. */
function feedOf(r: Omit<FeedSource, "allow_private"> & { allow_private: number | boolean }): FeedSource {
  return { ...r, allow_private: Boolean(r.allow_private) };
}

/** Feeds not removed, in order (`where`: more conditions). */
function* feeds(where: string, ...params: unknown[]): Step<FeedSource[]> {
  return (yield* all<Omit<FeedSource, "allow_private"> & { allow_private: number | boolean }>(`${FEED} WHERE removed_at IS NULL ${where}`, ...params)).map(feedOf);
}

/** Add a polled feed, or bring a removed one back. */
export function* addFeed(url: string, everySeconds: number, allowPrivate: boolean, actor: Actor): Step<FeedSource> {
  const at = now();
  const existing = yield* one<{ id: number }>("SELECT id FROM feeds WHERE url = $1", url);
  yield* batch([existing
    ? q("UPDATE feeds SET every_seconds = $1, allow_private = $2, removed_at = NULL, next_fetch_at = $3 WHERE id = $4", everySeconds, allowPrivate, at, existing.id)
    : q("INSERT INTO feeds (url, every_seconds, allow_private, next_fetch_at, created_by) VALUES ($1, $2, $3, $4, $5)", url, everySeconds, allowPrivate, at, actor.who)]);
  const [created] = yield* feeds("AND url = $1", url);
  yield* audit(actor.who, "source.add", `source:${created!.id}`, null, created);
  return created!;
}

/** Every feed not removed. */
export function* listFeeds(): Step<FeedSource[]> {
  return yield* feeds("ORDER BY id");
}

/** Remove a feed. */
export function* removeFeed(id: number, actor: Actor): Step<void> {
  const [f] = yield* feeds("AND id = $1", id);
  if (!f) throw new NotFoundError(`no source ${id}`);
  yield* batch([q("UPDATE feeds SET removed_at = $1 WHERE id = $2", now(), id), auditQuery(actor.who, "source.remove", `source:${id}`, f, null)]);
}

/** Feeds due for polling. */
export function* dueFeeds(at: string): Step<FeedSource[]> {
  return yield* feeds("AND next_fetch_at <= $1 ORDER BY next_fetch_at, id", at);
}

/** Record a poll's outcome. */
export function* recordPoll(id: number, result: { status: string; etag: string | null; last_modified: string | null; next_fetch_at: string }): Step<void> {
  yield* batch([q(`UPDATE feeds SET last_status = $1, etag = coalesce($2::text, etag), last_modified = coalesce($3::text, last_modified),
    last_fetched_at = $4, next_fetch_at = $5 WHERE id = $6`, result.status, result.etag, result.last_modified, now(), result.next_fetch_at, id)]);
}

/** Add TAXII objects, all under one new date added; returns it. */
export function* addTaxiiObjects(objects: (Omit<TaxiiObject, "version" | "date_added"> & { version: string | null })[]): Step<string> {
  const at = nextDateAdded((yield* one<{ at: string | null }>("SELECT max(date_added) AS at FROM taxii_objects"))!.at);
  yield* batch(objects.map((o) => q(`INSERT INTO taxii_objects (id, version, type, spec_version, tlp, date_added, object)
    VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) ON CONFLICT DO NOTHING`, o.id, o.version ?? at, o.type, o.spec_version, o.tlp, at, json(o.object))));
  return at;
}

/** TAXII objects at the given markings (of the given ids), in order added. */
export function* taxiiObjects(filter: { tlp: string[]; ids?: string[] }): Step<TaxiiObject[]> {
  const rows = yield* all<Omit<TaxiiObject, "object"> & { object: string }>(`SELECT id, version, type, spec_version, tlp, date_added, object FROM taxii_objects
    WHERE tlp = ANY($1::text[]) ${filter.ids ? "AND id = ANY($2::text[])" : ""} ORDER BY date_added, id, version`, filter.tlp, ...filter.ids ? [filter.ids] : []);
  return rows.map((r) => ({ ...r, object: parse<Record<string, unknown>>(r.object) }));
}

/** Remove versions of a TAXII object; returns how many. */
export function* removeTaxiiObjects(id: string, versions: string[], actor: Actor): Step<number> {
  const removed = (yield* all("DELETE FROM taxii_objects WHERE id = $1 AND version = ANY($2::text[]) RETURNING version", id, versions)).length;
  if (removed) yield* audit(actor.who, "taxii.delete", `stix:${id}`, { versions }, null);
  return removed;
}

/** Keep a TAXII status resource. */
export function* saveTaxiiStatus(record: TaxiiStatusRecord): Step<void> {
  yield* batch([q(`INSERT INTO taxii_status (id, who, status, markings) VALUES ($1, $2, $3::jsonb, $4::jsonb)
    ON CONFLICT (id) DO UPDATE SET who = excluded.who, status = excluded.status, markings = excluded.markings`,
    record.id, record.who, json(record.status), json(record.markings))]);
}

/** A TAXII status resource. */
export function* taxiiStatus(id: string): Step<TaxiiStatusRecord | null> {
  const r = yield* one<{ id: string; who: string; status: string; markings: string }>("SELECT id, who, status, markings FROM taxii_status WHERE id = $1", id);
  return r ? { id: r.id, who: r.who, status: parse<Record<string, unknown>>(r.status), markings: parse<Record<string, string>>(r.markings) } : null;
}
