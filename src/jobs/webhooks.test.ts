// Webhook deliveries: signed so the receiver can verify them, keyed so it can drop a repeat, retried with
// backoff, checked like any fetch, and never carrying an incident above the watchlist owner's clearance.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { after, before, test } from "node:test";
import pino from "pino";
import type { Store } from "../store/types.js";
import { addUsers, emptyStore, localServer, seed, type LocalServer } from "../../test/http-kit.js";
import { BACKOFF_MS, signature, WebhookSender } from "./webhooks.js";

const SECRET = "a-shared-secret-of-some-length";
const log = pino({ enabled: false });
let receiver: LocalServer;
let failuresLeft = 0;

before(async () => {
  receiver = await localServer({
    "/hook": (_req, res) => {
      if (failuresLeft > 0) { failuresLeft--; res.writeHead(500).end("try later"); return; }
      res.writeHead(204).end();
    },
  });
});

after(() => receiver.close());

/** A casebook whose one watchlist (owned by `owner`) matched one incident, its delivery due now. */
async function casebookWithHit(owner: string, pattern = "みなと中央病院"): Promise<{ store: Store; hitId: number }> {
  const store = await emptyStore();
  await addUsers(store);
  await store.addWatchlist({ name: "hospital", kind: "organization", pattern, webhook_url: `${receiver.url}/hook`, secret: SECRET }, { who: owner });
  await seed(store);
  const [due] = await store.dueDeliveries(new Date(Date.now() + 1000).toISOString());
  assert.ok(due);
  return { store, hitId: due.id };
}

function hitOf(store: Store, id: number) {
  return store.hits(1).then((hs) => hs.find((h) => h.id === id)!);
}

test("a delivery that fails is retried after a minute, then arrives signed and verifiable", async () => {
  const { store, hitId } = await casebookWithHit("ana");
  const t0 = Date.now() + 1000;
  let now = t0;
  const sender = new WebhookSender({ store, log, allowPrivate: true, now: () => new Date(now) });
  failuresLeft = 1;
  receiver.requests.length = 0;
  assert.equal(await sender.tick(), 1);
  let h = await hitOf(store, hitId);
  assert.deepEqual([h.attempts, h.delivered_at, h.last_error, h.next_attempt_at], [1, null, "HTTP 500", new Date(t0 + 60_000).toISOString()]);
  now = t0 + 30_000;
  assert.equal(await sender.tick(), 0, "not before the backoff is over");
  now = t0 + 61_000;
  assert.equal(await sender.tick(), 1);
  h = await hitOf(store, hitId);
  assert.equal(h.attempts, 2);
  assert.ok(h.delivered_at);
  assert.equal(h.next_attempt_at, null);

  assert.equal(receiver.requests.length, 2);
  const got = receiver.requests[1]!;
  assert.equal(got.headers["content-type"], "application/json");
  assert.equal(got.headers["x-jikenbo-delivery"], `${hitId}.2`);
  assert.equal(receiver.requests[0]!.headers["x-jikenbo-delivery"], `${hitId}.1`);
  // One key for every attempt of one hit: a receiver drops a repeat of what it already took.
  assert.equal(got.headers["idempotency-key"], `jikenbo-hit-${hitId}`);
  assert.equal(receiver.requests[0]!.headers["idempotency-key"], got.headers["idempotency-key"]);
  // What a receiver does: HMAC the raw body with the shared secret and compare.
  const expected = `sha256=${createHmac("sha256", SECRET).update(got.body).digest("hex")}`;
  assert.equal(got.headers["x-jikenbo-signature"], expected);
  assert.equal(signature(SECRET, got.body), expected);
  const payload = JSON.parse(got.body) as { watchlist: { id: number; name: string }; incident: { id: string; organization: string; tlp: string }; reason: string; at: string };
  assert.deepEqual(payload.watchlist, { id: 1, name: "hospital" });
  assert.equal(payload.incident.organization, "医療法人社団青葉会 みなと中央病院");
  assert.match(payload.reason, /organisation/);
  assert.ok(payload.at);
  await store.close();
});

