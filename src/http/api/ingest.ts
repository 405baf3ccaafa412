import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { makeDocument } from "../../core/document.js";
import { ingestDocuments } from "../../core/ingest.js";
import type { SourceDocument } from "../../core/types.js";
import { isBlank } from "../../ingest/readers/file.js";
import type { ReadFailure } from "../../ingest/readers/index.js";
import { readUrl } from "../../ingest/readers/url.js";
import { requireRole, SIGNED_IN } from "../auth.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { errors, json, newApi } from "../openapi.js";

const UrlBody = z.strictObject({
  url: z.url({ protocol: /^https?$/, error: "an http(s) URL" }).max(2048),
});
const UploadBody = z.strictObject({
  file: z.instanceof(File, { error: "a file" }).openapi({ type: "string", format: "binary" }),
});

const IngestSummary = z.object({
  incidentIds: z.array(z.string()),
  documents: z.number().int(),
  unchanged: z.number().int(),
  notices: z.number().int(),
  incidentsNew: z.number().int(),
  incidentsUpdated: z.number().int(),
  incidentsUnchanged: z.number().int(),
  failures: z.array(z.object({ input: z.string(), error: z.string() })),
  warnings: z.array(z.object({ input: z.string(), text: z.string() })),
}).openapi("IngestSummary");

/** A client's file name made safe to keep as a source: no path, no control characters, not too long. */
function uploadName(name: string): string {
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f-\u009f]/g, "").trim().slice(0, 200);
  return `upload:${base || "file"}`;
}

/** `/ingest`: the same ingest as `jikenbo ingest`, for an uploaded file or an http(s) URL. */
export function ingestApi({ store, settings, fetchImpl, pipeline }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();

  api.openapi(createRoute({
    method: "post", path: "/ingest", tags: ["ingest"], security: SIGNED_IN, middleware: requireRole("analyst"),
    summary: "Archive, split and extract an uploaded file (multipart field `file`) or a URL ({url}); analysts",
    description: "URLs reaching private, loopback or link-local addresses are refused unless the server runs with --allow-private; every redirect is re-checked.",
    request: {
      body: {
        required: false,
        content: { "application/json": { schema: UrlBody }, "multipart/form-data": { schema: UploadBody } },
      },
    },
    responses: {
      200: json(IngestSummary, "what the ingest did (the summary `jikenbo ingest --json` prints)"),
      ...errors(400, 401, 403, 413, 415),
    },
  }), async (c) => {
    const { url } = c.req.valid("json") as Partial<z.infer<typeof UrlBody>>;
    const { file } = c.req.valid("form") as Partial<z.infer<typeof UploadBody>>;
    const vis = c.var.vis;
    let item: SourceDocument | ReadFailure;
    let target: string;
    if (file) {
      if (file.size > settings.maxUploadBytes) throw new ApiError("payload_too_large", `the file is larger than ${settings.maxUploadBytes} bytes`);
      target = uploadName(file.name);
      const bytes = new Uint8Array(await file.arrayBuffer());
      item = isBlank(bytes) ? { input: target, error: "empty file" } : makeDocument(bytes, { source: target, declaredType: file.type || null });
    } else if (url) {
      target = url;
      item = await readUrl(url, { allowPrivate: settings.allowPrivate, maxBytes: settings.maxUploadBytes, timeoutMs: settings.fetchTimeoutMs, fetchImpl });
    } else {
      throw new ApiError("bad_request", "send a file as multipart/form-data (field `file`) or JSON {\"url\": \"https://…\"}");
    }
    const changed = new Set<string>();
    const summary = await ingestDocuments(store, [item], vis.writer(), (_done, _input, ids) => ids.forEach((id) => changed.add(id)), pipeline);
    const incidentIds = [...changed];
    await store.audit(vis.reader.user!.name, "ingest", target, null, { ...summary, incidents: incidentIds });
    if (summary.failures.length > 0 && summary.documents + summary.unchanged === 0) {
      throw new ApiError("bad_request", `could not ingest ${target}: ${summary.failures[0]!.error}`);
    }
    const shown = await vis.visible(incidentIds);
    return c.json({ ...summary, incidentIds: incidentIds.filter((id) => shown.has(id)) }, 200);
  });

  return api;
}
