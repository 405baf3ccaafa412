import { createHmac } from "node:crypto";
import type { Logger } from "pino";
import { postUrl } from "../ingest/readers/url.js";
import { cleared, parseTlp } from "../intel/taxonomies/tlp.js";
import type { Store, User, WatchHit, Watchlist } from "../store/types.js";

/** Waits before each retry of a failed delivery; after the last, the delivery is given up. */
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;

/** The X-Jikenbo-Signature of a body: `sha256=` and the hex HMAC-SHA256 of the exact bytes sent. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** How webhooks are delivered. */
export interface SenderOptions {
  store: Store;
  log: Logger;
  /** Let webhook URLs reach private, loopback and link-local addresses. */
  allowPrivate: boolean;
  /** Time limit of one delivery (default 10 s). */
  timeoutMs?: number;
  fetchImpl?: typeof fetch | undefined;
  /** The clock (tests). */
  now?: () => Date;
}

/** When a failed attempt is tried again, given the attempts made before it and the time now; null gives the delivery up. */
export type RetryPlan = (attemptsBefore: number, now: Date) => Date | null;

/** The in-process plan: BACKOFF_MS after each failure, then give up. */
export const BACKOFF_PLAN: RetryPlan = (n, now) => {
  const wait = BACKOFF_MS[n];
  return wait === undefined ? null : new Date(now.getTime() + wait);
};

/** What one attempt came to: sent (delivered or not), or settled without sending (withheld, or its watchlist or incident gone). */
export type Attempt = { sent: true; ok: boolean; error: string | null; retryAt: Date | null } | { sent: false; reason: string };

/**
 * Delivers due watchlist hits: a signed JSON POST per hit (`X-Jikenbo-Signature`, `X-Jikenbo-Delivery`,
 * and `Idempotency-Key`, the same for every attempt of one hit, so a receiver can drop a repeat), the
 * URL checked like any fetch, failures retried after 1 min, 5 min, 30 min, 2 h and 12 h, then given up.
 * An incident above the clearance of the watchlist's owner is withheld, never sent.
 */
export class WebhookSender {
  constructor(private readonly o: SenderOptions) {}

  /** Attempt every due delivery once; returns how many were attempted. */
  async tick(): Promise<number> {
    const now = this.o.now?.() ?? new Date();
    const due = await this.o.store.dueDeliveries(now.toISOString(), 50);
    if (due.length === 0) return 0;
    const lists = new Map((await this.o.store.listWatchlists()).map((w) => [w.id, w]));
    const users = new Map((await this.o.store.listUsers()).filter((u) => !u.revoked_at).map((u) => [u.name, u]));
    for (const hit of due) await this.deliver(hit, lists.get(hit.watchlist_id), users, now, BACKOFF_PLAN);
    return due.length;
  }

  /** Attempt one hit's delivery now, unless it was delivered or given up already (then null); `retry` says when a failure is tried again. */
  async attempt(hitId: number, retry: RetryPlan): Promise<Attempt | null> {
    const { store } = this.o;
    const hit = await store.pendingDelivery(hitId);
    if (!hit) return null;
    const now = this.o.now?.() ?? new Date();
    const list = (await store.listWatchlists()).find((w) => w.id === hit.watchlist_id);
    const users = new Map((await store.listUsers()).filter((u) => !u.revoked_at).map((u) => [u.name, u]));
    return this.deliver(hit, list, users, now, retry);
  }

  private async deliver(hit: WatchHit & { webhook_url: string }, list: Watchlist | undefined, users: Map<string, User>, now: Date, retry: RetryPlan): Promise<Attempt> {
    const { store, log } = this.o;
    const incident = await store.getIncident(hit.incident_id);
    if (!list || !incident) {
      const reason = "the watchlist or incident no longer exists";
      await store.recordDelivery(hit.id, false, reason, null);
      return { sent: false, reason };
    }
    const owner = users.get(list.created_by);
    if (!cleared(parseTlp(owner?.clearance ?? "CLEAR") ?? "CLEAR", parseTlp(incident.tlp) ?? "RED")) {
      const reason = `withheld: TLP:${incident.tlp} is above the clearance of the watchlist's owner`;
      await store.recordDelivery(hit.id, false, reason, null);
      return { sent: false, reason };
    }
    const body = JSON.stringify({
      watchlist: { id: list.id, name: list.name },
      incident: {
        id: incident.id, title: incident.title, organization: incident.organization, disclosed_on: incident.disclosed_on,
        incident_types: incident.incident_types, affected_count: incident.affected_count, sector: incident.sector, tlp: incident.tlp,
      },
      reason: hit.reason,
      at: hit.at,
    });
    const secret = await store.watchlistSecret(list.id);
    const headers: Record<string, string> = {
      "content-type": "application/json", "x-jikenbo-delivery": `${hit.id}.${hit.attempts + 1}`, "idempotency-key": idempotencyKey(hit.id),
    };
    if (secret) headers["x-jikenbo-signature"] = signature(secret, body);
    const r = await postUrl(hit.webhook_url, body, headers, { allowPrivate: this.o.allowPrivate, timeoutMs: this.o.timeoutMs ?? 10_000, fetchImpl: this.o.fetchImpl });
    const ok = "status" in r && r.status >= 200 && r.status < 300;
    const error = ok ? null : "error" in r ? r.error : `HTTP ${r.status}`;
    const retryAt = ok ? null : retry(hit.attempts, now);
    await store.recordDelivery(hit.id, ok, error, retryAt?.toISOString() ?? null);
    log.info({ hit: hit.id, watchlist: list.id, ok, ...(error ? { error } : {}), attempt: hit.attempts + 1 }, "webhook delivery");
    return { sent: true, ok, error, retryAt };
  }
}

/** The `Idempotency-Key` of a hit's deliveries: every attempt of one hit carries the same. */
export function idempotencyKey(hitId: number): string {
  return `jikenbo-hit-${hitId}`;
}
