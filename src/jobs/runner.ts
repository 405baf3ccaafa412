import type { Logger } from "pino";
import type { Pipeline } from "../core/ingest.js";
import type { Store } from "../store/types.js";
import { Loop } from "./loop.js";
import { FeedPoller } from "./poller.js";
import { WebhookSender } from "./webhooks.js";

/** What the background jobs work with: the casebook, the log, how fetched pages are analysed, and the fetch limits. */
export interface JobDeps {
  store: Store;
  log: Logger;
  pipeline: Pipeline;
  /** Largest page a polled source may send. */
  maxBytes: number;
  /** Time limit of one source fetch. */
  fetchTimeoutMs: number;
  /** Let webhooks reach private, loopback and link-local addresses. */
  allowPrivate: boolean;
  /** Least time between two polls of the same host, within one process (default 5 s). */
  hostGapMs?: number | undefined;
  fetchImpl?: typeof fetch | undefined;
}

/** Runs the background jobs (source polling, webhook delivery) until stopped. */
export interface JobRunner {
  start(): Promise<void>;
  /** Stop taking jobs and wait for those running to end. */
  stop(): Promise<void>;
}

/** The poller and sender over `deps`. */
export function workers(deps: JobDeps, deliveryTimeoutMs?: number): { poller: FeedPoller; sender: WebhookSender } {
  const { store, log, pipeline, maxBytes, fetchTimeoutMs, hostGapMs, fetchImpl } = deps;
  return {
    poller: new FeedPoller({ store, log, maxBytes, timeoutMs: fetchTimeoutMs, hostGapMs, fetchImpl, pipeline }),
    sender: new WebhookSender({ store, log, allowPrivate: deps.allowPrivate, fetchImpl, ...(deliveryTimeoutMs ? { timeoutMs: deliveryTimeoutMs } : {}) }),
  };
}

/**
 * The jobs run by loops in this process, as one `serve` on a SQLite casebook does: due sources looked for
 * every `pollEveryMs` (default 30 s), due webhook deliveries every `deliverEveryMs` (default 15 s).
 */
export function inProcessJobs(deps: JobDeps, every: { pollEveryMs?: number | undefined; deliverEveryMs?: number | undefined } = {}): JobRunner {
  const { poller, sender } = workers(deps);
  const loops = [
    new Loop("sources", every.pollEveryMs ?? 30_000, () => poller.tick(), deps.log),
    new Loop("webhooks", every.deliverEveryMs ?? 15_000, () => sender.tick(), deps.log),
  ];
  return {
    start: async () => { for (const l of loops) l.start(); },
    stop: async () => { await Promise.all(loops.map((l) => l.stop())); },
  };
}
