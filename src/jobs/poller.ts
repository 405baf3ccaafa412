import type { Logger } from "pino";
import { PUBLIC_CLEARANCE } from "../casebook/authorize.js";
import { ingestDocuments, type Pipeline } from "../core/ingest.js";
import { SYSTEM } from "../store/records.js";
import { fetchUrl } from "../ingest/readers/url.js";
import type { FeedSource, Store } from "../store/types.js";

/** How sources are polled. */
export interface PollerOptions {
  store: Store;
  log: Logger;
  maxBytes: number;
  timeoutMs: number;
  /** Least time between two requests to the same host (default 5 s). */
  hostGapMs?: number;
  fetchImpl?: typeof fetch | undefined;
  /** How fetched documents are analysed (default: in this thread). */
  pipeline?: Pipeline | undefined;
  /** The clock (tests). */
  now?: () => Date;
}

/**
 * Polls due sources (`jikenbo source add`) with conditional GETs from the stored validators, one at a
 * time, at most one request per host per `hostGapMs`, private addresses refused unless the source
 * allows them (every redirect re-checked), and ingests what changed as public pages (TLP:CLEAR): a
 * page never joins or changes an incident marked above it.
 */
export class FeedPoller {
  private readonly lastByHost = new Map<string, number>();

  constructor(private readonly o: PollerOptions) {}

  /** Poll every due source once, skipping (until the next tick) hosts asked too recently; returns how many were polled. */
  async tick(): Promise<number> {
    const now = this.o.now?.() ?? new Date();
    let polled = 0;
    for (const feed of await this.o.store.dueFeeds(now.toISOString())) {
      const host = URL.canParse(feed.url) ? new URL(feed.url).host : feed.url;
      const last = this.lastByHost.get(host);
      if (last !== undefined && now.getTime() - last < (this.o.hostGapMs ?? 5000)) continue;
      this.lastByHost.set(host, now.getTime());
      await this.poll(feed, now);
      polled++;
    }
    return polled;
  }

  /** Poll one source if it is still due (a queued job: another process may have polled it since); returns whether it was polled. */
  async pollIfDue(feedId: number): Promise<boolean> {
    const now = this.o.now?.() ?? new Date();
    const feed = (await this.o.store.dueFeeds(now.toISOString())).find((f) => f.id === feedId);
    if (!feed) return false;
    await this.poll(feed, now);
    return true;
  }

  private async poll(feed: FeedSource, now: Date): Promise<void> {
    const { store, log } = this.o;
    const r = await fetchUrl(feed.url, {
      allowPrivate: feed.allow_private, maxBytes: this.o.maxBytes, timeoutMs: this.o.timeoutMs, fetchImpl: this.o.fetchImpl,
      etag: feed.etag, lastModified: feed.last_modified,
    });
    let status: string;
    let validators = { etag: null as string | null, last_modified: null as string | null };
    if ("notModified" in r) {
      status = "304 not modified";
    } else if ("error" in r) {
      status = `failed: ${r.error}`;
    } else {
      const s = await ingestDocuments(store, [r.doc], { who: SYSTEM, clearance: PUBLIC_CLEARANCE }, undefined, this.o.pipeline);
      status = `200: ${s.incidentsNew} new, ${s.incidentsUpdated} updated${s.failures.length ? `, failed: ${s.failures[0]!.error}` : ""}`;
      validators = { etag: r.etag, last_modified: r.lastModified };
    }
    await store.recordPoll(feed.id, { status, ...validators, next_fetch_at: new Date(now.getTime() + feed.every_seconds * 1000).toISOString() });
    log.info({ source: feed.id, url: feed.url, status }, "source polled");
  }
}
