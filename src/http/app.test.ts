// The app as a whole: JSON errors for every bad input, security headers, authentication (Bearer and
// Basic), the OpenAPI document, and notice text rendered as text everywhere.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Store } from "../store/types.js";
import { addUsers, appFor, basic, bearer, emptyStore, HTTP_FIXTURES, jsonHeaders, seed, type Tokens } from "../../test/http-kit.js";

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;
let anyId: string;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  await seed(store);
  await seed(store, [join(HTTP_FIXTURES, "hostile.html")]);
  app = appFor(store);
  anyId = (await store.listIncidents({ limit: 1 }))[0]!.id;
});

after(() => store.close());

async function error(res: Response, status: number, code: string): Promise<string> {
  assert.equal(res.status, status, await res.clone().text());
  assert.match(res.headers.get("content-type") ?? "", /^application\/json/);
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.deepEqual(Object.keys(body), ["error"]);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, "string");
  return body.error.message;
}

test("unknown routes, wrong methods and bad ids are JSON 404s and 400s", async () => {
  assert.match(await error(await app.request("/api/v1/nothing"), 404, "not_found"), /no route GET \/api\/v1\/nothing/);
  await error(await app.request("/"), 404, "not_found");
  await error(await app.request("/api/v1/incidents", { method: "DELETE" }), 404, "not_found");
  for (const bad of ["inc_xyz", "..%2f..%2fetc%2fpasswd", "inc_0123456789abcdef0", "INC_0123456789ABCDEF"]) {
    await error(await app.request(`/api/v1/incidents/${bad}`), 400, "bad_request");
  }
  await error(await app.request("/api/v1/incidents/inc_0123456789abcdef"), 404, "not_found");
  await error(await app.request("/api/v1/documents/abc"), 400, "bad_request");
  await error(await app.request(`/api/v1/documents/${"0".repeat(64)}`), 404, "not_found");
  await error(await app.request("/api/v1/watchlists/0/hits", { headers: bearer(tokens.ana) }), 400, "bad_request");
  await error(await app.request("/api/v1/watchlists/99/hits", { headers: bearer(tokens.ana) }), 404, "not_found");
  await error(await app.request("/api/v1/users/a%20b%3Cc", { method: "DELETE", headers: bearer(tokens.admin) }), 400, "bad_request");
});

test("bad query strings are 400s that say what is wrong", async () => {
  assert.match(await error(await app.request("/api/v1/incidents?limit=abc"), 400, "bad_request"), /limit/);
  assert.match(await error(await app.request("/api/v1/incidents?limit=100000"), 400, "bad_request"), /limit/);
  assert.match(await error(await app.request("/api/v1/incidents?type=hacking"), 400, "bad_request"), /type/);
  assert.match(await error(await app.request("/api/v1/incidents?since=yesterday"), 400, "bad_request"), /since/);
  assert.match(await error(await app.request("/api/v1/incidents?tlp=PURPLE"), 400, "bad_request"), /tlp/);
  assert.match(await error(await app.request("/api/v1/incidents?sectr=medical"), 400, "bad_request"), /sectr/);
  assert.match(await error(await app.request("/api/v1/stats?by=color"), 400, "bad_request"), /by/);
  await error(await app.request("/api/v1/exposure"), 400, "bad_request");
  await error(await app.request("/api/v1/exposure?domain=a.jp&org=x"), 400, "bad_request");
  await error(await app.request("/api/v1/exposure?email=not-an-email"), 400, "bad_request");
  await error(await app.request("/api/v1/indicators?shared=maybe"), 400, "bad_request");
  await error(await app.request(`/api/v1/incidents?q=${"あ".repeat(501)}`), 400, "bad_request");
});

