import type { Command } from "commander";
import type { QueueOptions } from "../jobs/queue.js";
import type { Store } from "../store/types.js";
import { env, out, UsageError, withStore } from "./context.js";

/** A `--port` value as a number, or a usage error. */
export function parsePort(port: string): number {
  const n = Number(port);
  if (!/^\d+$/.test(port) || n > 65535) throw new UsageError("--port must be a number from 0 to 65535");
  return n;
}

/** Who runs a served casebook's background jobs: loops in this process (the default), the PostgreSQL job queue, or nobody (`--no-jobs`). */
export type Jobs = "in-process" | "none" | QueueOptions;

/** Resolves at the first SIGINT or SIGTERM, to its name. */
export function untilSignal(): Promise<string> {
  return new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
}

/** Serve a casebook (web UI at /, the API, the feed) until SIGINT or SIGTERM, then finish requests in flight; prints the URL. */
export async function serveUntilSignal(store: Store, o: { host: string; port: number; anonymousRead: boolean; allowPrivate: boolean; jobs?: Jobs }): Promise<void> {
  const [{ default: pino }, { startServer }, { webUi }] = await Promise.all([import("pino"), import("../http/server.js"), import("../http/ui.js")]);
  const log = pino({ level: env("JIKENBO_LOG") ?? "info", base: undefined }, pino.destination(2));
  const queue = typeof o.jobs === "object" ? o.jobs : undefined;
  const { queueJobs } = queue ? await import("../jobs/queue.js") : { queueJobs: undefined };
  const server = await startServer({
    store, log, host: o.host, port: o.port, static: webUi(), settings: { anonymousRead: o.anonymousRead, allowPrivate: o.allowPrivate },
    ...(o.jobs === "none" ? { jobs: null } : queue && queueJobs ? { jobs: (deps) => queueJobs(deps, queue) } : {}),
  });
  const runs = o.jobs === "none" ? "no jobs (--no-jobs)" : queue ? "jobs from the PostgreSQL queue" : "jobs in this process";
  out(`jikenbo: serving ${server.url}/ (casebook ${store.location}; ${runs}); Ctrl-C stops`);
  const signal = await untilSignal();
  log.info({ signal }, "shutting down");
  await server.close();
}

/** `jikenbo serve`: the web UI, REST API, OpenAPI document and Atom feed over HTTP, with source polling and webhooks unless --no-jobs. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the casebook over HTTP (the web UI at /, /api/v1, /api/openapi.json, /feeds/incidents.atom); poll sources and deliver webhooks")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on (0 picks a free one)", "8080")
    .option("--allow-private", "let URL ingests and webhooks reach private and loopback addresses")
    .option("--no-anonymous", "require a user (token) for every read")
    .option("--no-jobs", "serve only: leave source polling and webhook delivery to `jikenbo worker` processes (PostgreSQL)")
    .action(async (o: { db?: string; host: string; port: string; allowPrivate?: boolean; anonymous: boolean; jobs: boolean }) => {
      const port = parsePort(o.port);
      const { isPostgresUrl } = await import("../store/open.js");
      const url = o.db || env("JIKENBO_DB");
      // On PostgreSQL the jobs go through the shared queue, so that several servers and workers never run one twice.
      const jobs: Jobs = !o.jobs ? "none" : url && isPostgresUrl(url) ? { url } : "in-process";
      await withStore(o.db, (store) => serveUntilSignal(store, { host: o.host, port, anonymousRead: o.anonymous, allowPrivate: !!o.allowPrivate, jobs }));
    });
}
