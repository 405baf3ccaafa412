import { createHash, randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import { reextractAll, type ReextractSummary } from "../core/reextract.js";
import type { Store } from "../store/types.js";
import { Loop } from "./loop.js";
import { workers, type JobDeps, type JobRunner } from "./runner.js";
import { BACKOFF_MS } from "./webhooks.js";

/** The queues: one job per due poll of a source, one per watchlist hit to deliver, one per chunk of a re-extraction. */
export const QUEUES = { poll: "source-poll", deliver: "webhook-deliver", reextract: "reextract-chunk" } as const;

/** Documents per re-extraction job. */
export const REEXTRACT_CHUNK = 500;
/** How long a re-extraction job may run before another process takes it over. */
const REEXTRACT_EXPIRE_SECONDS = 1800;

/** Payload of a `source-poll` job. */
export interface PollJob {
  feed: number;
}

/** Payload of a `webhook-deliver` job. */
export interface DeliverJob {
  hit: number;
}

/** Payload of a `reextract-chunk` job: the documents to re-extract, in archive order. */
export interface ReextractJob {
  shas: string[];
}

/** How the PostgreSQL job queue runs. */
export interface QueueOptions {
  /** The casebook's postgres:// URL: the queue lives in its schema `pgboss`. */
  url: string;
  /** How often due sources and deliveries are looked for and queued (default 15 s). */
  everyMs?: number | undefined;
  /** Time limit of one webhook POST (default 10 s); a job taken by a process that stops answering is retried after it and 5 s more. */
  deliveryTimeoutMs?: number | undefined;
  /** Wait before the first retry of a failed delivery, doubled (with jitter) for each next one (default 60 s). */
  retryDelaySeconds?: number | undefined;
}

/** The job id of a unique piece of work: the same work is queued once, however many processes queue it. */
export function jobId(work: string): string {
  const h = createHash("sha256").update(work).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Create the queues that do not exist yet. Two processes starting at once on a new database may deadlock
 * creating them (each attaches a partition to the same table): PostgreSQL aborts one, which tries again.
 */
async function createQueues(boss: PgBoss, names: string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      for (const name of names) if (!await boss.getQueue(name)) await boss.createQueue(name);
      return;
    } catch (e) {
      if ((e as { code?: string }).code !== "40P01" || attempt === 5) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 200 * attempt));
    }
  }
}

/**
 * The jobs as a durable queue in the PostgreSQL casebook (pg-boss), shared by every process that runs
 * one (`serve`, `worker`): each looks for due sources and deliveries every `everyMs` and queues each
 * under an id derived from it, so that it is queued once whoever sees it first; a job is taken by one
 * process at a time (SELECT … FOR UPDATE SKIP LOCKED). A delivery checks that its hit is still pending,
 * posts it with its `Idempotency-Key` and records the attempt; a failure is retried with exponential
 * backoff as often as the in-process sender retries; a process killed mid-job leaves the job active until
 * it expires, and another process retries it. Chunks of a re-extraction (`reextract --queue`) are jobs too.
 */
