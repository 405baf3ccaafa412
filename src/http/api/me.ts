import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { ROLES } from "../../store/types.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import { TlpLevel } from "../schemas.js";

const Me = z.object({
  user: z.object({ name: z.string(), role: z.enum(ROLES) }).nullable().openapi({ description: "null for an anonymous reader" }),
  clearance: TlpLevel.openapi({ description: "the most restricted TLP level the reader may see" }),
  levels: z.array(TlpLevel).openapi({ description: "every TLP level the reader may see, least restricted first" }),
}).openapi("Me");

/** `/me`: who the credentials belong to, their role and TLP clearance (what the web UI shows and allows). */
export function meApi(_deps: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/me", tags: ["users"],
    summary: "The reader behind the request: user and role (null when anonymous) and TLP clearance",
    responses: { 200: json(Me, "the reader"), ...errors(401) },
  }), (c) => {
    const { user, clearance, levels } = c.var.vis.reader;
    return c.json({ user: user ? { name: user.name, role: user.role } : null, clearance, levels }, 200);
  });
  return api;
}
