import { serve } from "@hono/node-server";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { analysisPool, pipelineOn, type AnalysisPool } from "../core/pool.js";
import type { SourceDocument } from "../core/types.js";
import { createApp } from "./app.js";
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_UPLOAD, type AppDeps } from "./context.js";
import { inProcessJobs, type JobDeps, type JobRunner } from "../jobs/runner.js";

/** Where to listen and how often the background work runs. */
export interface ServeOptions extends AppDeps {
  host: string;
  port: number;
  /** How often due sources are looked for (default 30 s). */
  pollEveryMs?: number;
  /** How often due webhook deliveries are looked for (default 15 s). */
  deliverEveryMs?: number;
  /** Least time between two polls of the same host (default 5 s). */
  hostGapMs?: number;
  /**
   * Who runs the background jobs (source polling, webhook delivery): by default loops in this process;
   * a PostgreSQL casebook's job queue; or null for a server that only serves (`serve --no-jobs`).
   */
  jobs?: ((deps: JobDeps) => JobRunner) | null;
  /** How long shutdown waits for requests in flight before closing their connections (default 10 s). */
  graceMs?: number;
}

/** How long an idle kept-alive connection stays open. */
const KEEP_ALIVE_MS = 65_000;

/** A listening server. */
export interface RunningServer {
  url: string;
  port: number;
  /** Stop accepting, let requests in flight finish (up to the grace period) and stop the background jobs; the store stays open. */
  close(): Promise<void>;
}

/** Listen with @hono/node-server and start the background jobs (polling sources, delivering webhooks) unless `jobs` is null. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const log = o.log ?? pino({ enabled: false });
  // Uploads and polled pages are analysed on a worker, started at the first one: a large document
  // keeps that worker busy, never the thread that answers requests.
  let pool: AnalysisPool | null = null;
  const pipeline = o.pipeline ?? ((doc: SourceDocument) => pipelineOn(pool ??= analysisPool(1), doc));
  const app = createApp({ ...o, log, pipeline });
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: o.host, port: o.port }, () => resolve(s as Server)) as Server;
    s.once("error", reject);
  });
  // A kept-alive connection stays open a minute, as load balancers keep theirs. Node's 5 s would close one
  // whose next request is already waiting, when a long count held this thread past it (the timer runs
  // before the waiting request is read): the client sees ECONNRESET (bench:http at 1M, mixed mode).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;
  const { port } = server.address() as AddressInfo;
  const host = o.host.includes(":") ? `[${o.host}]` : o.host;
  const deps: JobDeps = {
    store: o.store, log, pipeline, maxBytes: o.settings.maxUploadBytes ?? DEFAULT_MAX_UPLOAD, fetchTimeoutMs: o.settings.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS,
    allowPrivate: o.settings.allowPrivate, hostGapMs: o.hostGapMs, fetchImpl: o.fetchImpl,
  };
  const jobs = o.jobs === null ? null : (o.jobs ?? ((d: JobDeps) => inProcessJobs(d, { pollEveryMs: o.pollEveryMs, deliverEveryMs: o.deliverEveryMs })))(deps);
  try {
    await jobs?.start();
  } catch (e) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    throw e;
  }
  log.info({ url: `http://${host}:${port}` }, "listening");

  let closing: Promise<void> | undefined;
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), o.graceMs ?? 10_000);
    await Promise.all([closed, jobs?.stop()]);
    clearTimeout(force);
    await pool?.close();
    log.info("server closed");
  };
  return { url: `http://${host}:${port}`, port, close: () => (closing ??= close()) };
}
