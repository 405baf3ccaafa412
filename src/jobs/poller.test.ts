// Polling sources: conditional GETs with the stored validators, one request per host per gap,
// private addresses (and redirects to them) refused unless the source allows them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import pino from "pino";
import type { Store } from "../store/types.js";
import { EXAMPLES, emptyStore, localServer, publicAlias, type LocalServer } from "../../test/http-kit.js";
import { FeedPoller } from "./poller.js";

const FEED = readFileSync(join(EXAMPLES, "09-city-feed.xml"));
const log = pino({ enabled: false });
const who = { who: "admin" };
let site: LocalServer;
let store: Store;

before(async () => {
  const conditional = (etag: string) => (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    if (req.headers["if-none-match"] === etag) { res.writeHead(304).end(); return; }
    res.writeHead(200, { "content-type": "application/rss+xml", etag, "last-modified": "Thu, 10 Apr 2025 00:00:00 GMT" }).end(FEED);
  };
  site = await localServer({
    "/feed.xml": conditional('"v1"'),
    "/other.xml": conditional('"v2"'),
    "/secret": (_q, res) => res.writeHead(200).end("internal"),
    "/hop": (req, res) => res.writeHead(302, { location: new URL(req.url!, "http://x").searchParams.get("to")! }).end(),
  });
  store = await emptyStore();
});

after(async () => {
  await site.close();
  await store.close();
});

test("a due source is fetched and ingested, then asked again conditionally (304)", async () => {
  const f = await store.addFeed(`${site.url}/feed.xml`, 3600, true, who);
  let now = Date.now() + 1000;
  const poller = new FeedPoller({ store, log, maxBytes: 1 << 20, timeoutMs: 5000, now: () => new Date(now) });
  site.requests.length = 0;
  assert.equal(await poller.tick(), 1);
  assert.equal(site.requests[0]!.headers["if-none-match"], undefined);
  let [src] = await store.listFeeds();
  assert.deepEqual([src!.etag, src!.last_modified, src!.last_status], ['"v1"', "Thu, 10 Apr 2025 00:00:00 GMT", "200: 1 new, 0 updated"]);
  assert.equal(src!.next_fetch_at, new Date(now + 3600_000).toISOString());
  assert.equal((await store.searchIncidents({ q: "DDoS" })).length, 1, "the feed's incident is in the casebook");
  assert.equal(await poller.tick(), 0, "not due again yet");
  now += 3601_000;
  assert.equal(await poller.tick(), 1);
  assert.equal(site.requests[1]!.headers["if-none-match"], '"v1"');
  assert.equal(site.requests[1]!.headers["if-modified-since"], "Thu, 10 Apr 2025 00:00:00 GMT");
  [src] = await store.listFeeds();
  assert.equal(src!.last_status, "304 not modified");
  assert.equal(src!.etag, '"v1"', "validators kept");
  await store.removeFeed(f.id, who);
});

test("no more than one request per host per gap: the second source waits for the next tick", async () => {
  const a = await store.addFeed(`${site.url}/feed.xml`, 3600, true, who);
  const b = await store.addFeed(`${site.url}/other.xml`, 3600, true, who);
  let now = Date.now() + 1000;
  const poller = new FeedPoller({ store, log, maxBytes: 1 << 20, timeoutMs: 5000, hostGapMs: 5000, now: () => new Date(now) });
  site.requests.length = 0;
  assert.equal(await poller.tick(), 1);
  now += 1000;
  assert.equal(await poller.tick(), 0, "the host was asked a second ago");
  now += 5000;
  assert.equal(await poller.tick(), 1);
  assert.deepEqual(site.requests.map((r) => r.path).sort(), ["/feed.xml", "/other.xml"]);
  await store.removeFeed(a.id, who);
  await store.removeFeed(b.id, who);
});

test("sources at private addresses, or redirecting to them, are refused unless the source allows it", async () => {
  const port = new URL(site.url).port;
  const targets = [
    [`http://127.0.0.1:${port}/secret`, "127.0.0.1"],
    ["http://10.0.0.1/feed", "10.0.0.1"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    [`http://[::1]:${port}/secret`, "::1"],
  ] as const;
  for (const [url] of targets) await store.addFeed(url, 3600, false, who);
  for (const [to] of targets) await store.addFeed(`http://93.184.216.34/hop?to=${encodeURIComponent(to)}`, 3600, false, who);
  site.requests.length = 0;
  const poller = new FeedPoller({ store, log, maxBytes: 1 << 20, timeoutMs: 5000, hostGapMs: 0, fetchImpl: publicAlias(site), now: () => new Date(Date.now() + 1000) });
  assert.equal(await poller.tick(), 8);
  const feeds = await store.listFeeds();
  for (const [to, addr] of targets) {
    for (const f of feeds.filter((x) => x.url === to || x.url.includes(encodeURIComponent(to)))) {
      assert.equal(f.last_status, `failed: refused private address ${addr} (use --allow-private)`, f.url);
    }
  }
  assert.equal(site.requests.filter((r) => r.path === "/hop").length, 4, "the public hops were fetched");
  assert.ok(!site.requests.some((r) => r.path === "/secret"), "the private targets never were");
});
