import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { EDITABLE, validateChange } from "../../core/corrections.js";
import { INCIDENT_TYPES, SECTORS } from "../../core/types.js";
import { BASICS } from "../../intel/taxonomies/basics.js";
import { TSR_CAUSES } from "../../intel/taxonomies/tsr.js";
import { SORTS, type IncidentFilter, type SearchQuery } from "../../store/types.js";
import { requireRole, SIGNED_IN } from "../auth.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import { Flag } from "./indicators.js";
import { Event, IncidentDetail, IncidentId, IncidentList, NoticeId, QueryDate, TlpLevel, Why } from "../schemas.js";
import { snippets } from "../snippets.js";
import { incidentIdsIn, redactIds, type Visibility } from "../visibility.js";

/** Filters shared by the incident list, stats, the graph and the Atom feed (the list alone sorts). */
export const FilterQuery = z.object({
  type: z.enum(INCIDENT_TYPES).optional(),
  sector: z.enum(SECTORS).optional(),
  cause: z.enum(TSR_CAUSES).optional().openapi({ description: "incidents of this cause, as Tokyo Shoko Research tallies it (the keys of the cause facet)" }),
  basics: z.enum(BASICS).optional().openapi({ description: "incidents that teach this basics lesson (the keys of the basics facet)" }),
  since: QueryDate.optional().openapi({ description: "incidents dated on or after (disclosed, else discovered)" }),
  until: QueryDate.optional().openapi({ description: "incidents dated on or before" }),
});

const ListQuery = z.strictObject({
  ...FilterQuery.shape,
  q: z.string().max(500).optional().openapi({ description: "Japanese full text, any length; words separated by spaces must all match" }),
  tlp: TlpLevel.optional().openapi({ description: "only incidents with this marking (within the reader's clearance)" }),
  sort: z.enum(SORTS).default("newest").openapi({ description: "newest or oldest first (by date disclosed, else discovered), or most people affected first (unknown last); ties keep a stable order for paging" }),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  facets: Flag.default(true).openapi({ type: "string", enum: ["true", "false", "1", "0"], description: "false: leave out total and facets (counting every match is the costly part; paging on needs only the items)" }),
  snippets: Flag.default(false).openapi({ type: "string", enum: ["true", "false", "1", "0"], description: "true (with q): give each item the words of its notice around the first match" }),
});

const IdParam = z.object({ id: IncidentId });

const EditBody = z.strictObject({
  changes: z.record(z.string(), z.unknown()).optional()
    .openapi({ description: `field → new value, already of the field's type; fields: ${EDITABLE.join(", ")}` }),
  revert: z.enum(EDITABLE).optional().openapi({ description: "withdraw the correction of this field" }),
  why: Why,
}).refine((b) => (b.changes === undefined) !== (b.revert === undefined), "give either changes or revert")
  .refine((b) => b.changes === undefined || Object.keys(b.changes).length > 0, "changes must name at least one field");

/** The store filter a query asks for, within the reader's clearance. */
export function toFilter(q: z.infer<typeof FilterQuery> & { tlp?: string | undefined }, vis: Visibility): IncidentFilter {
  const f: IncidentFilter = { tlp: q.tlp ? vis.levels.filter((l) => l === q.tlp) : vis.levels };
  if (q.type) f.type = q.type;
  if (q.sector) f.sector = q.sector;
  if (q.cause) f.cause = q.cause;
  if (q.basics) f.basics = q.basics;
  if (q.since) f.since = q.since.length === 7 ? `${q.since}-01` : q.since;
  if (q.until) f.until = q.until.length === 7 ? `${q.until}-31` : q.until;
  return f;
}

