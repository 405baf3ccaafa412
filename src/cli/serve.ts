import type { Command } from "commander";
import type { Store } from "../store/types.js";
import { env, out, UsageError, withStore } from "./context.js";

/** A `--port` value as a number, or a usage error. */
export function parsePort(port: string): number {
  const n = Number(port);
  if (!/^\d+$/.test(port) || n > 65535) throw new UsageError("--port must be a number from 0 to 65535");
  return n;
}

/** Serve a casebook (web UI at /, the API, the feed) until SIGINT or SIGTERM, then finish requests in flight; prints the URL. */
export async function serveUntilSignal(store: Store, o: { host: string; port: number; anonymousRead: boolean; allowPrivate: boolean }): Promise<void> {
  const [{ default: pino }, { startServer }, { webUi }] = await Promise.all([import("pino"), import("../http/server.js"), import("../http/ui.js")]);
  const log = pino({ level: env("JIKENBO_LOG") ?? "info", base: undefined }, pino.destination(2));
  const server = await startServer({ store, log, host: o.host, port: o.port, static: webUi(), settings: { anonymousRead: o.anonymousRead, allowPrivate: o.allowPrivate } });
  out(`jikenbo: serving ${server.url}/ (casebook ${store.location}); Ctrl-C stops`);
  const signal = await new Promise<string>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  log.info({ signal }, "shutting down");
  await server.close();
}

/** `jikenbo serve`: the web UI, REST API, OpenAPI document and Atom feed over HTTP, with source polling and webhooks. */
export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("serve the casebook over HTTP (the web UI at /, /api/v1, /api/openapi.json, /feeds/incidents.atom); poll sources and deliver webhooks")
    .option("--db <db>", "casebook file (default $JIKENBO_DB, else a per-user data file)")
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option("--port <port>", "port to listen on (0 picks a free one)", "8080")
    .option("--allow-private", "let URL ingests and webhooks reach private and loopback addresses")
    .option("--no-anonymous", "require a user (token) for every read")
    .action(async (o: { db?: string; host: string; port: string; allowPrivate?: boolean; anonymous: boolean }) => {
      const port = parsePort(o.port);
      await withStore(o.db, (store) => serveUntilSignal(store, { host: o.host, port, anonymousRead: o.anonymous, allowPrivate: !!o.allowPrivate }));
    });
}