test("bad bodies: malformed JSON, wrong types, unknown fields, huge bodies, wrong media types", async () => {
  const patch = (body: string, headers: Record<string, string> = jsonHeaders(bearer(tokens.ana))) =>
    app.request(`/api/v1/incidents/${anyId}`, { method: "PATCH", headers, body });
  assert.match(await error(await patch("{not json"), 400, "bad_request"), /JSON/i);
  assert.match(await error(await patch(JSON.stringify({ changes: { affected_count: "many" }, why: "x" })), 400, "bad_request"), /affected_count/);
  assert.match(await error(await patch(JSON.stringify({ changes: { colour: "red" }, why: "x" })), 400, "bad_request"), /unknown field colour/);
  assert.match(await error(await patch(JSON.stringify({ changes: { sector: "medical" }, why: "x", admin: true })), 400, "bad_request"), /admin/);
  assert.match(await error(await patch(JSON.stringify({ changes: { sector: "medical" } })), 400, "bad_request"), /why/);
  assert.match(await error(await patch(JSON.stringify({ changes: {}, why: "x" })), 400, "bad_request"), /at least one/);
  assert.match(await error(await patch(JSON.stringify({ changes: { sector: "medical" }, revert: "sector", why: "x" })), 400, "bad_request"), /either/);
  await error(await patch(JSON.stringify([1, 2])), 400, "bad_request");
  await error(await patch(JSON.stringify({ changes: { sector: "x".repeat(2 * 1024 * 1024) }, why: "x" })), 413, "payload_too_large");
  await error(await patch(JSON.stringify({ changes: { sector: "medical" }, why: "x" }), { "content-type": "text/plain", ...bearer(tokens.ana) }), 415, "unsupported_media_type");
  await error(await patch("changes=1", { "content-type": "application/x-www-form-urlencoded", ...bearer(tokens.ana) }), 415, "unsupported_media_type");
  await error(await app.request("/api/v1/watchlists", { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ name: "x", kind: "astrology", pattern: "x" }) }), 400, "bad_request");
  await error(await app.request("/api/v1/users", { method: "POST", headers: jsonHeaders(bearer(tokens.admin)), body: JSON.stringify({ name: "x y", role: "viewer" }) }), 400, "bad_request");
  await error(await app.request("/api/v1/users", { method: "POST", headers: jsonHeaders(bearer(tokens.admin)), body: JSON.stringify({ name: "ana", role: "viewer" }) }), 409, "conflict");
});

test("security headers on every response: data, errors, the feed and raw documents", async () => {
  const doc = (await store.getIncident(anyId))!.notices[0]!.document;
  for (const path of ["/api/v1/incidents", "/api/v1/nothing", "/api/v1/incidents?limit=x", "/feeds/incidents.atom", `/api/v1/documents/${doc}/raw`, "/api/openapi.json"]) {
    const res = await app.request(path);
    assert.equal(res.headers.get("x-content-type-options"), "nosniff", path);
    assert.equal(res.headers.get("referrer-policy"), "no-referrer", path);
    assert.equal(res.headers.get("x-frame-options"), "DENY", path);
    assert.match(res.headers.get("content-security-policy") ?? "", /default-src 'none'/, path);
    assert.match(res.headers.get("x-request-id") ?? "", /^[0-9a-f-]{36}$/, path);
  }
  const authed = await app.request("/api/v1/incidents", { headers: bearer(tokens.vic) });
  assert.equal(authed.headers.get("cache-control"), "no-store", "signed-in responses are not cached");
  assert.match(authed.headers.get("vary") ?? "", /Authorization/);
});

test("Bearer and Basic (user name + token) authenticate the same user; anything else is a JSON 401", async () => {
  const who = async (headers: Record<string, string>) => (await app.request("/api/v1/users", { headers })).status;
  assert.equal(await who(bearer(tokens.admin)), 200);
  assert.equal(await who(basic("admin", tokens.admin)), 200, "Basic works like Bearer");
  assert.equal(await who(bearer(tokens.ana)), 403, "an analyst is not an admin");
  assert.equal(await who(basic("ana", tokens.ana)), 403);
  for (const headers of [basic("ana", tokens.admin), basic("admin", "jkb_wrong"), bearer("jkb_wrong"), { authorization: "Token abc" }, { authorization: "Basic !!!" }, { authorization: "Bearer" }]) {
    const res = await app.request("/api/v1/incidents", { headers });
    await error(res, 401, "unauthorized");
    assert.match(res.headers.get("www-authenticate") ?? "", /Bearer realm="jikenbo", Basic/);
  }
  const { token } = await store.addUser("gone", "viewer", null, { who: "test", clearance: "RED" });
  assert.equal((await app.request("/api/v1/incidents", { headers: bearer(token) })).status, 200);
  await store.revokeUser("gone", { who: "test" });
  await error(await app.request("/api/v1/incidents", { headers: bearer(token) }), 401, "unauthorized");
});

test("roles: anonymous writes are 401, viewers' writes 403, admin paths need an admin", async () => {
  const body = JSON.stringify({ changes: { sector: "medical" }, why: "x" });
  await error(await app.request(`/api/v1/incidents/${anyId}`, { method: "PATCH", headers: jsonHeaders(), body }), 401, "unauthorized");
  await error(await app.request(`/api/v1/incidents/${anyId}`, { method: "PATCH", headers: jsonHeaders(bearer(tokens.vic)), body }), 403, "forbidden");
  await error(await app.request("/api/v1/ingest", { method: "POST", headers: jsonHeaders(bearer(tokens.vic)), body: JSON.stringify({ url: "https://example.jp/" }) }), 403, "forbidden");
  await error(await app.request("/api/v1/watchlists", { headers: bearer(tokens.vic) }), 403, "forbidden");
  await error(await app.request("/api/v1/audit"), 401, "unauthorized");
  await error(await app.request("/api/v1/audit", { headers: bearer(tokens.red) }), 403, "forbidden");
  assert.equal((await app.request("/api/v1/audit", { headers: bearer(tokens.admin) })).status, 200);
});

