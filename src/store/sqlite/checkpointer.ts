import type { Worker } from "node:worker_threads";
import { workerThread } from "../../core/worker-thread.js";

/** Pages the writing connection lets its log grow to while a checkpointer runs, before it checkpoints itself: a thread that fell behind. */
export const BEHIND_PAGES = 32_000;

/**
 * Checkpoints a SQLite file's write-ahead log on a thread of its own, after each write it is told of:
 * the writing thread then neither copies the log's pages into the file nor waits for the disk to sync
 * them (a sixth of a bulk write's time on it). Asks coalesce: one checkpoint at a time, and one more
 * after it when asked meanwhile. A checkpoint interrupted by the process's end leaves the file as
 * SQLite's own would: the log still holds every committed page.
 */
export class Checkpointer {
  private readonly worker: Worker;
  private running = false;
  private again = false;
  private closing = false;
  private failed = false;

  /** Checkpoint `file` on a new thread; `onFail` is called once if it cannot (the file cannot be opened there, say). */
  constructor(file: string, private readonly onFail: (reason: string) => void) {
    this.worker = workerThread("checkpoint-worker", import.meta.url, { workerData: { file } });
    this.worker.on("message", (m: { error?: string }) => {
      this.running = false;
      if (m.error !== undefined) this.fail(m.error);
      else if (this.again) this.nudge();
    });
    this.worker.on("error", (e) => {
      this.running = false;
      this.fail(e.message);
    });
    // The thread does not keep a process alive that is otherwise done (after the listeners: adding one refs it again).
    this.worker.unref();
  }

  /** A write committed: checkpoint what the log holds, now or after the checkpoint under way. */
  nudge(): void {
    if (this.failed || this.closing) return;
    if (this.running) { this.again = true; return; }
    this.running = true;
    this.again = false;
    this.worker.postMessage(null);
  }

  /** Stop the thread once the checkpoint under way, if any, is done. */
  async close(): Promise<void> {
    this.closing = true;
    // Waited for, the thread keeps the process alive until it is done.
    this.worker.ref();
    // A thread that died exits instead of answering.
    if (this.running) await new Promise((resolve) => { this.worker.once("message", resolve); this.worker.once("exit", resolve); });
    await this.worker.terminate();
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.onFail(reason);
  }
}
