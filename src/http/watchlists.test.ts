// Watchlists (analysts), users (admins) and the audit trail of both.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Store } from "../store/types.js";
import { addUsers, appFor, bearer, emptyStore, jsonHeaders, seed, type Tokens } from "../../test/http-kit.js";

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  app = appFor(store);
});

after(() => store.close());

function post(path: string, body: unknown, token: string) {
  return app.request(path, { method: "POST", headers: jsonHeaders(bearer(token)), body: JSON.stringify(body) });
}

test("watchlists: create (the secret shown once), list, hits on ingest, remove; all audited", async () => {
  const res = await post("/api/v1/watchlists", { name: "hospitals", kind: "keyword", pattern: "病院", webhook_url: "https://hooks.example.jp/jikenbo" }, tokens.ana);
  assert.equal(res.status, 201);
  const w = (await res.json()) as { id: number; secret: string; created_by: string };
  assert.match(w.secret, /^[A-Za-z0-9_-]{43}$/);
  assert.equal(w.created_by, "ana");
  assert.equal(await store.watchlistSecret(w.id), w.secret);
  const quiet = (await (await post("/api/v1/watchlists", { name: "quiet", kind: "organization", pattern: "東浦市" }, tokens.ana)).json()) as { id: number; secret: null };
  assert.equal(quiet.secret, null);
  const list = (await (await app.request("/api/v1/watchlists", { headers: bearer(tokens.ana) })).json()) as { items: { id: number }[] };
  assert.deepEqual(list.items.map((x) => x.id), [w.id, quiet.id]);
  assert.deepEqual(((await (await app.request("/api/v1/watchlists", { headers: bearer(tokens.red) })).json()) as { items: unknown[] }).items, [], "another analyst's are not listed");
  assert.ok(!JSON.stringify(list).includes(w.secret), "secrets are never listed");
  await seed(store);
  const hits = (await (await app.request(`/api/v1/watchlists/${w.id}/hits`, { headers: bearer(tokens.ana) })).json()) as { items: { reason: string; next_attempt_at: string | null }[] };
  assert.equal(hits.items.length, 1);
  assert.match(hits.items[0]!.reason, /mentions 病院/);
  assert.ok(hits.items[0]!.next_attempt_at, "a webhook delivery is queued");
  assert.equal((await app.request(`/api/v1/watchlists/${quiet.id}`, { method: "DELETE", headers: bearer(tokens.ana) })).status, 204);
  assert.equal((await app.request(`/api/v1/watchlists/${quiet.id}`, { method: "DELETE", headers: bearer(tokens.ana) })).status, 404);
  const audit = await store.auditLog({ target: `watchlist:${quiet.id}` });
  assert.deepEqual(audit.map((a) => [a.action, a.who]), [["watchlist.remove", "ana"], ["watchlist.add", "ana"]]);
});

test("webhook URLs at private, loopback or link-local addresses are refused unless the server allows them", async () => {
  for (const url of ["http://127.0.0.1:9/x", "http://localhost/x", "http://10.0.0.1/x", "http://169.254.169.254/x", "http://[::1]/x", "http://[fd00:ec2::254]/", "ftp://hooks.example.jp/"]) {
    const res = await post("/api/v1/watchlists", { name: "x", kind: "keyword", pattern: "x", webhook_url: url }, tokens.ana);
    assert.equal(res.status, 400, url);
  }
  const open = appFor(store, { allowPrivate: true });
  const ok = await open.request("/api/v1/watchlists", { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ name: "local", kind: "keyword", pattern: "x", webhook_url: "http://127.0.0.1:9/x" }) });
  assert.equal(ok.status, 201);
});

test("users: admins add (token shown once, and it works), list and revoke", async () => {
  const res = await post("/api/v1/users", { name: "newbie", role: "viewer", clearance: "GREEN" }, tokens.admin);
  assert.equal(res.status, 201);
  const { user, token } = (await res.json()) as { user: { name: string; role: string; clearance: string }; token: string };
  assert.deepEqual([user.name, user.role, user.clearance], ["newbie", "viewer", "GREEN"]);
  assert.equal((await app.request("/api/v1/incidents", { headers: bearer(token) })).status, 200);
  const users = (await (await app.request("/api/v1/users", { headers: bearer(tokens.admin) })).json()) as { items: { name: string }[] };
  assert.ok(users.items.some((u) => u.name === "newbie"));
  assert.ok(!JSON.stringify(users).includes(token));
  assert.equal((await app.request("/api/v1/users/newbie", { method: "DELETE", headers: bearer(tokens.admin) })).status, 204);
  assert.equal((await app.request("/api/v1/incidents", { headers: bearer(token) })).status, 401);
  assert.equal((await app.request("/api/v1/users/nobody", { method: "DELETE", headers: bearer(tokens.admin) })).status, 404);
  const audit = (await (await app.request("/api/v1/audit?target=user:newbie", { headers: bearer(tokens.admin) })).json()) as { items: { action: string; who: string }[] };
  assert.deepEqual(audit.items.map((a) => [a.action, a.who]), [["user.revoke", "admin"], ["user.add", "admin"]]);
});
