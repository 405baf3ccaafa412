import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { ApiDeps, AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { errors, json, newApi } from "../openapi.js";
import { DocumentMeta } from "../schemas.js";
import type { Visibility } from "../visibility.js";

const ShaParam = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, "a lower-case hex SHA-256") });

const EXTENSIONS: Record<string, string> = { "text/plain": "txt", "text/markdown": "md", "text/html": "html", "application/pdf": "pdf", "application/xml": "xml" };

/** The archived document, unless a hidden incident uses it (or a document carved out of it); 404 either way. */
async function visibleDocument({ store }: ApiDeps, vis: Visibility, sha256: string) {
  const doc = await store.getDocument(sha256);
  if (!doc || !(await vis.canSeeDocument(sha256))) throw new ApiError("not_found", `no document ${sha256}`);
  return doc;
}

/** `/documents/{sha256}`: archived documents' metadata and original bytes. */
export function documentsApi(deps: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();

  api.openapi(createRoute({
    method: "get", path: "/documents/{sha256}", tags: ["documents"],
    summary: "An archived document's metadata, provenance and decoded text",
    request: { params: ShaParam },
    responses: { 200: json(DocumentMeta, "the document"), ...errors(400, 401, 404) },
  }), async (c) => {
    const d = await visibleDocument(deps, c.var.vis, c.req.valid("param").sha256);
    return c.json({
      sha256: d.sha256, media_type: d.mediaType, charset: d.charset, size: d.size, title: d.title, published: d.published,
      parent: d.parent, sources: d.sources, text: d.text,
      messages: d.messages.map(({ span, ...m }) => (span ? { ...m, span: [span[0], span[1]] as [number, number] } : m)),
    }, 200);
  });

  api.openapi(createRoute({
    method: "get", path: "/documents/{sha256}/raw", tags: ["documents"],
    summary: "The archived original bytes, as a download (never rendered inline)",
    request: { params: ShaParam },
    responses: {
      200: { description: "the bytes with their media type", content: { "application/octet-stream": { schema: z.string().openapi({ format: "binary" }) } } },
      ...errors(400, 401, 404),
    },
  }), async (c) => {
    const d = await visibleDocument(deps, c.var.vis, c.req.valid("param").sha256);
    const type = d.mediaType.startsWith("text/") && d.charset ? `${d.mediaType}; charset=${d.charset}` : d.mediaType;
    return new Response(new Uint8Array(d.bytes), {
      status: 200,
      headers: {
        "content-type": type,
        "content-disposition": `attachment; filename="${d.sha256}.${EXTENSIONS[d.mediaType] ?? "bin"}"`,
        "content-security-policy": "sandbox; default-src 'none'",
        "cache-control": "private, max-age=3600",
      },
    });
  });

  return api;
}