test("without anonymous reading every read needs a user, except the health check", async () => {
  const closed = appFor(store, { anonymousRead: false });
  for (const path of ["/api/v1/incidents", `/api/v1/incidents/${anyId}`, "/api/v1/stats", "/feeds/incidents.atom", "/api/v1/exposure?org=abc", "/api/v1/reports/annual/2024", "/feeds/reports/monthly.atom"]) {
    await error(await closed.request(path), 401, "unauthorized");
    assert.equal((await closed.request(path, { headers: bearer(tokens.clara) })).status, 200, path);
  }
  assert.equal((await closed.request("/api/v1/health")).status, 200);
});

test("the OpenAPI document is valid JSON, OpenAPI 3.1, and lists every path with its responses", async () => {
  const res = await app.request("/api/openapi.json");
  assert.equal(res.status, 200);
  const doc = JSON.parse(await res.text()) as {
    openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown }>>;
    components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  };
  assert.equal(doc.openapi, "3.1.0");
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    "/api/v1/audit", "/api/v1/documents/{sha256}", "/api/v1/documents/{sha256}/raw", "/api/v1/exposure", "/api/v1/graph", "/api/v1/health",
    "/api/v1/incidents", "/api/v1/incidents/{id}", "/api/v1/incidents/{id}/export", "/api/v1/incidents/{id}/history", "/api/v1/incidents/{id}/merge",
    "/api/v1/incidents/{id}/unmerge", "/api/v1/indicators", "/api/v1/ingest", "/api/v1/me",
    "/api/v1/reports/annual/{year}", "/api/v1/reports/lessons/{year}", "/api/v1/reports/monthly/{month}", "/api/v1/stats", "/api/v1/users", "/api/v1/users/{name}",
    "/api/v1/watchlists", "/api/v1/watchlists/{id}", "/api/v1/watchlists/{id}/hits", "/feeds/incidents.atom", "/feeds/reports/monthly.atom",
  ]);
  const methods = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
  assert.equal(methods.length, 29);
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      assert.ok(Object.keys(op.responses).length > 0, `${m} ${p}`);
      if (m !== "get" || p.includes("users") || p.includes("audit") || p.includes("watchlists")) assert.ok(op.security, `${m} ${p} documents its security`);
    }
  }
  assert.deepEqual(Object.keys(doc.components.securitySchemes).sort(), ["basic", "bearer"]);
  // Every reference resolves.
  const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
  assert.ok(refs.length > 10);
  for (const r of refs) assert.ok(doc.components.schemas[r], r);
});

test("notice text with <script> and <img onerror> is JSON-escaped in the API and XML-escaped in Atom", async () => {
  const hostile = '<img src=x onerror=alert(1)><script>alert("x")</script>';
  const [inc] = await store.searchIncidents({ q: "いたずら工房" });
  const edit = await app.request(`/api/v1/incidents/${inc!.id}`, {
    method: "PATCH", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ changes: { organization: hostile, other_parties: [hostile] }, why: "escaping test" }),
  });
  assert.equal(edit.status, 200);
  const d = (await store.getIncident(inc!.id))!;
  for (const path of [`/api/v1/incidents/${inc!.id}`, "/api/v1/incidents?q=%E3%81%84%E3%81%9F%E3%81%9A%E3%82%89", `/api/v1/documents/${d.notices[0]!.document}`, `/api/v1/incidents/${inc!.id}/history`, "/api/v1/exposure?org=%E3%81%84%E3%81%9F%E3%81%9A%E3%82%89%E5%B7%A5%E6%88%BF"]) {
    const res = await app.request(path);
    const raw = await res.text();
    assert.equal(res.status, 200, path);
    assert.ok(!/[<>]/.test(raw), `${path} carries raw markup: ${raw.slice(0, 200)}`);
    assert.match(raw, /\\u003cscript\\u003e|\\u003cimg/, path);
    assert.ok(JSON.stringify(JSON.parse(raw)).includes("<script>"), `${path}: the text itself is unchanged`);
  }
  const atom = await (await app.request("/feeds/incidents.atom?limit=500")).text();
  assert.ok(atom.includes("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
  assert.ok(!atom.includes("<script") && !atom.includes("<img"));
});
