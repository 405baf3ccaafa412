import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { STAT_DIMENSIONS, tally } from "../../intel/stats.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import { FilterQuery, toFilter } from "./incidents.js";

const StatsQuery = z.strictObject({
  ...FilterQuery.shape,
  by: z.enum(STAT_DIMENSIONS).default("type"),
  lang: z.enum(["ja", "en"]).default("ja"),
});

const Stats = z.object({
  by: z.enum(STAT_DIMENSIONS),
  total: z.number().int(),
  people: z.number(),
  unknown_count: z.number().int(),
  rows: z.array(z.object({
    key: z.string(), label: z.string(), incidents: z.number().int(), people: z.number(), median: z.number().nullable(), unknown_count: z.number().int(),
  })),
}).openapi("Stats");

/** `/stats`: TSR/JNSA-style tables, as `jikenbo stats --json` prints them, over the incidents the reader may see. */
export function statsApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/stats", tags: ["stats"],
    summary: "Incidents, people affected (total, median) and unknown counts by type, cause, medium, sector, month, year or basics",
    request: { query: StatsQuery },
    responses: { 200: json(Stats, "the breakdown"), ...errors(400, 401) },
  }), async (c) => {
    const q = c.req.valid("query");
    return c.json(tally(await store.statInputs(toFilter(q, c.var.vis)), q.by, q.lang), 200);
  });
  return api;
}