/** `/incidents`: list and search, detail, corrections, merge, unmerge, history. */
export function incidentsApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();

  api.openapi(createRoute({
    method: "get", path: "/incidents", tags: ["incidents"],
    summary: "List or search incidents, newest first unless sorted otherwise, with facet counts",
    request: { query: ListQuery },
    responses: { 200: json(IncidentList, "a page of incidents, the number matching and counts per facet"), ...errors(400, 401) },
  }), async (c) => {
    const q = c.req.valid("query");
    const query: SearchQuery = { ...toFilter(q, c.var.vis), q: q.q ?? "", sort: q.sort, limit: q.limit, offset: q.offset };
    const found = await store.searchIncidents(query);
    const around = q.snippets && q.q?.trim() ? await snippets(store, found.map((i) => i.id), q.q) : null;
    const items = around ? found.map((i) => ({ ...i, snippet: around.get(i.id) ?? null })) : found;
    if (!q.facets) return c.json({ items, total: null, facets: null }, 200);
    const { total, ...facets } = await store.facets(query);
    return c.json({ items, total, facets }, 200);
  });

  api.openapi(createRoute({
    method: "get", path: "/incidents/{id}", tags: ["incidents"],
    summary: "One incident with its fields, evidence and sources (an id merged away redirects to the incident it joined)",
    request: { params: IdParam },
    responses: {
      200: json(IncidentDetail, "the incident"),
      301: { description: "the id was merged into another incident; Location names it" },
      ...errors(400, 401, 404),
    },
  }), async (c) => {
    const { id } = c.req.valid("param");
    const d = await c.var.vis.incident(id);
    if (d.id !== id) return c.redirect(`/api/v1/incidents/${d.id}`, 301);
    return c.json(d, 200);
  });

  api.openapi(createRoute({
    method: "patch", path: "/incidents/{id}", tags: ["incidents"], security: SIGNED_IN, middleware: requireRole("analyst"),
    summary: "Correct fields ({changes: {field: value}, why}) or withdraw a correction ({revert: field, why}); analysts",
    request: { params: IdParam, body: { required: true, content: { "application/json": { schema: EditBody } } } },
    responses: { 200: json(IncidentDetail, "the incident after the change"), ...errors(400, 401, 403, 404, 413, 415) },
  }), async (c) => {
    const { id } = c.req.valid("param");
    const body = c.req.valid("json");
    const vis = c.var.vis;
    const writer = vis.writer(body.why);
    const d = body.revert
      ? await store.revert(id, body.revert, writer)
      : await store.edit(id, Object.entries(body.changes!).map(([field, value]) => validateChange(field, value)), writer);
    return c.json(await vis.incident(d.id), 200);
  });

  api.openapi(createRoute({
    method: "post", path: "/incidents/{id}/merge", tags: ["incidents"], security: SIGNED_IN, middleware: requireRole("analyst"),
    summary: "Merge other incidents into this one (their ids keep resolving to it); the strictest TLP marking is kept; analysts",
    request: {
      params: IdParam,
      body: { required: true, content: { "application/json": { schema: z.strictObject({ others: z.array(IncidentId).min(1).max(100), why: Why }) } } },
    },
    responses: { 200: json(IncidentDetail, "the incident after merging"), ...errors(400, 401, 403, 404, 409, 413, 415) },
  }), async (c) => {
    const { id } = c.req.valid("param");
    const { others, why } = c.req.valid("json");
    const vis = c.var.vis;
    const result = await store.merge(id, others, vis.writer(why));
    return c.json(await vis.incident(result.id), 200);
  });

  api.openapi(createRoute({
    method: "post", path: "/incidents/{id}/unmerge", tags: ["incidents"], security: SIGNED_IN, middleware: requireRole("analyst"),
    summary: "Split sources off into incidents of their own (one notice, or every source added to the first); they keep this incident's TLP; analysts",
    request: {
      params: IdParam,
      body: { required: true, content: { "application/json": { schema: z.strictObject({ notice: NoticeId.optional(), why: Why }) } } },
    },
    responses: { 200: json(z.object({ incidents: z.array(z.string()) }), "the incidents split off"), ...errors(400, 401, 403, 404, 409, 413, 415) },
  }), async (c) => {
    const { id } = c.req.valid("param");
    const { notice, why } = c.req.valid("json");
    const created = await store.unmerge(id, c.var.vis.writer(why), notice);
    return c.json({ incidents: created }, 200);
  });

  api.openapi(createRoute({
    method: "get", path: "/incidents/{id}/history", tags: ["incidents"],
    summary: "The incident's trail: sources added, merges, corrections, re-extraction changes",
    request: { params: IdParam },
    responses: { 200: json(z.object({ items: z.array(Event) }), "events, oldest first"), ...errors(400, 401, 404) },
  }), async (c) => {
    const { id } = c.req.valid("param");
    const vis = c.var.vis;
    const d = await vis.incident(id);
    const events = await store.history(d.id);
    const shown = await vis.visible(events.flatMap((e) => incidentIdsIn(e.detail)));
    return c.json({ items: events.map((e) => ({ ...e, detail: redactIds(e.detail, shown) as Record<string, unknown> })) }, 200);
  });

  return api;
}
