import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiDeps, AppEnv } from "../context.js";
import { json, newApi } from "../openapi.js";

/** `/health`: the server is up and its store answers (open to everyone; says nothing about the casebook). */
export function healthApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/health", tags: ["health"],
    summary: "Liveness: the server is up and the store answers",
    responses: { 200: json(z.object({ status: z.literal("ok") }), "healthy") },
  }), async (c) => {
    await store.countIncidents();
    return c.json({ status: "ok" as const }, 200);
  });
  return api;
}
