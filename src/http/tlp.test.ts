// TLP on every path: incidents marked RED and AMBER stay hidden from anonymous readers and from users
// without clearance — lists, search, facets, stats, indicators, exposure, detail, history, documents,
// watchlist hits, the Atom feed and the audit log — while a cleared user sees them (the control).
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { IncidentDetail, Store } from "../store/types.js";
import { addUsers, appFor, bearer, byOrg, EXAMPLES, emptyStore, HTTP_FIXTURES, jsonHeaders, seed, type Tokens } from "../../test/http-kit.js";

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;
/** The incident marked RED: a city's DDoS notice, carved out of a feed. */
let red: IncidentDetail;
/** The incident marked AMBER: an association's phishing notice, sharing an indicator with `open`. */
let amber: IncidentDetail;
/** A CLEAR incident related to `amber` (shared indicator, names it as a party). */
let open: IncidentDetail;
let redFeed: string;
let watchRed: number;
let watchAmber: number;
let total: number;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  // Watchlists exist before the notices arrive, so the hits are recorded on ingest. They are ana's:
  // their hits are shown to her (and to admins) within the reader's clearance.
  watchRed = (await store.addWatchlist({ name: "east", kind: "organization", pattern: "東浦市", webhook_url: null, secret: null }, { who: "ana" })).id;
  watchAmber = (await store.addWatchlist({ name: "phish", kind: "domain", pattern: "login-minami-kanko.net", webhook_url: null, secret: null }, { who: "ana" })).id;
  await seed(store, [EXAMPLES, join(HTTP_FIXTURES, "shared-indicator.txt")]);
  red = await byOrg(store, "東浦市");
  amber = await byOrg(store, "みなみ観光協会 不審メール 当協会職員");
  open = await byOrg(store, "かもめ旅行社");
  await store.edit(red.id, [{ field: "tlp", value: "RED" }], { who: "red", why: "test", clearance: "RED" });
  await store.edit(amber.id, [{ field: "tlp", value: "AMBER" }], { who: "red", why: "test", clearance: "RED" });
  redFeed = (await store.getDocument(red.notices[0]!.document))!.parent!;
  assert.ok(redFeed, "the RED incident comes from a feed item");
  total = await store.countIncidents();
  app = appFor(store);
});

after(() => store.close());

/** Strings that must never reach a reader who may not see the incident. */
function secretsOf(d: IncidentDetail, extra: string[] = []): string[] {
  return [d.id, d.title, ...d.notices.map((n) => n.document), ...extra];
}

function paths(): string[] {
  return [
    "/api/v1/incidents?limit=500",
    "/api/v1/incidents?q=DDoS&limit=500",
    "/api/v1/incidents?q=%E4%B8%8D%E5%AF%A9%E3%83%A1%E3%83%BC%E3%83%AB&limit=500", // 不審メール
    "/api/v1/incidents?tlp=RED", "/api/v1/incidents?tlp=AMBER",
    `/api/v1/incidents/${red.id}`, `/api/v1/incidents/${amber.id}`,
    `/api/v1/incidents/${red.id}/history`, `/api/v1/incidents/${amber.id}/history`,
    `/api/v1/incidents/${open.id}`, `/api/v1/incidents/${open.id}/history`,
    `/api/v1/documents/${red.notices[0]!.document}`, `/api/v1/documents/${red.notices[0]!.document}/raw`,
    `/api/v1/documents/${redFeed}`, `/api/v1/documents/${redFeed}/raw`,
    `/api/v1/documents/${amber.notices[0]!.document}`, `/api/v1/documents/${amber.notices[0]!.document}/raw`,
    "/api/v1/stats?by=type", "/api/v1/stats?by=sector&lang=en",
    "/api/v1/indicators", "/api/v1/indicators?shared=true",
    `/api/v1/exposure?org=${encodeURIComponent("東浦市")}`, `/api/v1/exposure?org=${encodeURIComponent("みなみ観光協会")}`,
    "/api/v1/exposure?domain=minami-kanko.net", "/api/v1/exposure?domain=minami-kanko-kyokai.jp",
    "/api/v1/exposure?email=keiri-info@minami-kanko-kyokai.jp",
    `/api/v1/watchlists/${watchRed}/hits`, `/api/v1/watchlists/${watchAmber}/hits`,
    "/feeds/incidents.atom?limit=500",
    "/api/v1/audit?limit=1000",
  ];
}

