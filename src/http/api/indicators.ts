import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";

/** A boolean query flag: true/false or 1/0. */
export const Flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const Indicator = z.object({
  value: z.string(),
  kind: z.string(),
  incidents: z.array(z.object({ id: z.string(), title: z.string(), organization: z.string().nullable() })),
}).openapi("Indicator");

/** As many indicators as the store is asked for before filtering by clearance. */
const ALL = 1_000_000;

/** `/indicators`: attacker-side indicators with the incidents (the reader may see) that mention them. */
export function indicatorsApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/indicators", tags: ["indicators"],
    summary: "Indicators (attacker emails, domains, URLs, IPs) and the incidents that mention them",
    request: {
      query: z.strictObject({
        shared: Flag.optional().openapi({ type: "string", enum: ["true", "false", "1", "0"], description: "only indicators found in two or more incidents" }),
        limit: z.coerce.number().int().min(1).max(10_000).default(1000),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(Indicator) }), "indicators, most shared first"), ...errors(400, 401) },
  }), async (c) => {
    const { shared, limit } = c.req.valid("query");
    const all = await store.indicators({ shared: shared ?? false, limit: ALL });
    const shown = await c.var.vis.visible(all.flatMap((r) => r.incidents.map((i) => i.id)));
    const items = all
      .map((r) => ({ ...r, incidents: r.incidents.filter((i) => shown.has(i.id)) }))
      .filter((r) => r.incidents.length >= (shared ? 2 : 1))
      .sort((a, b) => b.incidents.length - a.incidents.length || a.value.localeCompare(b.value))
      .slice(0, limit);
    return c.json({ items }, 200);
  });
  return api;
}
