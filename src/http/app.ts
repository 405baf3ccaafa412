import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { randomUUID } from "node:crypto";
import pino from "pino";
import { runPipeline } from "../core/pipeline.js";
import { auditApi } from "./api/audit.js";
import { documentsApi } from "./api/documents.js";
import { exposureApi } from "./api/exposure.js";
import { graphApi } from "./api/graph.js";
import { healthApi } from "./api/health.js";
import { incidentsApi } from "./api/incidents.js";
import { indicatorsApi } from "./api/indicators.js";
import { ingestApi } from "./api/ingest.js";
import { meApi } from "./api/me.js";
import { shareApi } from "./api/share.js";
import { reportsApi } from "./api/reports.js";
import { statsApi } from "./api/stats.js";
import { usersApi } from "./api/users.js";
import { watchlistsApi } from "./api/watchlists.js";
import { atomApi } from "./atom.js";
import { authenticate } from "./auth.js";
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_UPLOAD, type ApiDeps, type AppDeps, type AppEnv } from "./context.js";
import { ApiError, toApiError } from "./errors.js";
import { checkJsonBody, refuseNul } from "./input.js";
import { newApi } from "./openapi.js";
import { isTaxiiPath, TaxiiError } from "./taxii/errors.js";
import { taxiiApi } from "./taxii/index.js";
import { taxiiErrorResponse } from "./taxii/media.js";
import { Visibility } from "./visibility.js";

/** Largest JSON body any route accepts. */
const MAX_JSON_BODY = 1024 * 1024;
/** The policy of every response that does not set its own (the API and the feed render nothing). */
const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
/** Paths served to everyone, whatever the anonymous-read setting. */
const OPEN_PATHS = new Set(["/api/v1/health"]);

function errorResponse(c: Context, e: ApiError | TaxiiError): Response {
  if (e.status === 401) c.header("WWW-Authenticate", 'Bearer realm="jikenbo", Basic realm="jikenbo", charset="UTF-8"');
  if (e instanceof TaxiiError || isTaxiiPath(c.req.path)) return taxiiErrorResponse(c, e);
  return c.json({ error: { code: e.code, message: e.message } }, e.status);
}

/** Request id, timing and one structured log line per request (method, path without query, status, ms; never credentials). */
function requestLog(log: pino.Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const requestId = randomUUID();
    c.set("requestId", requestId);
    await next();
    c.header("X-Request-Id", requestId);
    const user = (c.get("vis") as Visibility | undefined)?.reader.user?.name;
    log.info({ req: requestId, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, ...(user ? { user } : {}) }, "request");
  };
}

/** Security headers on every response; a handler (or the UI hook) may set its own Content-Security-Policy. */
const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const ownPolicy = c.res.headers.has("Content-Security-Policy");
  c.header("X-Content-Type-Options", "nosniff");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Frame-Options", "DENY");
  c.header("Cross-Origin-Resource-Policy", "same-origin");
  if (!ownPolicy) c.header("Content-Security-Policy", API_CSP);
  if (c.req.path.startsWith("/api/") || c.req.path.startsWith("/feeds/") || isTaxiiPath(c.req.path)) {
    c.header("Vary", "Authorization", { append: true });
    if (c.req.header("authorization") !== undefined) c.header("Cache-Control", "no-store");
  }
};

const JSON_ESCAPES: Record<string, string> = { "<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029" };

/** JSON bodies with `<`, `>`, `&` and line separators as \u escapes, so notice text can never be read as markup, even if sniffed. */
const escapeJson: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!/^application\/(?:taxii\+)?json/.test(c.res.headers.get("content-type") ?? "")) return;
  const text = await c.res.text();
  c.res = new Response(text.replace(/[<>&\u2028\u2029]/g, (ch) => JSON_ESCAPES[ch]!), c.res);
  c.header("Content-Length", undefined);
};

/** Who is asking (401 for bad credentials, or for anonymous requests where anonymous reading is off). */
function auth(d: ApiDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const reader = await authenticate(d.store, c.req.header("authorization"), (err) => d.log.warn({ req: c.get("requestId"), err }, "token use not recorded"));
    if (!reader.user && !d.settings.anonymousRead && !OPEN_PATHS.has(c.req.path)) {
      throw new ApiError("unauthorized", "sign in: this casebook does not allow anonymous reading");
    }
    c.set("vis", new Visibility(d.store, reader));
    await next();
  };
}

/** Body size limits: uploads to /ingest up to the upload limit, every other body 1 MiB. */
function limits(maxUpload: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (max: number) => (): never => { throw new ApiError("payload_too_large", `the body is larger than ${max} bytes`); };
  const upload = bodyLimit({ maxSize: maxUpload + 64 * 1024, onError: tooLarge(maxUpload) });
  const other = bodyLimit({ maxSize: MAX_JSON_BODY, onError: tooLarge(MAX_JSON_BODY) });
  return (c, next) => (c.req.path === "/api/v1/ingest" ? upload : other)(c, next);
}

/**
 * The Jikenbo HTTP app: the REST API under /api/v1 (documented at /api/openapi.json, generated from
 * the same zod schemas that validate requests), the Atom feed under /feeds, TAXII 2.1 under /taxii2 and
 * the `static` hook for the web UI. Every error is JSON `{"error": {"code", "message"}}` (a TAXII error
 * message under /taxii2); TLP clearance holds on every path.
 */
export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const d: ApiDeps = {
    store: deps.store,
    settings: { maxUploadBytes: DEFAULT_MAX_UPLOAD, fetchTimeoutMs: DEFAULT_FETCH_TIMEOUT_MS, ...deps.settings },
    log: deps.log ?? pino({ enabled: false }),
    fetchImpl: deps.fetchImpl,
    pipeline: deps.pipeline ?? runPipeline,
  };
  const app = newApi();
  app.use("*", requestLog(d.log), securityHeaders, escapeJson);
  app.use("/api/v1/*", refuseNul, limits(d.settings.maxUploadBytes), auth(d), checkJsonBody);
  app.use("/feeds/*", refuseNul, auth(d));
  app.use("/taxii2/*", refuseNul, auth(d));
  for (const api of [healthApi, incidentsApi, documentsApi, ingestApi, statsApi, reportsApi, graphApi, indicatorsApi, exposureApi, watchlistsApi, usersApi, auditApi, meApi, shareApi]) {
    app.route("/api/v1", api(d));
  }
  app.route("/", atomApi(d));
  app.route("/", taxiiApi(d));
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer", description: "an API token (jikenbo user add)" });
  app.openAPIRegistry.registerComponent("securitySchemes", "basic", { type: "http", scheme: "basic", description: "user name, and an API token as the password" });
  app.doc31("/api/openapi.json", {
    openapi: "3.1.0",
    info: {
      title: "Jikenbo API", version: "1",
      description: "A casebook of Japanese security-incident disclosures. Anonymous readers see TLP:CLEAR incidents (when the server allows anonymous reading); users see up to their clearance.",
    },
  });
  if (deps.static) {
    const ui = deps.static;
    app.use("*", (c, next) => (c.req.path.startsWith("/api/") || c.req.path.startsWith("/feeds/") || isTaxiiPath(c.req.path) ? next() : ui(c, next)));
  }
  app.notFound((c) => errorResponse(c, new ApiError("not_found", `no route ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => {
    const e = err instanceof TaxiiError ? err : toApiError(err);
    if (e instanceof ApiError && e.code === "internal") d.log.error({ req: c.get("requestId"), err }, "request failed");
    return errorResponse(c, e);
  });
  return app;
}

export type { AppDeps, Settings } from "./context.js";
