import type { Logger } from "pino";

/** A background task run every `everyMs` until stopped; one run never overlaps the next. */
export class Loop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(private readonly name: string, private readonly everyMs: number, private readonly task: () => Promise<unknown>, private readonly log: Logger) {}

  /** Run the task now, then every `everyMs` after each run ends. */
  start(): void {
    this.schedule(0);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => { this.running = this.run(); }, ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      await this.task();
    } catch (err) {
      this.log.error({ loop: this.name, err }, "background task failed");
    } finally {
      this.running = undefined;
      this.schedule(this.everyMs);
    }
  }

  /** Stop scheduling and wait for a run in progress to end. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }
}
