// Several processes on one PostgreSQL casebook, as docs/DEPLOY.md lays them out: `jikenbo worker`s share
// one durable job queue (each webhook delivered once, each due source polled once, a job whose worker is
// killed with SIGKILL retried by another, a re-extraction run in chunks), and `serve --no-jobs` processes
// see each other's writes.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { suite, test } from "node:test";
import { PostgresStore } from "../src/store/postgres/index.js";
import type { Facets, Store } from "../src/store/types.js";
import { ROOT } from "./helpers.js";
import { addUsers, EXAMPLES, HTTP_FIXTURES, seed } from "./http-kit.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

/** A running `jikenbo` process, its output so far, and how it ended. */
interface Proc {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** Start the built `jikenbo` with `args` (the tests' log level: info, for the delivery lines). */
function jikenbo(args: string[]): Proc {
  const child = spawn(process.execPath, [join(ROOT, "bin/jikenbo.js"), ...args], {
    cwd: ROOT, env: { ...process.env, JIKENBO_LOG: "info" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "", err = "";
  child.stdout!.on("data", (b: Buffer) => { out += b.toString(); });
  child.stderr!.on("data", (b: Buffer) => { err += b.toString(); });
  return { child, out: () => out, err: () => err, exited: new Promise((resolve) => child.on("exit", resolve)) };
}

/** Wait until `check` holds (polling), or fail saying `what` after `ms`. */
async function until(what: string, check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stop a process with SIGTERM and wait for it to exit; resolves to its exit code. */
async function stop(p: Proc): Promise<number | null> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGTERM");
  return p.exited;
}

/** How many acknowledged webhook deliveries a worker's log reports. */
function deliveries(p: Proc): number {
  // Acknowledged ones only: on a loaded machine an attempt may time out and be logged, then retried.
  return p.err().split("\n").filter((l) => l.includes('"msg":"webhook delivery"') && l.includes('"ok":true')).length;
}

/**
 * The webhook receiver: counts requests by Idempotency-Key, those it acknowledged and those whose sender
 * hung up before the answer. With `holdFirst` it leaves the first request unanswered, and answers the
 * others only once `open()` is called.
 */
async function receiver(holdFirst: boolean) {
  let open: () => void = () => undefined;
  const opened = holdFirst ? new Promise<void>((resolve) => { open = resolve; }) : Promise.resolve();
  const received = new Map<string, number>();
  const acknowledged = new Map<string, number>();
  const dropped = new Map<string, number>();
  const add = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
  let held: string | null = null;
  let polls = 0;
  const feedPage = readFileSync(join(HTTP_FIXTURES, "shared-indicator.txt"));
  const server = createServer((req, res) => {
    if (req.url === "/source.txt") {
      polls++;
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(feedPage);
      return;
    }
    req.resume();
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"]);
      add(received, key);
      res.on("close", () => add(res.writableFinished ? acknowledged : dropped, key));
      if (holdFirst && held === null) { held = key; return; }
      // A short wait, so that both workers take turns.
      void opened.then(() => setTimeout(() => { if (!res.destroyed) res.writeHead(204).end(); }, 50));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received, acknowledged, dropped,
    held: () => held,
    open: () => open(),
    polls: () => polls,
    close: async () => { server.closeAllConnections(); await new Promise((r) => server.close(r)); },
  };
}

/** Every hit of the casebook's watchlists: [id, delivered_at]. */
async function allHits(store: Store): Promise<{ id: number; delivered_at: string | null }[]> {
  const out = [];
  for (const w of await store.listWatchlists()) out.push(...await store.hits(w.id, { limit: 1000 }));
  return out;
}

// The tests use their own databases and receivers, and mostly wait: they run at the same time.
await withPostgres("several processes on one PostgreSQL casebook", () => suite("several processes on one PostgreSQL casebook", { concurrency: true }, () => {
  test("two workers on one queue: each webhook delivered once, each due source polled once, a SIGKILLed worker's job retried by the other, re-extraction in chunks", { timeout: 180_000 }, async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.connect(url);
    const hook = await receiver(true);
    const procs: Proc[] = [];
    try {
      await store.migrate();
      await addUsers(store);
      for (const pattern of ["の", "に", "お"]) {
        await store.addWatchlist({ name: `words with ${pattern}`, kind: "keyword", pattern, webhook_url: `${hook.url}/hook`, secret: "0123456789abcdef0123" }, { who: "ana" });
      }
      await seed(store, [EXAMPLES]);
      const before = (await allHits(store)).length;
      assert.ok(before >= 10, `hits to deliver: ${before}`);

      // Times short enough for a test: a job whose worker died is retried 7 s after it began, then after 1–2 s.
      const args = ["worker", "--db", url, "--allow-private", "--every", "0.5", "--delivery-timeout", "2", "--retry-delay", "1"];
      const first = jikenbo(args);
      procs.push(first);
      await until("the first delivery arrives and is held", () => hook.held() !== null);
      first.child.kill("SIGKILL");
      assert.equal(await first.exited, null, "killed by a signal");
      const heldKey = hook.held()!;

      // A source due now, for the two workers that go on.
      await store.addFeed(`${hook.url}/source.txt`, 3600, true, { who: "admin" });
      const [a, b] = [jikenbo(args), jikenbo(args)];
      procs.push(a, b);
      // Both at work before any delivery is answered: each takes its share.
      await until("both workers run", () => /worker running/.test(a.out()) && /worker running/.test(b.out()));
      hook.open();
      await until("every hit delivered and the source polled", async () => {
        const hits = await allHits(store);
        const feed = (await store.listFeeds())[0]!;
        return feed.last_status !== null && hits.length > 0 && hits.every((h) => h.delivered_at !== null);
      }, 45_000).catch((e: Error) => { throw new Error(`${e.message}\n${a.err().slice(-2000)}\n${b.err().slice(-2000)}`); });
      // The polled page may match the watchlists too: its hits are delivered like the others.
      const hits = await allHits(store);
      assert.ok(hits.length >= before);
      await new Promise((r) => setTimeout(r, 1500)); // anything sent twice would arrive by now

      assert.equal(hook.acknowledged.size, hits.length, "one key per hit");
      for (const [key, n] of hook.acknowledged) assert.equal(n, 1, `${key} acknowledged once`);
      // A repeat only of what a killed worker had sent and never heard back about: its job was retried.
      for (const [key, n] of hook.received) assert.equal(n, 1 + (hook.dropped.get(key) ?? 0), key);
      assert.equal(hook.dropped.get(heldKey), 1, "the held delivery was cut off by the kill");
      assert.equal(hook.received.get(heldKey), 2, "and sent again by another worker");
      assert.equal(hook.polls(), 1, "the due source polled once by the two workers");
      assert.match((await store.listFeeds())[0]!.last_status!, /^200: 1 new/);
      assert.ok(deliveries(a) > 0 && deliveries(b) > 0, `both workers delivered (${deliveries(a)}, ${deliveries(b)})`);
      assert.equal(deliveries(a) + deliveries(b), hits.length);

      // Re-extraction in chunks of 5 documents, run by the two workers, comes to what one process finds.
      const queued = jikenbo(["reextract", "--queue", "--chunk", "5", "--db", url]);
      assert.equal(await queued.exited, 0, queued.err());
      const documents = (await store.documentHashes()).length;
      assert.match(queued.err(), new RegExp(`chunk ${Math.ceil(documents / 5)}/${Math.ceil(documents / 5)} done`));
      const chunked = /re-extracted (\d+) documents, (\d+) notices .*: incidents 0 changed, (\d+) unchanged, 0 failed/.exec(queued.out());
      assert.ok(chunked, queued.out());
      const chunks = (p: Proc) => p.err().split("\n").filter((l) => l.includes('"msg":"re-extracted a chunk"')).length;
      assert.equal(chunks(a) + chunks(b), Math.ceil(documents / 5));
      const whole = jikenbo(["reextract", "--db", url]);
      assert.equal(await whole.exited, 0, whole.err());
      assert.match(whole.out(), new RegExp(`re-extracted ${chunked[1]} documents, ${chunked[2]} notices .*: incidents 0 changed, ${chunked[3]} unchanged, 0 failed`));

      assert.deepEqual(await Promise.all([stop(a), stop(b)]), [0, 0], "SIGTERM stops a worker cleanly");
    } finally {
      for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
      await hook.close();
      await store.close();
    }
  });

  test("one `serve` on PostgreSQL (the one-machine layout) runs the queued jobs itself", { timeout: 60_000 }, async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.connect(url);
    const hook = await receiver(false);
    let server: Proc | undefined;
    try {
      await store.migrate();
      await addUsers(store);
      await store.addWatchlist({ name: "hospital", kind: "organization", pattern: "みなと中央病院", webhook_url: `${hook.url}/hook`, secret: null }, { who: "ana" });
      await seed(store, [join(EXAMPLES, "01-ransomware-hospital.txt")]);
      server = jikenbo(["serve", "--db", url, "--port", "0", "--allow-private"]);
      await until("the server listens", () => /serving http/.test(server!.out()));
      assert.match(server.out(), /jobs from the PostgreSQL queue/);
      await until("the hit is delivered", async () => (await allHits(store)).every((h) => h.delivered_at !== null), 30_000);
      assert.equal(hook.acknowledged.size, 1);
      assert.equal(await stop(server), 0);
    } finally {
      if (server && server.child.exitCode === null) server.child.kill("SIGKILL");
      await hook.close();
      await store.close();
    }
  });

  test("`jikenbo worker` refuses a SQLite casebook", async () => {
    const p = jikenbo(["worker", "--db", join(ROOT, "no-such-dir", "casebook.db")]);
    assert.equal(await p.exited, 2);
    assert.match(p.err(), /worker needs a PostgreSQL casebook/);
  });

  test("two `serve --no-jobs` processes see each other's writes: search, facets and tokens", { timeout: 60_000 }, async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.connect(url);
    const procs: Proc[] = [];
    try {
      await store.migrate();
      const tokens = await addUsers(store);
      await seed(store, [join(EXAMPLES, "01-ransomware-hospital.txt")]);
      const servers = [jikenbo(["serve", "--no-jobs", "--db", url, "--port", "0"]), jikenbo(["serve", "--no-jobs", "--db", url, "--port", "0"])];
      procs.push(...servers);
      const base: string[] = [];
      for (const s of servers) {
        await until("the server listens", () => /serving (http:\/\/\S+)\//.test(s.out()));
        assert.match(s.out(), /no jobs \(--no-jobs\)/);
        base.push(/serving (http:\/\/\S+)\//.exec(s.out())![1]!);
      }
      const auth = { authorization: `Bearer ${tokens.admin}` };
      const search = async (server: string, q: string) =>
        (await (await fetch(`${server}/api/v1/incidents?q=${encodeURIComponent(q)}`, { headers: auth })).json()) as { total: number; facets: Omit<Facets, "total"> };

      // The second server answers (and caches) the facets before the first one writes.
      const first = await search(base[1]!, "");
      assert.equal(first.total, 1);
      const form = new FormData();
      form.append("file", new Blob([readFileSync(join(EXAMPLES, "02-skimming-shop.txt"))], { type: "text/plain" }), "02-skimming-shop.txt");
      const up = await fetch(`${base[0]}/api/v1/ingest`, { method: "POST", headers: auth, body: form });
      assert.equal(up.status, 200, await up.clone().text());
      const after = await search(base[1]!, "");
      assert.equal(after.total, 2, "the other server counts the new incident");
      assert.equal(after.facets.tlp.reduce((n, c) => n + c.count, 0), 2, "and its facets are not stale");
      assert.equal((await search(base[1]!, "さくら雑貨")).total, 1, "and finds it by its words");

      // A user added through one server signs in on the other.
      const added = await fetch(`${base[0]}/api/v1/users`, { method: "POST", headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify({ name: "newbie", role: "viewer" }) });
      assert.equal(added.status, 201, await added.clone().text());
      const { token } = (await added.json()) as { token: string };
      const me = await fetch(`${base[1]}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { user: { name: string } }).user.name, "newbie");

      assert.deepEqual(await Promise.all(servers.map(stop)), [0, 0]);
    } finally {
      for (const p of procs) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
      await store.close();
    }
  });
}));
