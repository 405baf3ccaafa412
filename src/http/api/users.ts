import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { ROLES } from "../../store/types.js";
import { requireRole, SIGNED_IN } from "../auth.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, json, newApi } from "../openapi.js";
import { TlpLevel } from "../schemas.js";

const User = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(ROLES),
  clearance: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
}).openapi("User");

const UserListing = User.extend({
  last_used_at: z.string().nullable().describe("the last noted use of any of the user's tokens, to the minute"),
}).openapi("UserListing");

const UserName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, "a user name: letters, digits, . _ @ -");

/** `/users`: users of a shared casebook and their API tokens; admins. */
export function usersApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  const admin = requireRole("admin");

  api.openapi(createRoute({
    method: "get", path: "/users", tags: ["users"], security: SIGNED_IN, middleware: admin,
    summary: "Every user, revoked ones included",
    responses: { 200: json(z.object({ items: z.array(UserListing) }), "users"), ...errors(401, 403) },
  }), async (c) => c.json({ items: await store.listUsers() }, 200));

  api.openapi(createRoute({
    method: "post", path: "/users", tags: ["users"], security: SIGNED_IN, middleware: admin,
    summary: "Add a user (cleared no higher than the admin adding them); the response carries their API token, shown this once",
    request: {
      body: {
        required: true,
        content: { "application/json": { schema: z.strictObject({ name: UserName, role: z.enum(ROLES), clearance: TlpLevel.optional() }) } },
      },
    },
    responses: { 201: json(z.object({ user: User, token: z.string() }), "the user and their token"), ...errors(400, 401, 403, 409, 413, 415) },
  }), async (c) => {
    const b = c.req.valid("json");
    return c.json(await store.addUser(b.name, b.role, b.clearance ?? null, c.var.vis.writer()), 201);
  });

  api.openapi(createRoute({
    method: "delete", path: "/users/{name}", tags: ["users"], security: SIGNED_IN, middleware: admin,
    summary: "Revoke a user and every token of theirs",
    request: { params: z.object({ name: UserName }) },
    responses: { 204: { description: "revoked" }, ...errors(400, 401, 403, 404) },
  }), async (c) => {
    await store.revokeUser(c.req.valid("param").name, { who: c.var.vis.reader.user!.name });
    return c.body(null, 204);
  });

  return api;
}
