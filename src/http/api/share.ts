import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { mispEvents } from "../../share/misp/export.js";
import { stixBundle } from "../../share/stix/export.js";
import type { StoredDocument } from "../../store/types.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { errors, newApi } from "../openapi.js";
import { IncidentId } from "../schemas.js";
import { Flag } from "./indicators.js";

const ExportQuery = z.strictObject({
  format: z.enum(["stix", "misp"]).openapi({ description: "stix: a STIX 2.1 bundle; misp: a MISP event list" }),
  text: Flag.default(true).openapi({ type: "string", enum: ["true", "false", "1", "0"], description: "false: leave the notices' words out" }),
});

/** `/incidents/{id}/export`: one incident as STIX 2.1 or MISP, as `jikenbo export` writes them, within the reader's clearance. */
export function shareApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/incidents/{id}/export", tags: ["incidents"],
    summary: "Download one incident as a STIX 2.1 bundle or MISP events (related incidents the reader may not see are left out)",
    request: { params: z.object({ id: IncidentId }), query: ExportQuery },
    responses: {
      200: { description: "the export, as an attachment", content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } },
      ...errors(400, 401, 404),
    },
  }), async (c) => {
    const { id } = c.req.valid("param");
    const { format, text } = c.req.valid("query");
    const vis = c.var.vis;
    const inc = await vis.incident(id);
    const docs = new Map<string, StoredDocument>();
    for (const n of inc.notices) {
      const d = docs.has(n.document) ? null : await store.getDocument(n.document);
      if (d) {
        const { bytes: _bytes, ...meta } = d;
        docs.set(n.document, meta);
      }
    }
    const opts = { maxTlp: vis.reader.clearance, noticeText: text };
    const body = format === "stix" ? stixBundle([inc], docs, opts) : mispEvents([inc], docs, opts);
    c.header("Content-Disposition", `attachment; filename="${inc.id}.${format}.json"`);
    return c.json(body as unknown as Record<string, unknown>, 200);
  });
  return api;
}
