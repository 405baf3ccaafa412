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

/**
 * Delivers due watchlist hits: a signed JSON POST per hit (`X-Jikenbo-Signature`, `X-Jikenbo-Delivery`),
 * the URL checked like any fetch, failures retried after 1 min, 5 min, 30 min, 2 h and 12 h, then given
 * up. An incident above the clearance of the watchlist's owner is withheld, never sent.
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
    for (const hit of due) await this.deliver(hit, lists.get(hit.watchlist_id), users, now);
    return due.length;
  }

  private async deliver(hit: WatchHit & { webhook_url: string }, list: Watchlist | undefined, users: Map<string, User>, now: Date): Promise<void> {
    const { store, log } = this.o;
    const incident = await store.getIncident(hit.incident_id);
    if (!list || !incident) {
      await store.recordDelivery(hit.id, false, "the watchlist or incident no longer exists", null);
      return;
    }
    const owner = users.get(list.created_by);
    if (!cleared(parseTlp(owner?.clearance ?? "CLEAR") ?? "CLEAR", parseTlp(incident.tlp) ?? "RED")) {
      await store.recordDelivery(hit.id, false, `withheld: TLP:${incident.tlp} is above the clearance of the watchlist's owner`, null);
      return;
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
    const headers: Record<string, string> = { "content-type": "application/json", "x-jikenbo-delivery": `${hit.id}.${hit.attempts + 1}` };
    if (secret) headers["x-jikenbo-signature"] = signature(secret, body);
    const r = await postUrl(hit.webhook_url, body, headers, { allowPrivate: this.o.allowPrivate, timeoutMs: this.o.timeoutMs ?? 10_000, fetchImpl: this.o.fetchImpl });
    const ok = "status" in r && r.status >= 200 && r.status < 300;
    const error = ok ? null : "error" in r ? r.error : `HTTP ${r.status}`;
    const wait = BACKOFF_MS[hit.attempts];
    await store.recordDelivery(hit.id, ok, error, ok || wait === undefined ? null : new Date(now.getTime() + wait).toISOString());
    log.info({ hit: hit.id, watchlist: list.id, ok, ...(error ? { error } : {}), attempt: hit.attempts + 1 }, "webhook delivery");
  }
}
