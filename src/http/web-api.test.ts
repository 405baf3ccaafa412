// Endpoints the web UI needs: who am I, one incident as STIX or MISP, and search snippets.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { IncidentSummary, Store } from "../store/types.js";
import { snippetOf } from "./snippets.js";
import { addUsers, appFor, bearer, emptyStore, jsonHeaders, seed, type Tokens } from "../../test/http-kit.js";

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  await seed(store);
  app = appFor(store);
});

after(() => store.close());

type List = { items: (IncidentSummary & { snippet?: string | null })[]; total: number };

async function idOf(q: string): Promise<string> {
  const res = await app.request(`/api/v1/incidents?q=${encodeURIComponent(q)}`);
  return ((await res.json()) as List).items[0]!.id;
}

test("GET /me names the user, role and clearance; anonymous readers get null and TLP:CLEAR; bad tokens are 401", async () => {
  const anon = await app.request("/api/v1/me");
  assert.equal(anon.status, 200);
  assert.deepEqual(await anon.json(), { user: null, clearance: "CLEAR", levels: ["CLEAR"] });
  const ana = await app.request("/api/v1/me", { headers: bearer(tokens.ana) });
  const me = (await ana.json()) as { user: { name: string; role: string }; clearance: string; levels: string[] };
  assert.deepEqual(me.user, { name: "ana", role: "analyst" });
  assert.ok(me.levels.includes(me.clearance) && me.levels[0] === "CLEAR");
  assert.equal((await app.request("/api/v1/me", { headers: bearer("nope") })).status, 401);
  const doc = (await (await app.request("/api/openapi.json")).json()) as { paths: Record<string, unknown> };
  for (const p of ["/api/v1/me", "/api/v1/incidents/{id}/export"]) assert.ok(doc.paths[p], `${p} is documented`);
});

test("GET /incidents/{id}/export gives the incident as a STIX bundle or MISP events, as an attachment", async () => {
  const id = await idOf("青葉会");
  const stix = await app.request(`/api/v1/incidents/${id}/export?format=stix`);
  assert.equal(stix.status, 200);
  assert.equal(stix.headers.get("content-disposition"), `attachment; filename="${id}.stix.json"`);
  const bundle = (await stix.json()) as { type: string; objects: { type: string; name?: string; extensions?: Record<string, { jikenbo_id?: string }> }[] };
  assert.equal(bundle.type, "bundle");
  const incidents = bundle.objects.filter((o) => o.type === "incident");
  assert.equal(incidents.length, 1);
  assert.ok(bundle.objects.some((o) => o.type === "identity" && o.name?.includes("青葉会")));
  const misp = await app.request(`/api/v1/incidents/${id}/export?format=misp&text=false`);
  assert.equal(misp.status, 200);
  const events = (await misp.json()) as { Event: { info: string; EventReport?: unknown[] } }[];
  assert.equal(events.length, 1);
  assert.match(events[0]!.Event.info, /ランサムウェア/);
  assert.equal((await app.request(`/api/v1/incidents/${id}/export?format=pdf`)).status, 400);
});

test("an incident above the reader's clearance cannot be exported: 404, as if it did not exist", async () => {
  const id = await idOf("ひまわりフーズ");
  const mark = await app.request(`/api/v1/incidents/${id}`, { method: "PATCH", headers: jsonHeaders(bearer(tokens.ana)), body: JSON.stringify({ changes: { tlp: "AMBER" }, why: "shared with partners only" }) });
  assert.equal(mark.status, 200);
  assert.equal((await app.request(`/api/v1/incidents/${id}/export?format=stix`)).status, 404);
  assert.equal((await app.request(`/api/v1/incidents/${id}/export?format=misp`, { headers: bearer(tokens.clara) })).status, 404);
  const ana = await app.request(`/api/v1/incidents/${id}/export?format=stix`, { headers: bearer(tokens.ana) });
  assert.equal(ana.status, 200);
  const objects = ((await ana.json()) as { objects: { type: string; definition?: { tlp?: string }; name?: string }[] }).objects;
  assert.ok(objects.some((o) => o.type === "marking-definition" && /amber/i.test(JSON.stringify(o))));
});

test("snippets=true gives each result the notice words around the first match after the title", async () => {
  const res = await app.request(`/api/v1/incidents?q=${encodeURIComponent("不正アクセス")}&snippets=true&facets=false`);
  const list = (await res.json()) as List;
  assert.ok(list.items.length >= 3);
  for (const i of list.items) {
    // Either the body has the words, or only the title (shown beside the snippet) has them.
    if (i.snippet === null) assert.match(i.title, /不正アクセス/, i.id);
    else assert.match(i.snippet!, /不正アクセス/, i.id);
  }
  const sakura = list.items.find((i) => i.organization === "株式会社さくら雑貨店")!;
  assert.match(sakura.snippet!, /^このたび、.*第三者による不正アクセスを受け/);
  const plain = (await (await app.request(`/api/v1/incidents?q=${encodeURIComponent("不正アクセス")}`)).json()) as List;
  assert.ok(plain.items.every((i) => !("snippet" in i)), "no snippets unless asked for");
});

test("snippetOf cuts around the earliest match of any word, case-insensitively, and marks what was cut", () => {
  const text = `${"あ".repeat(100)}VPN機器の脆弱性${"い".repeat(100)}`;
  const s = snippetOf(text, ["脆弱性", "vpn"])!;
  assert.ok(s.startsWith("…") && s.endsWith("…"));
  assert.ok(s.includes("VPN機器の脆弱性"));
  assert.equal(s.length, 1 + 60 + "VPN".length + 60 + 1, "60 characters either side of the earliest match");
  assert.equal(snippetOf("短い文", ["短い"]), "短い文");
  assert.equal(snippetOf("関係のない文", ["不正"]), null);
});
