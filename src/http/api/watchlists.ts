import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { randomBytes } from "node:crypto";
import { isIP } from "node:net";
import { isPrivateAddress } from "../../ingest/readers/address.js";
import { mayManageWatchlist } from "../../casebook/authorize.js";
import { WATCH_KINDS } from "../../store/types.js";
import { requireRole, SIGNED_IN } from "../auth.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { errors, json, newApi } from "../openapi.js";
import type { Visibility } from "../visibility.js";

const Watchlist = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(WATCH_KINDS),
  pattern: z.string(),
  webhook_url: z.string().nullable(),
  created_by: z.string(),
  created_at: z.string(),
}).openapi("Watchlist");

const WatchHit = z.object({
  id: z.number().int(),
  watchlist_id: z.number().int(),
  incident_id: z.string(),
  at: z.string(),
  reason: z.string(),
  delivered_at: z.string().nullable(),
  attempts: z.number().int(),
  next_attempt_at: z.string().nullable(),
  last_error: z.string().nullable(),
}).openapi("WatchHit");

const NewWatchlist = z.strictObject({
  name: z.string().trim().min(1).max(200),
  kind: z.enum(WATCH_KINDS),
  pattern: z.string().trim().min(1).max(500),
  webhook_url: z.url({ protocol: /^https?$/, error: "an http(s) URL" }).max(2048).optional(),
  secret: z.string().min(16).max(256).optional().openapi({ description: "HMAC-SHA256 key for X-Jikenbo-Signature; generated when left out" }),
});

const IdParam = z.object({ id: z.string().regex(/^[1-9]\d{0,9}$/, "a watchlist id").transform(Number).openapi({ type: "string", example: "1" }) });

/**
 * Refuse a webhook URL whose host is a private, loopback or link-local address (or localhost) unless
 * private addresses are allowed; names are resolved and checked again at every delivery.
 */
export function checkWebhookUrl(url: string, allowPrivate: boolean): void {
  if (allowPrivate) return;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if ((isIP(host) && isPrivateAddress(host)) || host === "localhost" || host.endsWith(".localhost")) {
    throw new ApiError("bad_request", `webhook_url: refused private address ${host}`);
  }
}

/**
 * `/watchlists`: patterns to watch for in new and updated incidents, with signed webhooks; analysts.
 * A watchlist belongs to its creator: others neither see it nor remove it (admins manage every one).
 */
export function watchlistsApi({ store, settings }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  const analyst = requireRole("analyst");
  /** The watchlists the signed-in user manages. */
  const managed = async (vis: Visibility) => (await store.listWatchlists()).filter((w) => mayManageWatchlist(vis.reader.user!, w));
  /** One watchlist the signed-in user manages, else 404 (another's is missing to them). */
  const own = async (vis: Visibility, id: number) => {
    if (!(await managed(vis)).some((w) => w.id === id)) throw new ApiError("not_found", `no watchlist ${id}`);
  };

  api.openapi(createRoute({
    method: "get", path: "/watchlists", tags: ["watchlists"], security: SIGNED_IN, middleware: analyst,
    summary: "The signed-in analyst's watchlists (every one, for admins)",
    responses: { 200: json(z.object({ items: z.array(Watchlist) }), "watchlists"), ...errors(401, 403) },
  }), async (c) => c.json({ items: await managed(c.var.vis) }, 200));

  api.openapi(createRoute({
    method: "post", path: "/watchlists", tags: ["watchlists"], security: SIGNED_IN, middleware: analyst,
    summary: "Watch for an organisation, vendor, domain, indicator or keyword; with a webhook_url, matches are POSTed signed",
    request: { body: { required: true, content: { "application/json": { schema: NewWatchlist } } } },
    responses: {
      201: json(Watchlist.extend({ secret: z.string().nullable().openapi({ description: "the signing key, shown once" }) }), "the new watchlist"),
      ...errors(400, 401, 403, 413, 415),
    },
  }), async (c) => {
    const b = c.req.valid("json");
    if (b.webhook_url) checkWebhookUrl(b.webhook_url, settings.allowPrivate);
    const secret = b.webhook_url ? b.secret ?? randomBytes(32).toString("base64url") : null;
    const w = await store.addWatchlist(
      { name: b.name, kind: b.kind, pattern: b.pattern, webhook_url: b.webhook_url ?? null, secret },
      { who: c.var.vis.reader.user!.name },
    );
    return c.json({ ...w, secret }, 201);
  });

  api.openapi(createRoute({
    method: "delete", path: "/watchlists/{id}", tags: ["watchlists"], security: SIGNED_IN, middleware: analyst,
    summary: "Stop watching (one's own watchlist; admins, any)",
    request: { params: IdParam },
    responses: { 204: { description: "removed" }, ...errors(400, 401, 403, 404) },
  }), async (c) => {
    const { id } = c.req.valid("param");
    await own(c.var.vis, id);
    await store.removeWatchlist(id, { who: c.var.vis.reader.user!.name });
    return c.body(null, 204);
  });

  api.openapi(createRoute({
    method: "get", path: "/watchlists/{id}/hits", tags: ["watchlists"], security: SIGNED_IN, middleware: analyst,
    summary: "Incidents (the reader may see) that matched, with the state of their webhook delivery",
    request: { params: IdParam, query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100) }) },
    responses: { 200: json(z.object({ items: z.array(WatchHit) }), "hits, newest first"), ...errors(400, 401, 403, 404) },
  }), async (c) => {
    const { id } = c.req.valid("param");
    await own(c.var.vis, id);
    const hits = await store.hits(id, { limit: c.req.valid("query").limit });
    const shown = await c.var.vis.visible(hits.map((h) => h.incident_id));
    return c.json({ items: hits.filter((h) => shown.has(h.incident_id)) }, 200);
  });

  return api;
}