test("retries back off 1 min, 5 min, 30 min, 2 h, 12 h, then the delivery is given up", async () => {
  const { store, hitId } = await casebookWithHit("ana");
  let now = Date.now() + 1000;
  const sender = new WebhookSender({ store, log, allowPrivate: true, now: () => new Date(now) });
  failuresLeft = 100;
  const waits: (number | null)[] = [];
  for (let i = 0; i < 6; i++) {
    assert.equal(await sender.tick(), 1, `attempt ${i + 1}`);
    const h = await hitOf(store, hitId);
    waits.push(h.next_attempt_at ? (Date.parse(h.next_attempt_at) - now) / 1000 : null);
    if (h.next_attempt_at) now = Date.parse(h.next_attempt_at);
  }
  assert.deepEqual(waits, [...BACKOFF_MS.map((ms) => ms / 1000), null]);
  assert.deepEqual(waits.slice(0, 5), [60, 300, 1800, 7200, 43200]);
  const h = await hitOf(store, hitId);
  assert.deepEqual([h.attempts, h.delivered_at, h.last_error], [6, null, "HTTP 500"]);
  now += 365 * 86_400_000;
  assert.equal(await sender.tick(), 0, "given up for good");
  failuresLeft = 0;
  await store.close();
});

test("webhook URLs at private addresses are refused unless allowed; nothing is sent", async () => {
  const { store, hitId } = await casebookWithHit("ana");
  receiver.requests.length = 0;
  const sender = new WebhookSender({ store, log, allowPrivate: false, now: () => new Date(Date.now() + 1000) });
  assert.equal(await sender.tick(), 1);
  const h = await hitOf(store, hitId);
  assert.equal(h.last_error, "refused private address 127.0.0.1 (use --allow-private)");
  assert.ok(h.next_attempt_at, "retried later (addresses can change)");
  assert.equal(receiver.requests.length, 0);
  await store.close();
});

test("an incident above the watchlist owner's clearance is withheld, not sent", async () => {
  const { store, hitId } = await casebookWithHit("vic");
  const [inc] = await store.searchIncidents({ q: "みなと中央病院" });
  await store.edit(inc!.id, [{ field: "tlp", value: "AMBER" }], { who: "admin", clearance: "RED" });
  receiver.requests.length = 0;
  const sender = new WebhookSender({ store, log, allowPrivate: true, now: () => new Date(Date.now() + 1000) });
  assert.equal(await sender.tick(), 1);
  const h = await hitOf(store, hitId);
  assert.match(h.last_error ?? "", /^withheld: TLP:AMBER/);
  assert.equal(h.next_attempt_at, null);
  assert.equal(receiver.requests.length, 0);
  await store.close();
});

test("one hit's delivery, as a queued job makes it: the retry plan says when next; a delivered or given-up hit is not sent again", async () => {
  const { store, hitId } = await casebookWithHit("ana");
  const sender = new WebhookSender({ store, log, allowPrivate: true });
  failuresLeft = 1;
  receiver.requests.length = 0;
  const at = new Date("2030-01-01T00:00:00.000Z");
  const failed = await sender.attempt(hitId, (n) => (n === 0 ? at : null));
  assert.deepEqual(failed, { sent: true, ok: false, error: "HTTP 500", retryAt: at });
  assert.equal((await hitOf(store, hitId)).next_attempt_at, at.toISOString());
  assert.ok(await store.pendingDelivery(hitId), "still pending, whenever it is due");
  assert.deepEqual(await sender.attempt(hitId, () => null), { sent: true, ok: true, error: null, retryAt: null });
  assert.equal(await store.pendingDelivery(hitId), null);
  assert.equal(await sender.attempt(hitId, () => null), null, "delivered: nothing sent");
  assert.equal(receiver.requests.length, 2);
  assert.equal(await sender.attempt(9999, () => null), null, "no such hit");

  const other = await casebookWithHit("ana");
  failuresLeft = 1;
  const otherSender = new WebhookSender({ store: other.store, log, allowPrivate: true });
  assert.deepEqual(await otherSender.attempt(other.hitId, () => null), { sent: true, ok: false, error: "HTTP 500", retryAt: null });
  assert.equal(await other.store.pendingDelivery(other.hitId), null, "given up: never sent again");
  await other.store.close();
  await store.close();
});
