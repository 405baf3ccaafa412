// The read and curation endpoints over a casebook seeded from the example notices.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { tally } from "../intel/stats.js";
import type { TsrCause } from "../intel/taxonomies/tsr.js";
import type { IncidentDetail, IncidentSummary, Store } from "../store/types.js";
import { addUsers, appFor, bearer, emptyStore, HTTP_FIXTURES, jsonHeaders, seed, type Tokens } from "../../test/http-kit.js";

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  await seed(store);
  await seed(store, [join(HTTP_FIXTURES, "shared-indicator.txt")]);
  app = appFor(store);
});

after(() => store.close());

async function get<T>(path: string, headers: Record<string, string> = {}): Promise<T> {
  const res = await app.request(path, { headers });
  assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

async function send<T>(method: string, path: string, body: unknown, token = tokens.ana, status = 200): Promise<T> {
  const res = await app.request(path, { method, headers: jsonHeaders(bearer(token)), body: JSON.stringify(body) });
  assert.equal(res.status, status, `${method} ${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

type List = { items: IncidentSummary[]; total: number; facets: Record<string, { key: string; count: number }[]> };

async function idOf(q: string): Promise<string> {
  return (await get<List>(`/api/v1/incidents?q=${encodeURIComponent(q)}`)).items[0]!.id;
}

test("list and search: pages, totals, facets and filters match the store", async () => {
  const all = await get<List>("/api/v1/incidents?limit=500");
  assert.equal(all.total, await store.countIncidents());
  assert.deepEqual(all.items.map((i) => i.id), (await store.listIncidents({ limit: 500 })).map((i) => i.id));
  const page = await get<List>("/api/v1/incidents?limit=3&offset=2");
  assert.deepEqual(page.items.map((i) => i.id), all.items.slice(2, 5).map((i) => i.id));
  assert.equal(page.total, all.total);
  const s = await get<List>(`/api/v1/incidents?q=${encodeURIComponent("不正アクセス")}&since=2024-06&until=2025-12-31`);
  assert.deepEqual(s.items.map((i) => i.id), (await store.searchIncidents({ q: "不正アクセス", since: "2024-06-01", until: "2025-12-31" })).map((i) => i.id));
  assert.equal(s.total, s.facets.type!.length ? (await store.facets({ q: "不正アクセス", since: "2024-06-01", until: "2025-12-31" })).total : 0);
  assert.ok(s.facets.type!.some((f) => f.key === "unauthorized_access"));
  const loss = await get<List>("/api/v1/incidents?type=loss");
  assert.ok(loss.items.length >= 1 && loss.items.every((i) => i.incident_types.includes("loss")));
  const two = await get<List>(`/api/v1/incidents?q=${encodeURIComponent("紛失")}`);
  assert.equal(two.items.length, 1, "two-character words are found");
  assert.deepEqual((await get<List>("/api/v1/incidents?tlp=RED")).items, []);
});

test("list and search: cause and basics filters match the store and their facet counts; sorts order a stable page", async () => {
  const all = await get<List>("/api/v1/incidents?limit=500");
  assert.ok(all.facets.cause!.length >= 2, "the seeded casebook has several causes");
  for (const facet of ["cause", "basics"] as const) {
    for (const { key, count } of all.facets[facet]!) {
      const found = await get<List>(`/api/v1/incidents?limit=500&${facet}=${encodeURIComponent(key)}`);
      assert.equal(found.total, count, `${facet}=${key}`);
      assert.deepEqual(found.items.map((i) => i.id), (await store.listIncidents({ [facet]: key, limit: 500 })).map((i) => i.id));
      assert.equal(found.facets[facet]!.find((f) => f.key === key)?.count, count);
    }
  }
  const q = `q=${encodeURIComponent("氏名")}`;
  const cause = all.facets.cause![0]!.key;
  const narrowed = await get<List>(`/api/v1/incidents?${q}&cause=${encodeURIComponent(cause)}`);
  assert.deepEqual(narrowed.items.map((i) => i.id), (await store.searchIncidents({ q: "氏名", cause: cause as TsrCause })).map((i) => i.id));

  const affected = await get<List>("/api/v1/incidents?limit=500&sort=affected");
  assert.equal(affected.total, all.total, "sorting does not change what matches");
  assert.deepEqual(affected.facets, all.facets);
  const counts = affected.items.map((i) => i.affected_count);
  const known = counts.filter((n): n is number => n !== null);
  assert.deepEqual(counts, [...[...known].sort((a, b) => b - a), ...counts.filter((n) => n === null)], "most affected first, unknown last");
  const oldest = await get<List>("/api/v1/incidents?limit=500&sort=oldest");
  const dates = oldest.items.map((i) => i.disclosed_on ?? i.discovered_on ?? "");
  assert.deepEqual(dates.filter(Boolean), [...dates.filter(Boolean)].sort(), "oldest first");
  const paged: string[] = [];
  for (let offset = 0; offset < all.total; offset += 4) paged.push(...(await get<List>(`/api/v1/incidents?sort=affected&limit=4&offset=${offset}&facets=false`)).items.map((i) => i.id));
  assert.deepEqual(paged, affected.items.map((i) => i.id), "pages follow one total order");
  assert.equal((await app.request("/api/v1/incidents?sort=relevance")).status, 400);
  assert.equal((await app.request("/api/v1/incidents?cause=nonsense")).status, 400);
  const stats = await get<{ total: number }>(`/api/v1/stats?by=cause&cause=${encodeURIComponent(cause)}`);
  assert.equal(stats.total, all.facets.cause![0]!.count, "stats take the cause filter too");
  assert.equal((await app.request("/api/v1/stats?sort=affected")).status, 400, "stats do not sort");
});

test("detail, history, and documents with their archived bytes as a download", async () => {
  const id = await idOf("みなと中央病院");
  const d = await get<IncidentDetail>(`/api/v1/incidents/${id}`);
  assert.equal(d.id, id);
  assert.equal(d.organization, "医療法人社団青葉会 みなと中央病院");
  assert.ok(d.notices[0]!.findings.length > 0);
  const h = await get<{ items: { action: string }[] }>(`/api/v1/incidents/${id}/history`);
  assert.equal(h.items[0]!.action, "created");
  const sha = d.notices[0]!.document;
  const meta = await get<{ sha256: string; media_type: string; text: string; sources: unknown[] }>(`/api/v1/documents/${sha}`);
  assert.equal(meta.sha256, sha);
  assert.equal(meta.media_type, "text/plain");
  assert.ok(meta.text.includes("ランサムウェア"));
  const raw = await app.request(`/api/v1/documents/${sha}/raw`);
  assert.equal(raw.status, 200);
  assert.match(raw.headers.get("content-type")!, /^text\/plain/);
  assert.equal(raw.headers.get("content-disposition"), `attachment; filename="${sha}.txt"`);
  assert.match(raw.headers.get("content-security-policy")!, /sandbox/);
  const bytes = Buffer.from(await raw.arrayBuffer());
  assert.deepEqual(bytes, Buffer.from((await store.getDocument(sha))!.bytes));
  const html = (await get<IncidentDetail>(`/api/v1/incidents/${await idOf("あおぞらシステムズ")}`)).notices[0]!.document;
  const page = await app.request(`/api/v1/documents/${html}/raw`);
  assert.match(page.headers.get("content-type")!, /^text\/html/);
  assert.match(page.headers.get("content-disposition")!, /^attachment; filename="[0-9a-f]{64}\.html"$/, "HTML is downloaded, never rendered inline");
});

test("PATCH corrects fields and reverts them, with history and audit; values are checked", async () => {
  const id = await idOf("さくら雑貨店");
  const d = await send<IncidentDetail>("PATCH", `/api/v1/incidents/${id}`, { changes: { affected_count: 3200, sector: "retail_ec", data_types: ["name", "email"] }, why: "second notice" });
  assert.equal(d.affected_count, 3200);
  assert.deepEqual(d.fields.data_types, ["name", "email"]);
  assert.deepEqual(d.overrides.map((o) => o.field).sort(), ["affected_count", "data_types", "sector"]);
  const bad = await app.request(`/api/v1/incidents/${id}`, { method: "PATCH", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ changes: { data_types: ["souls"] }, why: "x" }) });
  assert.equal(bad.status, 400);
  const back = await send<IncidentDetail>("PATCH", `/api/v1/incidents/${id}`, { revert: "affected_count", why: "the first count was right" });
  assert.notEqual(back.affected_count, 3200);
  const none = await app.request(`/api/v1/incidents/${id}`, { method: "PATCH", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ revert: "cause", why: "x" }) });
  assert.equal(none.status, 404, "no correction of cause to withdraw");
  const h = await get<{ items: { action: string; who: string }[] }>(`/api/v1/incidents/${id}/history`);
  assert.deepEqual(h.items.filter((e) => e.action !== "created").map((e) => [e.action, e.who]), [["edited", "ana"], ["edited", "ana"], ["edited", "ana"], ["reverted", "ana"]]);
  const audit = await get<{ items: { action: string; who: string }[] }>(`/api/v1/audit?target=incident:${id}`, bearer(tokens.admin));
  assert.deepEqual(audit.items.map((a) => a.action), ["incident.revert", "incident.edit", "incident.edit", "incident.edit"]);
});

test("merge, the alias redirect, unmerge (keeping the TLP marking) and a conflict", async () => {
  const a = await idOf("かもめ旅行社");
  const b = await idOf("当協会職員のメールアカウント");
  await store.edit(b, [{ field: "tlp", value: "AMBER" }], { who: "test", clearance: "RED" });
  const merged = await send<IncidentDetail>("POST", `/api/v1/incidents/${a}/merge`, { others: [b], why: "same campaign" });
  assert.equal(merged.notices.length, 2);
  assert.deepEqual(merged.aliases, [b]);
  assert.equal(merged.tlp, "AMBER", "the merged incident keeps the strictest marking");
  const alias = await app.request(`/api/v1/incidents/${b}`, { headers: bearer(tokens.ana) });
  assert.equal(alias.status, 301);
  assert.equal(alias.headers.get("location"), `/api/v1/incidents/${a}`);
  const split = await send<{ incidents: string[] }>("POST", `/api/v1/incidents/${a}/unmerge`, { why: "different incidents after all" });
  assert.equal(split.incidents.length, 1);
  assert.equal((await store.getIncident(split.incidents[0]!))!.tlp, "AMBER", "split-off incidents keep the marking");
  const again = await app.request(`/api/v1/incidents/${a}/unmerge`, { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ why: "again" }) });
  assert.equal(again.status, 409);
  const missing = await app.request(`/api/v1/incidents/${a}/merge`, { method: "POST", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ others: ["inc_0000000000000000"], why: "x" }) });
  assert.equal(missing.status, 404);
  const audit = await get<{ items: { action: string; who: string }[] }>(`/api/v1/audit?target=incident:${a}`, bearer(tokens.admin));
  assert.ok(audit.items.some((x) => x.action === "incident.merge" && x.who === "ana"));
  assert.ok(audit.items.some((x) => x.action === "incident.unmerge" && x.who === "ana"));
});

test("stats are the tally `jikenbo stats --json` prints", async () => {
  for (const by of ["type", "sector", "year", "cause"] as const) {
    assert.deepEqual(await get(`/api/v1/stats?by=${by}`), tally(await store.statInputs({ tlp: ["CLEAR"] }), by, "ja"));
  }
  const en = await get<{ rows: { label: string }[] }>("/api/v1/stats?by=sector&lang=en&since=2025-01-01");
  assert.ok(en.rows.every((r) => /^[\x20-\x7e]+$/.test(r.label)));
});

test("indicators, exposure by domain, email and organisation, and health", async () => {
  // The merge test marked the association's incident AMBER: ask as a user cleared for it.
  const cleared = bearer(tokens.red);
  const ind = await get<{ items: { value: string; kind: string; incidents: unknown[] }[] }>("/api/v1/indicators", cleared);
  assert.ok(ind.items.some((i) => i.value === "keiri-info@minami-kanko-kyokai.jp" && i.kind === "email"));
  const shared = await get<{ items: { value: string; incidents: unknown[] }[] }>("/api/v1/indicators?shared=true", cleared);
  assert.equal(shared.items.length, 1);
  assert.ok(shared.items.every((i) => i.incidents.length >= 2));
  type Exposure = { total: number; items: { organization: string | null; matched: string[] }[] };
  const dom = await get<Exposure>("/api/v1/exposure?domain=login-minami-kanko.net", cleared);
  assert.ok(dom.items.length >= 2);
  assert.ok(dom.items.every((i) => i.matched.some((m) => m.startsWith("indicator"))));
  const email = await get<Exposure>("/api/v1/exposure?email=keiri-info@minami-kanko-kyokai.jp", cleared);
  assert.equal(email.items[0]?.organization, "一般社団法人みなみ観光協会");
  const org = await get<Exposure>(`/api/v1/exposure?org=${encodeURIComponent("みなみ観光協会")}`, cleared);
  const how = org.items.flatMap((i) => i.matched).join("\n");
  assert.match(how, /organisation 一般社団法人みなみ観光協会/);
  assert.match(how, /names 一般社団法人みなみ観光協会 as a party/);
  assert.deepEqual(await get("/api/v1/health"), { status: "ok" });
});
