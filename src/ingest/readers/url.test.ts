import assert from "node:assert/strict";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import type { SourceDocument } from "../../core/types.js";
import type { ReadFailure } from "./index.js";
import { readUrl, USER_AGENT, type UrlOptions } from "./url.js";

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

const routes = new Map<string, Handler>();
const seen: IncomingMessage[] = [];
let server: Server;
let base = "";

before(async () => {
  server = createServer((req, res) => {
    seen.push(req);
    const handler = routes.get(req.url ?? "");
    if (handler) handler(req, res);
    else res.writeHead(404).end("not here");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const SJIS_PAGE = Buffer.from([0x82, 0xa8, 0x92, 0x6d, 0x82, 0xe7, 0x82, 0xb9]); // お知らせ in Shift_JIS

routes.set("/notice", (_req, res) => res.writeHead(200, { "content-type": "text/html; charset=Shift_JIS" }).end(SJIS_PAGE));
routes.set("/hop1", (_req, res) => res.writeHead(301, { location: "/hop2" }).end());
routes.set("/hop2", (_req, res) => res.writeHead(302, { location: `${base}/notice` }).end());
routes.set("/loop", (_req, res) => res.writeHead(307, { location: "/loop" }).end());
routes.set("/gzip", (_req, res) => res.writeHead(200, { "content-type": "text/plain", "content-encoding": "gzip" }).end(gzipSync("圧縮された本文")));
routes.set("/big", (_req, res) => res.writeHead(200, { "content-length": String(3 * 1024 * 1024) }).end(Buffer.alloc(3 * 1024 * 1024, 0x61)));
routes.set("/stream", (_req, res) => {
  res.writeHead(200, { "content-type": "text/plain" });
  for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 0x61));
  res.end();
});
routes.set("/blank", (_req, res) => res.writeHead(200).end("  \n"));
routes.set("/hang", () => undefined);

const ALLOW: UrlOptions = { allowPrivate: true, maxBytes: 1024 * 1024, timeoutMs: 5000 };
const DENY: UrlOptions = { ...ALLOW, allowPrivate: false };

function failure(x: SourceDocument | ReadFailure): string {
  assert.ok("error" in x, "expected a failure");
  assert.ok(!x.error.includes("\n"));
  return x.error;
}

test("a loopback server is refused without allowPrivate", async () => {
  assert.equal(failure(await readUrl(`${base}/notice`, DENY)), "refused private address 127.0.0.1 (use --allow-private)");
  assert.match(failure(await readUrl("http://localhost/notice", DENY)), /^refused private address (127\.0\.0\.1|::1) \(use --allow-private\)$/);
  assert.equal(failure(await readUrl("http://[::ffff:127.0.0.1]/", DENY)), "refused private address ::ffff:7f00:1 (use --allow-private)");
});

test("with allowPrivate the page is fetched, with its content type and our User-Agent", async () => {
  seen.length = 0;
  const doc = await readUrl(`${base}/notice`, ALLOW);
  assert.ok(!("error" in doc));
  assert.deepEqual(Buffer.from(doc.bytes), SJIS_PAGE);
  assert.equal(doc.source, `${base}/notice`);
  assert.equal(doc.mediaType, "text/html");
  assert.equal(doc.declaredCharset, "Shift_JIS");
  assert.equal(seen[0]?.headers["user-agent"], USER_AGENT);
});

test("redirects are followed by hand and the final address is the source", async () => {
  const doc = await readUrl(`${base}/hop1`, ALLOW);
  assert.ok(!("error" in doc));
  assert.equal(doc.source, `${base}/notice`);
  assert.equal(failure(await readUrl(`${base}/loop`, ALLOW)), "too many redirects (more than 5)");
});

test("a redirect to a private address is refused", async () => {
  const calls: string[] = [];
  const fetchImpl = (async (url: URL | RequestInfo) => {
    calls.push(String(url));
    return new Response(null, { status: 302, headers: { location: "http://10.0.0.1/admin" } });
  }) as typeof fetch;
  assert.equal(failure(await readUrl("http://93.184.216.34/news", { ...DENY, fetchImpl })), "refused private address 10.0.0.1 (use --allow-private)");
  assert.deepEqual(calls, ["http://93.184.216.34/news"]);
});

test("HTTP errors, refused connections and bad schemes are one-line reasons", async () => {
  assert.equal(failure(await readUrl(`${base}/missing`, ALLOW)), "HTTP 404");
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  assert.equal(failure(await readUrl(`http://127.0.0.1:${port}/`, ALLOW)), `unreachable: ECONNREFUSED 127.0.0.1:${port}`);
  assert.equal(failure(await readUrl("file:///etc/passwd", ALLOW)), "unsupported URL scheme file");
  assert.equal(failure(await readUrl("http://", ALLOW)), "invalid URL");
});

test("the time limit covers the whole fetch", async () => {
  const started = Date.now();
  assert.equal(failure(await readUrl(`${base}/hang`, { ...ALLOW, timeoutMs: 200 })), "timed out after 0.2 s");
  assert.ok(Date.now() - started < 3000);
});

test("the size limit holds for declared and streamed bodies", async () => {
  assert.equal(failure(await readUrl(`${base}/big`, ALLOW)), "too large: 3.0 MB > 1.0 MB limit");
  assert.equal(failure(await readUrl(`${base}/stream`, ALLOW)), "too large: more than 1.0 MB");
});

test("compressed bodies are decompressed, blank ones are failures", async () => {
  const doc = await readUrl(`${base}/gzip`, ALLOW);
  assert.ok(!("error" in doc));
  assert.equal(Buffer.from(doc.bytes).toString("utf8"), "圧縮された本文");
  assert.equal(failure(await readUrl(`${base}/blank`, ALLOW)), "empty file");
});
