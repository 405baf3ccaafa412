import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { requireRole, SIGNED_IN } from "../auth.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import type { AuditRecord } from "../../store/types.js";
import { incidentIdsIn } from "../visibility.js";

const AuditEntry = z.object({
  id: z.number().int(), at: z.string(), who: z.string(), action: z.string(), target: z.string(), before: z.unknown(), after: z.unknown(),
}).openapi("AuditEntry");

/** `/audit`: every write, who made it, and the state before and after; admins (entries naming an incident above their clearance left out). */
export function auditApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/audit", tags: ["audit"], security: SIGNED_IN, middleware: requireRole("admin"),
    summary: "The audit log, newest first",
    request: {
      query: z.strictObject({
        target: z.string().max(300).optional().openapi({ description: "e.g. incident:inc_…, user:ana, watchlist:3" }),
        limit: z.coerce.number().int().min(1).max(1000).default(100),
      }),
    },
    responses: { 200: json(z.object({ items: z.array(AuditEntry) }), "entries"), ...errors(400, 401, 403) },
  }), async (c) => {
    const { target, limit } = c.req.valid("query");
    const log = await store.auditLog(target ? { target, limit } : { limit });
    const named = (a: AuditRecord) => incidentIdsIn([a.target, a.before, a.after]);
    const shown = await c.var.vis.visible(log.flatMap(named));
    return c.json({ items: log.filter((a) => named(a).every((id) => shown.has(id))) }, 200);
  });
  return api;
}
