import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { STAT_DIMENSIONS, tally } from "../../intel/stats.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import { Stats, TlpLevel } from "../schemas.js";
import { FilterQuery, toFilter } from "./incidents.js";

const StatsQuery = z.strictObject({
  ...FilterQuery.shape,
  q: z.string().max(500).optional().openapi({ description: "only incidents matching this Japanese full text, as in the incident search" }),
  tlp: TlpLevel.optional().openapi({ description: "only incidents with this marking (within the reader's clearance)" }),
  by: z.enum(STAT_DIMENSIONS).default("type"),
  split: z.enum(STAT_DIMENSIONS).optional().openapi({ description: "break each row down by a second dimension (by=month&split=type for incidents per month by type)" }),
  lang: z.enum(["ja", "en"]).default("ja"),
});

/** `/stats`: TSR/JNSA-style tables, as `jikenbo stats --json` prints them, over the incidents the reader may see. */
export function statsApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/stats", tags: ["stats"],
    summary: "Incidents, people affected (total, median) and unknown counts by type, cause, medium, sector, month, year, basics or people-affected bucket (log scale), optionally split by a second dimension",
    request: { query: StatsQuery },
    responses: { 200: json(Stats, "the breakdown"), ...errors(400, 401) },
  }), async (c) => {
    const q = c.req.valid("query");
    const filter = { ...toFilter(q, c.var.vis), ...(q.q ? { q: q.q } : {}) };
    return c.json(tally(await store.statInputs(filter), q.by, q.lang, q.split), 200);
  });
  return api;
}
