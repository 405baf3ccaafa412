// POST /ingest: uploads and URLs through the same ingest as the CLI; URLs never reach private,
// loopback or link-local addresses (nor get redirected there) unless the server allows it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Store } from "../store/types.js";
import { addUsers, appFor, bearer, EXAMPLES, emptyStore, jsonHeaders, localServer, publicAlias, type LocalServer, type Tokens } from "../../test/http-kit.js";

const NOTICE = readFileSync(join(EXAMPLES, "01-ransomware-hospital.txt"));
let store: Store;
let tokens: Tokens;
let site: LocalServer;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  site = await localServer({
    "/notice.txt": (_q, res) => res.writeHead(200, { "content-type": "text/plain; charset=utf-8" }).end(readFileSync(join(EXAMPLES, "04-usb-loss-city.txt"))),
    "/secret": (_q, res) => res.writeHead(200).end("internal"),
    "/hop": (req, res) => res.writeHead(302, { location: new URL(req.url!, "http://x").searchParams.get("to")! }).end(),
  });
});

after(async () => {
  await site.close();
  await store.close();
});

function upload(app: ReturnType<typeof appFor>, bytes: Uint8Array, name: string, token = tokens.ana) {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(bytes)], name, { type: "text/plain" }));
  return app.request("/api/v1/ingest", { method: "POST", headers: bearer(token), body: form });
}

function byUrl(app: ReturnType<typeof appFor>, url: unknown) {
  return app.request("/api/v1/ingest", { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ url }) });
}

async function failure(res: Response, status = 400): Promise<string> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(res.status, status, JSON.stringify(body));
  return body.error.message;
}

test("an uploaded file goes through the real pipeline; re-uploading changes nothing; both are audited", async () => {
  const app = appFor(store);
  const res = await upload(app, NOTICE, "../../reports/01-ransomware-hospital.txt");
  assert.equal(res.status, 200);
  const s = (await res.json()) as { documents: number; incidentsNew: number; incidentIds: string[]; failures: unknown[] };
  assert.deepEqual([s.documents, s.incidentsNew, s.failures.length], [1, 1, 0]);
  const d = (await store.getIncident(s.incidentIds[0]!))!;
  assert.equal(d.organization, "医療法人社団青葉会 みなと中央病院");
  assert.equal(d.notices[0]!.source, "upload:01-ransomware-hospital.txt", "the client's path is not kept");
  const again = (await (await upload(app, NOTICE, "copy.txt")).json()) as { unchanged: number; incidentsNew: number };
  assert.deepEqual([again.unchanged, again.incidentsNew], [1, 0]);
  const log = await store.auditLog({ target: "upload:copy.txt" });
  assert.equal(log[0]?.action, "ingest");
  assert.equal(log[0]?.who, "ana");
  assert.deepEqual((log[0]?.after as { unchanged: number }).unchanged, 1);
});

test("uploads: empty files, oversized files, wrong fields and media types are 4xx", async () => {
  const app = appFor(store, { maxUploadBytes: 4096 });
  assert.match(await failure(await upload(app, Buffer.from("  \n"), "blank.txt")), /empty file/);
  assert.equal(await failure(await upload(app, Buffer.alloc(20_000, 0x61), "big.txt"), 413), "the file is larger than 4096 bytes");
  const form = new FormData();
  form.append("file", "not a file");
  assert.match(await failure(await app.request("/api/v1/ingest", { method: "POST", headers: bearer(tokens.ana), body: form })), /file/);
  assert.equal((await app.request("/api/v1/ingest", { method: "POST", headers: { "content-type": "text/plain", ...bearer(tokens.ana) }, body: "hello" })).status, 415);
  assert.match(await failure(await app.request("/api/v1/ingest", { method: "POST", headers: bearer(tokens.ana) })), /multipart\/form-data/);
  const huge = await app.request("/api/v1/ingest", { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ url: `https://example.jp/${"a".repeat(200_000)}` }) });
  assert.equal(huge.status, 413);
});

test("a URL is fetched and ingested when the server allows private addresses", async () => {
  const res = await byUrl(appFor(store, { allowPrivate: true }), `${site.url}/notice.txt`);
  assert.equal(res.status, 200, await res.clone().text());
  const s = (await res.json()) as { incidentIds: string[] };
  assert.equal((await store.getIncident(s.incidentIds[0]!))!.notices[0]!.source, `${site.url}/notice.txt`);
});

test("only http(s) URLs: paths, stdin, file: and other schemes are refused before anything is read", async () => {
  const app = appFor(store, { allowPrivate: true });
  for (const url of ["/etc/passwd", "-", "file:///etc/passwd", "ftp://example.jp/x", "gopher://127.0.0.1:25/", "javascript:alert(1)", 42, null]) {
    assert.match(await failure(await byUrl(app, url)), /url/, String(url));
  }
  assert.match(await failure(await app.request("/api/v1/ingest", { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ url: "https://example.jp/", path: "/etc" }) })), /path/);
});

test("SSRF: loopback, private, link-local (metadata) and IPv6 loopback addresses are refused", async () => {
  const app = appFor(store);
  const port = new URL(site.url).port;
  const before = site.requests.length;
  for (const [url, addr] of [
    [`${site.url}/secret`, "127.0.0.1"],
    [`http://localhost:${port}/secret`, "(127\\.0\\.0\\.1|::1)"],
    ["http://10.0.0.1/admin", "10.0.0.1"],
    ["http://169.254.169.254/latest/meta-data/", "169.254.169.254"],
    [`http://[::1]:${port}/secret`, "::1"],
    ["http://[::ffff:127.0.0.1]/", "::ffff:7f00:1"],
  ] as const) {
    assert.match(await failure(await byUrl(app, url)), new RegExp(`refused private address ${addr}`), url);
  }
  assert.equal(site.requests.length, before, "nothing reached the local server");
});

test("SSRF: a public site redirecting to a private address is refused at the redirect", async () => {
  const app = appFor(store, {}, publicAlias(site));
  const port = new URL(site.url).port;
  for (const [to, addr] of [
    [`http://127.0.0.1:${port}/secret`, "127.0.0.1"],
    ["http://10.1.2.3/", "10.1.2.3"],
    ["http://169.254.169.254/latest/meta-data/iam/", "169.254.169.254"],
    [`http://[::1]:${port}/secret`, "::1"],
  ] as const) {
    const res = await byUrl(app, `http://93.184.216.34/hop?to=${encodeURIComponent(to)}`);
    assert.match(await failure(res), new RegExp(`refused private address ${addr}`), to);
  }
  assert.ok(site.requests.some((r) => r.path === "/hop"), "the public hop was fetched");
  assert.ok(!site.requests.some((r) => r.path === "/secret"), "the private target never was");
});