/** Fetch every read path as a reader; fail on any response that carries a secret. Returns the bodies by path. */
async function sweep(who: string, auth: Record<string, string>, secrets: string[]): Promise<Map<string, { status: number; body: string }>> {
  const seen = new Map<string, { status: number; body: string }>();
  for (const p of paths()) {
    const res = await app.request(p, { headers: auth });
    const body = await res.text();
    assert.ok(res.status < 500, `${who} ${p}: ${res.status} ${body}`);
    const text = res.headers.get("content-type")?.startsWith("application/json") ? JSON.stringify(JSON.parse(body)) : body;
    // A response may echo what the client itself sent (an id in a 404, an exposure query); nothing else.
    const checked = secrets.filter((s) => !decodeURIComponent(p).includes(s));
    for (const s of checked) assert.ok(!text.includes(s), `${who} ${p} leaks ${s}: ${text.slice(0, 300)}`);
    seen.set(p, { status: res.status, body: text });
  }
  return seen;
}

const json = (r: { body: string } | undefined) => JSON.parse(r!.body) as Record<string, unknown>;

test("anonymous readers, CLEAR and GREEN viewers never see the RED or AMBER incident, on any path", async () => {
  const hidden = [...secretsOf(red, [redFeed]), ...secretsOf(amber, ["keiri-info@minami-kanko-kyokai.jp"])];
  for (const [who, auth] of [["anonymous", {}], ["clara", bearer(tokens.clara)], ["vic", bearer(tokens.vic)], ["lowadmin", bearer(tokens.lowadmin)]] as const) {
    const seen = await sweep(who, auth, hidden);
    for (const id of [red.id, amber.id]) {
      const r = seen.get(`/api/v1/incidents/${id}`)!;
      assert.equal(r.status, 404, `${who} detail`);
      assert.deepEqual(json(r), { error: { code: "not_found", message: `no incident ${id}` } }, "hidden looks exactly like missing");
      assert.equal(seen.get(`/api/v1/incidents/${id}/history`)!.status, 404);
    }
    for (const sha of [red.notices[0]!.document, amber.notices[0]!.document, redFeed]) {
      assert.equal(seen.get(`/api/v1/documents/${sha}`)!.status, 404, `${who} document ${sha}`);
      assert.equal(seen.get(`/api/v1/documents/${sha}/raw`)!.status, 404, `${who} raw ${sha}`);
    }
    const email = json(seen.get("/api/v1/exposure?email=keiri-info@minami-kanko-kyokai.jp"));
    assert.deepEqual([email.total, email.items], [0, []]);
    assert.equal((json(seen.get("/api/v1/incidents?limit=500")) as { total: number }).total, total - 2, `${who} list total`);
    assert.equal((json(seen.get("/api/v1/stats?by=type")) as { total: number }).total, total - 2, `${who} stats total`);
    const facets = json(seen.get("/api/v1/incidents?limit=500")).facets as { tlp: { key: string }[] };
    assert.ok(facets.tlp.every((f) => f.key === "CLEAR" || (who !== "anonymous" && who !== "clara" && f.key === "GREEN")), `${who} facets`);
    const shared = json(seen.get("/api/v1/indicators?shared=true")).items as { value: string }[];
    assert.ok(!shared.some((i) => i.value === "https://login-minami-kanko.net/verify"), `${who}: an indicator shared with a hidden incident is not 'shared'`);
    const related = json(seen.get(`/api/v1/incidents/${open.id}`)).related as { id: string }[];
    assert.ok(!related.some((r) => r.id === amber.id));
  }
});