export function queueJobs(deps: JobDeps, o: QueueOptions): JobRunner {
  const { store, log } = deps;
  const deliveryTimeoutMs = o.deliveryTimeoutMs ?? 10_000;
  const expireInSeconds = Math.ceil(deliveryTimeoutMs / 1000) + 5;
  const retryDelay = o.retryDelaySeconds ?? 60;
  const boss = new PgBoss({
    connectionString: o.url, application_name: "jikenbo-jobs", max: 4,
    // Expired jobs are looked for as often as half the time a delivery may take (one process at a time does it).
    maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(expireInSeconds / 2))),
  });
  boss.on("error", (err) => log.error({ err }, "job queue error"));
  const { poller, sender } = workers(deps, deliveryTimeoutMs);

  const enqueue = async (): Promise<void> => {
    const now = new Date().toISOString();
    for (const feed of await store.dueFeeds(now)) {
      await boss.send(QUEUES.poll, { feed: feed.id } satisfies PollJob, {
        id: jobId(`source:${feed.id}:${feed.next_fetch_at}`), retryLimit: 2, expireInSeconds: Math.ceil(deps.fetchTimeoutMs / 1000) + 60,
      });
    }
    for (const hit of await store.dueDeliveries(now, 500)) {
      await boss.send(QUEUES.deliver, { hit: hit.id } satisfies DeliverJob, {
        id: jobId(`hit:${hit.id}`), retryLimit: BACKOFF_MS.length, retryDelay, retryBackoff: true, expireInSeconds,
      });
    }
  };
  const dispatch = new Loop("enqueue", o.everyMs ?? 15_000, enqueue, log);

  return {
    start: async () => {
      await boss.start();
      await createQueues(boss, Object.values(QUEUES));
      // One job at a time per queue and process; after a job the next is fetched at once, not after the polling interval.
      const ids: Record<string, string> = {};
      ids.poll = await boss.work<PollJob>(QUEUES.poll, { pollingIntervalSeconds: 1 }, async ([job]) => {
        boss.notifyWorker(ids.poll!);
        await poller.pollIfDue(job!.data.feed);
      });
      ids.deliver = await boss.work<DeliverJob>(QUEUES.deliver, { pollingIntervalSeconds: 1, includeMetadata: true }, async ([job]) => {
        boss.notifyWorker(ids.deliver!);
        const { retryCount, retryLimit } = job!;
        // The hit's own record says when its next attempt is due, as the queue's backoff will have it.
        const r = await sender.attempt(job!.data.hit, (_n, now) => retryCount < retryLimit ? new Date(now.getTime() + retryDelay * 1000 * 2 ** retryCount) : null);
        if (r?.sent && !r.ok) throw new Error(`webhook delivery failed: ${r.error}`);
      });
      ids.reextract = await boss.work<ReextractJob>(QUEUES.reextract, { pollingIntervalSeconds: 1 }, async ([job]) => {
        boss.notifyWorker(ids.reextract!);
        const r = await reextractAll(store, undefined, job!.data.shas);
        log.info({ documents: r.documents, changed: r.changed, failed: r.failures.length }, "re-extracted a chunk");
        return r;
      });
      dispatch.start();
    },
    stop: async () => {
      await dispatch.stop();
      await boss.stop({ graceful: true, wait: true, timeout: deliveryTimeoutMs + 5000 });
    },
  };
}

/**
 * Queue a re-extraction of the whole archive for the workers, in chunks of `chunk` documents (default
 * REEXTRACT_CHUNK) in archive order (each chunk one job, retried by another worker if its own dies), and
 * wait for every chunk to end; resolves to the summed summary. `progress` hears of each chunk that ends.
 */
export async function reextractQueued(
  store: Store, url: string, o: { chunk?: number | undefined; progress?: (done: number, chunks: number) => void } = {},
): Promise<ReextractSummary> {
  const size = o.chunk ?? REEXTRACT_CHUNK;
  const boss = new PgBoss({ connectionString: url, application_name: "jikenbo-reextract", max: 2, supervise: false, schedule: false });
  const sum: ReextractSummary = { documents: 0, notices: 0, changed: 0, unchanged: 0, failures: [] };
  await boss.start();
  try {
    await createQueues(boss, [QUEUES.reextract]);
    const shas = await store.documentHashes();
    const run = randomUUID();
    const pending = new Set<string>();
    for (let i = 0; i < shas.length; i += size) {
      const id = jobId(`reextract:${run}:${i}`);
      await boss.send(QUEUES.reextract, { shas: shas.slice(i, i + size) } satisfies ReextractJob, { id, retryLimit: 2, expireInSeconds: REEXTRACT_EXPIRE_SECONDS });
      pending.add(id);
    }
    const chunks = pending.size;
    while (pending.size) {
      await new Promise((r) => setTimeout(r, 500));
      for (const id of [...pending]) {
        const job = await boss.getJobById<ReextractJob>(QUEUES.reextract, id, { includeArchive: true });
        if (job?.state === "completed") {
          const r = job.output as ReextractSummary;
          sum.documents += r.documents;
          sum.notices += r.notices;
          sum.changed += r.changed;
          sum.unchanged += r.unchanged;
          sum.failures.push(...r.failures);
        } else if (job?.state === "failed" || job?.state === "cancelled") {
          const message = (job.output as { message?: string } | null)?.message ?? job.state;
          sum.failures.push({ source: `chunk of ${job.data.shas.length} documents from ${job.data.shas[0]}`, error: message });
        } else {
          continue;
        }
        pending.delete(id);
        o.progress?.(chunks - pending.size, chunks);
      }
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  return sum;
}
