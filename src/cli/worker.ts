import type { Command } from "commander";
import { env, out, UsageError, withStore } from "./context.js";
import { untilSignal } from "./serve.js";

/** A positive number of seconds from an option, or a usage error. */
function seconds(name: string, v: string): number {
  const n = Number(v);
  if (!(n > 0) || !Number.isFinite(n)) throw new UsageError(`${name} must be a positive number of seconds`);
  return n;
}

/** `jikenbo worker`: run the background jobs of a PostgreSQL casebook (source polling, webhook delivery) from its job queue, until SIGINT or SIGTERM. */
export function registerWorker(program: Command): void {
  program
    .command("worker")
    .description("run the jobs of a PostgreSQL casebook (poll sources, deliver webhooks) from its durable queue, beside `serve --no-jobs`; as many as you like")
    .option("--db <db>", "the casebook's postgres:// URL (default $JIKENBO_DB)")
    .option("--allow-private", "let webhooks reach private and loopback addresses")
    .option("--every <seconds>", "how often due sources and deliveries are looked for", "15")
    .option("--delivery-timeout <seconds>", "time limit of one webhook POST; a job whose worker died is retried after it and 5 s more", "10")
    .option("--retry-delay <seconds>", "wait before the first retry of a failed delivery, doubled for each next one", "60")
    .action(async (o: { db?: string; allowPrivate?: boolean; every: string; deliveryTimeout: string; retryDelay: string }) => {
      const url = o.db || env("JIKENBO_DB");
      const { isPostgresUrl } = await import("../store/open.js");
      if (!url || !isPostgresUrl(url)) {
        throw new UsageError("worker needs a PostgreSQL casebook (--db postgres://… or $JIKENBO_DB); on SQLite, `jikenbo serve` runs the jobs itself");
      }
      const queue = {
        url, everyMs: seconds("--every", o.every) * 1000, deliveryTimeoutMs: seconds("--delivery-timeout", o.deliveryTimeout) * 1000,
        retryDelaySeconds: Math.ceil(seconds("--retry-delay", o.retryDelay)),
      };
      const [{ default: pino }, { queueJobs }, { analysisPool, pipelineOn }, { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_UPLOAD }] = await Promise.all([
        import("pino"), import("../jobs/queue.js"), import("../core/pool.js"), import("../http/context.js"),
      ]);
      const log = pino({ level: env("JIKENBO_LOG") ?? "info", base: undefined }, pino.destination(2));
      await withStore(url, async (store) => {
        // Polled pages are analysed on a worker thread, started at the first one.
        const threads: { pool?: ReturnType<typeof analysisPool> } = {};
        const jobs = queueJobs({
          store, log, pipeline: (doc) => pipelineOn(threads.pool ??= analysisPool(1), doc), maxBytes: DEFAULT_MAX_UPLOAD, fetchTimeoutMs: DEFAULT_FETCH_TIMEOUT_MS,
          allowPrivate: !!o.allowPrivate,
        }, queue);
        await jobs.start();
        out(`jikenbo: worker running jobs for ${store.location}; Ctrl-C stops`);
        const signal = await untilSignal();
        log.info({ signal }, "worker stopping");
        await jobs.stop();
        await threads.pool?.close();
      });
    });
}