test("an AMBER analyst sees the AMBER incident but nothing of the RED one, and cannot touch it", async () => {
  const seen = await sweep("ana", bearer(tokens.ana), secretsOf(red, [redFeed]));
  assert.equal(seen.get(`/api/v1/incidents/${amber.id}`)!.status, 200);
  for (const p of [`/api/v1/incidents/${red.id}`, `/api/v1/incidents/${red.id}/history`, `/api/v1/documents/${red.notices[0]!.document}/raw`, `/api/v1/documents/${redFeed}`]) {
    assert.equal(seen.get(p)!.status, 404, p);
  }
  assert.equal((json(seen.get("/api/v1/incidents?limit=500")) as { total: number }).total, total - 1);
  const hits = json(seen.get(`/api/v1/watchlists/${watchAmber}/hits`)).items as { incident_id: string }[];
  assert.ok(hits.some((h) => h.incident_id === amber.id));
  assert.deepEqual(json(seen.get(`/api/v1/watchlists/${watchRed}/hits`)).items, []);
  const headers = jsonHeaders(bearer(tokens.ana));
  const writes: [string, string, unknown][] = [
    ["PATCH", `/api/v1/incidents/${red.id}`, { changes: { sector: "government" }, why: "try" }],
    ["PATCH", `/api/v1/incidents/${red.id}`, { revert: "tlp", why: "try" }],
    ["POST", `/api/v1/incidents/${red.id}/merge`, { others: [open.id], why: "try" }],
    ["POST", `/api/v1/incidents/${open.id}/merge`, { others: [red.id], why: "try" }],
    ["POST", `/api/v1/incidents/${red.id}/unmerge`, { why: "try" }],
  ];
  for (const [method, path, body] of writes) {
    const res = await app.request(path, { method, headers, body: JSON.stringify(body) });
    assert.equal(res.status, 404, `${method} ${path}`);
  }
  const up = await app.request(`/api/v1/incidents/${open.id}`, { method: "PATCH", headers, body: JSON.stringify({ changes: { tlp: "RED" }, why: "hide it" }) });
  assert.equal(up.status, 403, "no marking above one's own clearance");
  assert.equal((await store.getIncident(red.id))!.tlp, "RED", "nothing changed");
});

test("control: a RED analyst sees both incidents on the same paths", async () => {
  const seen = await sweep("red", bearer(tokens.red), []);
  const list = json(seen.get("/api/v1/incidents?limit=500")) as { total: number; items: { id: string }[] };
  assert.equal(list.total, total);
  for (const id of [red.id, amber.id]) {
    assert.ok(list.items.some((i) => i.id === id));
    assert.equal(seen.get(`/api/v1/incidents/${id}`)!.status, 200);
  }
  assert.equal(seen.get(`/api/v1/documents/${redFeed}/raw`)!.status, 200);
  assert.ok(seen.get("/feeds/incidents.atom?limit=500")!.body.includes(`urn:jikenbo:incident:${red.id}`));
  assert.equal(seen.get(`/api/v1/watchlists/${watchRed}/hits`)!.status, 404, "another analyst's watchlist is missing to red");
  const adminHits = (await (await app.request(`/api/v1/watchlists/${watchRed}/hits`, { headers: bearer(tokens.admin) })).json()) as { items: { incident_id: string }[] };
  assert.ok(adminHits.items.some((h) => h.incident_id === red.id), "a RED admin sees the RED hit");
  const shared = json(seen.get("/api/v1/indicators?shared=true")).items as { value: string; incidents: unknown[] }[];
  assert.equal(shared.find((i) => i.value === "https://login-minami-kanko.net/verify")?.incidents.length, 2);
  assert.ok((json(seen.get(`/api/v1/exposure?org=${encodeURIComponent("東浦市")}`)).items as { id: string }[]).some((i) => i.id === red.id));
  assert.ok((json(seen.get(`/api/v1/incidents/${open.id}`)).related as { id: string }[]).some((r) => r.id === amber.id));
});

test("an id merged into a hidden incident is hidden too, and merging keeps the strictest marking", async () => {
  const victim = await byOrg(store, "ひまわりフーズ");
  const res = await app.request(`/api/v1/incidents/${victim.id}/merge`, {
    method: "POST", headers: jsonHeaders(bearer(tokens.red)), body: JSON.stringify({ others: [red.id], why: "same campaign" }),
  });
  assert.equal(res.status, 200);
  const merged = (await res.json()) as IncidentDetail;
  assert.equal(merged.tlp, "RED", "a CLEAR target that absorbs a RED incident becomes RED");
  for (const id of [victim.id, red.id]) {
    assert.equal((await app.request(`/api/v1/incidents/${id}`)).status, 404, `anonymous ${id}`);
    assert.equal((await app.request(`/api/v1/incidents/${id}`, { headers: bearer(tokens.ana) })).status, 404, `ana ${id}`);
  }
  const alias = await app.request(`/api/v1/incidents/${red.id}`, { headers: bearer(tokens.red) });
  assert.equal(alias.status, 301);
  assert.equal(alias.headers.get("location"), `/api/v1/incidents/${victim.id}`);
  const audit = (await (await app.request("/api/v1/audit?limit=1000", { headers: bearer(tokens.lowadmin) })).json()) as { items: { target: string }[] };
  assert.ok(!audit.items.some((a) => a.target === `incident:${victim.id}` || a.target === `incident:${red.id}`));
});
