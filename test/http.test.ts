// A real listening server: endpoints over the wire, the background loops (source polling, webhook
// delivery), structured logs without credentials, graceful shutdown, and `jikenbo serve` itself.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { test } from "node:test";
import pino from "pino";
import { startServer } from "../src/http/server.js";
import { ROOT, tempDir } from "./helpers.js";
import { addUsers, basic, bearer, emptyStore, localServer, seed } from "./http-kit.js";

/** A pino logger whose lines are collected. */
function capturedLog(): { log: pino.Logger; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = "";
  const sink = new Writable({ write(chunk, _enc, done) { text += String(chunk); done(); } });
  return { log: pino({ level: "info" }, sink), text: () => text, lines: () => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>) };
}

/** Wait for a background step; generous, since the first analysis boots a worker thread (seconds on a loaded CI machine). */
async function until(check: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 25));
  }
}

test("a listening server: endpoints over HTTP, background polling and webhooks, logs, graceful shutdown", async () => {
  const store = await emptyStore();
  const tokens = await addUsers(store);
  await seed(store);
  let release: () => void = () => undefined;
  const site = await localServer({
    "/feed.xml": (_q, res) => res.writeHead(200, { "content-type": "application/rss+xml", etag: '"f1"' }).end(readFileSync(join(ROOT, "test/fixtures/ingest/rss2.xml"))),
    "/hook": (_q, res) => res.writeHead(200).end("ok"),
    "/slow.txt": (_q, res) => { release = () => res.writeHead(200, { "content-type": "text/plain" }).end(readFileSync(join(ROOT, "test/fixtures/http/shared-indicator.txt"))); },
  });
  await store.addFeed(`${site.url}/feed.xml`, 3600, true, { who: "admin" });
  await store.addWatchlist({ name: "test co", kind: "organization", pattern: "テスト商会", webhook_url: `${site.url}/hook`, secret: "0123456789abcdef0123" }, { who: "red" });
  const { log, lines, text } = capturedLog();
  const server = await startServer({
    store, log, host: "127.0.0.1", port: 0, pollEveryMs: 20, deliverEveryMs: 20, graceMs: 5000,
    settings: { anonymousRead: true, allowPrivate: true },
  });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/api/v1/health`);
    assert.deepEqual(await health.json(), { status: "ok" });
    assert.equal(health.headers.get("x-content-type-options"), "nosniff");
    const list = await fetch(`${server.url}/api/v1/incidents?limit=5`, { headers: basic("vic", tokens.vic) });
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { items: unknown[] }).items.length, 5);
    assert.equal(list.headers.get("cache-control"), "no-store");
    assert.equal((await fetch(`${server.url}/api/v1/incidents`, { headers: bearer("jkb_nope") })).status, 401);
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string };
    assert.equal(doc.openapi, "3.1.0");
    assert.match(await (await fetch(`${server.url}/feeds/incidents.atom`)).text(), /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);

    // Background: the source is polled and its incident ingested; the watchlist's webhook is delivered, signed.
    await until(async () => (await store.listFeeds())[0]!.last_status !== null);
    assert.equal((await store.listFeeds())[0]!.etag, '"f1"');
    await until(async () => site.requests.some((r) => r.path === "/hook"));
    const hook = site.requests.find((r) => r.path === "/hook")!;
    assert.equal(hook.headers["x-jikenbo-signature"], `sha256=${createHmac("sha256", "0123456789abcdef0123").update(hook.body).digest("hex")}`);

    // Logs: one structured line per request, and never a credential.
    const req = lines().find((l) => l.msg === "request" && l.path === "/api/v1/incidents" && l.status === 200)!;
    assert.deepEqual(Object.keys(req).filter((k) => ["req", "method", "path", "status", "ms", "user"].includes(k)).sort(), ["method", "ms", "path", "req", "status", "user"]);
    assert.equal(req.user, "vic");
    assert.ok(!text().includes(tokens.vic) && !text().includes("jkb_nope"), "tokens never reach the log");

    // Graceful shutdown: a request in flight finishes; then the port is closed.
    const inflight = fetch(`${server.url}/api/v1/ingest`, {
      method: "POST", headers: { "content-type": "application/json", ...bearer(tokens.ana) }, body: JSON.stringify({ url: `${site.url}/slow.txt` }),
    });
    await until(async () => site.requests.some((r) => r.path === "/slow.txt"));
    const closing = server.close();
    await new Promise((r) => setTimeout(r, 100));
    release();
    const res = await inflight;
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { incidentsNew: number }).incidentsNew, 1);
    await closing;
    await assert.rejects(fetch(`${server.url}/api/v1/health`));
  } finally {
    await server.close();
    await site.close();
    await store.close();
  }
});

test("`jikenbo serve` prints its address, serves, and exits 0 on SIGTERM", async () => {
  const db = join(tempDir(), "casebook.db");
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "serve", "--db", db, "--port", "0", "--no-anonymous"], {
    cwd: ROOT, env: { ...process.env, JIKENBO_LOG: "info" }, stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => { stdout += String(c); });
  child.stderr.on("data", (c: Buffer) => { stderr += String(c); });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  try {
    await until(async () => /serving http:\/\/127\.0\.0\.1:\d+/.test(stdout));
    const url = /serving (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)![1]!;
    assert.equal((await fetch(`${url}/api/v1/health`)).status, 200);
    assert.equal((await fetch(`${url}/api/v1/incidents`)).status, 401, "--no-anonymous");
    child.kill("SIGTERM");
    assert.equal(await exited, 0);
    assert.match(stderr, /"msg":"shutting down"/);
    assert.match(stderr, /"msg":"server closed"/);
  } finally {
    child.kill("SIGKILL");
  }
});

test("a kept-alive connection whose next request waits out a long busy spell is answered, not reset", async () => {
  const store = await emptyStore();
  const server = await startServer({ store, host: "127.0.0.1", port: 0, jobs: null, settings: { anonymousRead: true, allowPrivate: false } });
  const socket = connect(server.port, "127.0.0.1");
  let received = "";
  let ended: string | null = null;
  socket.on("data", (c: Buffer) => { received += String(c); });
  socket.on("error", (e: Error & { code?: string }) => { ended = e.code ?? e.message; });
  socket.on("close", () => { ended ??= "closed"; });
  const request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n";
  const answers = () => received.split("HTTP/1.1 200 ").length - 1;
  try {
    await once(socket, "connect");
    socket.write(request);
    await until(async () => answers() === 1);
    // The next request reaches the server while its thread is held longer than Node's default
    // keep-alive timeout (5 s), as a long count at 1M incidents holds it.
    socket.write(request);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 6000);
    await until(async () => answers() === 2 || ended !== null);
    assert.equal(ended, null, "the connection stays open");
    assert.equal(answers(), 2);
  } finally {
    socket.destroy();
    await server.close();
    await store.close();
  }
});
