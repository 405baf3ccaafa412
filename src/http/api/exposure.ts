import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { INCIDENT_TYPES } from "../../core/types.js";
import { watchMatch } from "../../casebook/watch.js";
import type { IncidentDetail, WatchKind } from "../../store/types.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { errors, json, newApi } from "../openapi.js";

const ExposureQuery = z.strictObject({
  domain: z.string().regex(/^(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i, "a domain name such as example.co.jp").max(253).optional(),
  email: z.email().max(320).optional(),
  org: z.string().trim().min(2).max(200).optional().openapi({ description: "an organisation name, matched as the incident's organisation or another party" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).refine((q) => [q.domain, q.email, q.org].filter((v) => v !== undefined).length === 1, "give exactly one of domain, email or org");

const Exposure = z.object({
  query: z.object({ kind: z.enum(["domain", "email", "org"]), value: z.string() }),
  total: z.number().int(),
  items: z.array(z.object({
    id: z.string(),
    title: z.string(),
    organization: z.string().nullable(),
    disclosed_on: z.string().nullable(),
    incident_types: z.array(z.enum(INCIDENT_TYPES)),
    tlp: z.string(),
    matched: z.array(z.string()).openapi({ description: "how the incident mentions it: organisation, party, indicator, or the text" }),
  })),
}).openapi("Exposure");

/** As many indicators as the store is asked for. */
const ALL = 1_000_000;

/** How an incident mentions the thing asked about, per the watchlist rules; the full text otherwise. */
function howMatched(d: IncidentDetail, kinds: WatchKind[], value: string): string[] {
  const reasons = kinds.map((kind) => watchMatch({ kind, pattern: value }, d)).filter((r): r is string => r !== null);
  return reasons.length ? reasons : ["mentioned in the text"];
}

/** `/exposure`: the incidents (the reader may see) that mention a domain, an email address or an organisation. */
export function exposureApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/exposure", tags: ["exposure"],
    summary: "Incidents that mention a domain, an email address or an organisation: as indicator, organisation or other party, or in the text",
    request: { query: ExposureQuery },
    responses: { 200: json(Exposure, "the incidents, full-text matches first (newest first)"), ...errors(400, 401) },
  }), async (c) => {
    const q = c.req.valid("query");
    const vis = c.var.vis;
    const kind = q.domain !== undefined ? "domain" as const : q.email !== undefined ? "email" as const : "org" as const;
    const value = (q.domain ?? q.email ?? q.org!).normalize("NFKC").trim();
    const ids = new Set((await store.searchIncidents({ q: value, tlp: vis.levels, limit: q.limit })).map((i) => i.id));
    if (kind !== "org") {
      const needle = value.toLowerCase().replace(/^\*\./, "");
      const named = (await store.indicators({ limit: ALL }))
        .filter((r) => (kind === "email" ? r.value.toLowerCase() === needle : r.value.toLowerCase().includes(needle)))
        .flatMap((r) => r.incidents.map((i) => i.id));
      for (const id of await vis.visible(named)) ids.add(id);
    }
    const kinds: WatchKind[] = kind === "org" ? ["organization", "vendor"] : kind === "domain" ? ["domain"] : ["indicator"];
    const items = [];
    for (const id of [...ids].slice(0, q.limit)) {
      const d = await vis.incident(id).catch((e: unknown) => { if (e instanceof ApiError) return null; throw e; });
      if (!d) continue;
      items.push({
        id: d.id, title: d.title, organization: d.organization, disclosed_on: d.disclosed_on, incident_types: d.incident_types, tlp: d.tlp,
        matched: howMatched(d, kinds, value),
      });
    }
    return c.json({ query: { kind, value }, total: ids.size, items }, 200);
  });
  return api;
}
