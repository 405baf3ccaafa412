// The incident network (/api/v1/graph) and the dashboard's statistics (/api/v1/stats with split,
// people-affected buckets and the search's filters) over the example notices, within TLP clearance.
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { GraphView } from "../intel/graph.js";
import { tally, type StatsResult } from "../intel/stats.js";
import type { Store } from "../store/types.js";
import { addUsers, appFor, bearer, EXAMPLES, emptyStore, HTTP_FIXTURES, seed, type Tokens } from "../../test/http-kit.js";

let store: Store;
let tokens: Tokens;
let app: ReturnType<typeof appFor>;
/** The association's phishing notice (marked AMBER below) and the travel agency's notice sharing its phishing URL. */
let amber: string;
let kamome: string;
let total: number;

before(async () => {
  store = await emptyStore();
  tokens = await addUsers(store);
  await seed(store, [EXAMPLES, join(HTTP_FIXTURES, "shared-indicator.txt")]);
  amber = (await store.searchIncidents({ q: "みなみ観光協会 不審メール 当協会職員" }))[0]!.id;
  kamome = (await store.searchIncidents({ q: "かもめ旅行社" }))[0]!.id;
  await store.edit(amber, [{ field: "tlp", value: "AMBER" }], { who: "red", why: "test", clearance: "RED" });
  total = await store.countIncidents();
  app = appFor(store);
});

after(() => store.close());

async function get<T>(path: string, headers: Record<string, string> = {}, status = 200): Promise<T> {
  const res = await app.request(path, { headers });
  assert.equal(res.status, status, `${path}: ${await res.clone().text()}`);
  return (await res.json()) as T;
}

const graph = (params: string, headers: Record<string, string> = {}) => get<GraphView>(`/api/v1/graph${params}`, headers);
const cleared = () => bearer(tokens.red);

test("the overview draws every incident the reader may see, with the organisations, vendors and indicators they name", async () => {
  const g = await graph("", cleared());
  const incidents = g.nodes.filter((n) => n.kind === "incident");
  assert.equal(incidents.length, total);
  assert.deepEqual(g.summary, { incidents: total, incidents_shown: total, incidents_clustered: 0, clusters: 0, entities: g.summary.entities, entities_shown: g.summary.entities });
  const url = g.nodes.find((n) => n.kind === "indicator" && n.label === "https://login-minami-kanko.net/verify")!;
  assert.equal(url.indicator_kind, "url");
  assert.equal(url.incidents, 2);
  const linked = g.edges.filter((e) => e.target === url.id).map((e) => e.source).sort();
  assert.deepEqual(linked, [amber, kamome].sort());
  // The association is one incident's organisation and the travel agency's other party: one node, both edges.
  const assoc = g.nodes.find((n) => n.id === "org:みなみ観光協会")!;
  assert.equal(assoc.kind, "organization");
  assert.deepEqual(g.edges.filter((e) => e.target === assoc.id).map((e) => [e.source, e.kind]).sort(), [[amber, "organization"], [kamome, "party"]].sort());
  for (const e of g.edges) assert.ok(g.nodes.some((n) => n.id === e.source) && g.nodes.some((n) => n.id === e.target), "edges join drawn nodes");
  assert.equal(new Set(g.nodes.map((n) => n.id)).size, g.nodes.length, "node ids are unique");
  assert.equal(incidents.find((n) => n.id === kamome)!.incident!.organization, "株式会社かもめ旅行社");
});

test("within clearance: a hidden incident, and what only it names, are neither drawn nor counted nor expandable", async () => {
  const g = await graph("");
  assert.equal(g.summary.incidents, total - 1);
  assert.ok(!g.nodes.some((n) => n.id === amber || n.label.includes("keiri-info")), "the AMBER incident and its own indicator stay hidden");
  const url = g.nodes.find((n) => n.label === "https://login-minami-kanko.net/verify")!;
  assert.equal(url.incidents, 1, "the shared URL links only the visible incident");
  assert.equal(g.nodes.find((n) => n.id === "org:みなみ観光協会")!.kind, "vendor", "seen only as the travel agency's other party");
  await get(`/api/v1/graph?expand=${amber}`, {}, 404);
  await get(`/api/v1/graph?expand=${encodeURIComponent("ind:email:keiri-info@minami-kanko-kyokai.jp")}`, {}, 404);
  assert.equal((await graph(`?expand=${amber}`, cleared())).nodes[0]!.id, amber);
});

test("the search filters choose the incidents; unknown nodes are 404 and bad parameters 400", async () => {
  const g = await graph("?type=ransomware&since=2024-01", cleared());
  assert.deepEqual(g.nodes.filter((n) => n.kind === "incident").map((n) => n.label), ["医療法人社団青葉会 みなと中央病院"]);
  const q = await graph(`?q=${encodeURIComponent("不審メール")}`, cleared());
  assert.ok(q.nodes.some((n) => n.id === kamome) && q.summary.incidents < total);
  await get("/api/v1/graph?expand=inc_0000000000000000", {}, 404);
  await get(`/api/v1/graph?expand=${encodeURIComponent("cluster:*/nowhere")}`, {}, 404);
  await get("/api/v1/graph?limit=9", {}, 400);
  await get("/api/v1/graph?colour=red", {}, 400);
});

test("expanding an incident shows every entity it names; expanding an entity shows the incidents it links", async () => {
  const inc = await graph(`?expand=${kamome}`, cleared());
  assert.equal(inc.focus, kamome);
  assert.deepEqual(inc.nodes.slice(1).map((n) => n.kind).sort(), ["indicator", "organization", "organization"]);
  const url = inc.nodes.find((n) => n.kind === "indicator")!;
  assert.deepEqual([url.incidents, url.hidden, url.expandable], [2, 1, true]);
  const around = await graph(`?expand=${encodeURIComponent(url.id)}`, cleared());
  assert.deepEqual(around.nodes.filter((n) => n.kind === "incident").map((n) => n.id).sort(), [amber, kamome].sort());
  assert.equal(around.summary.incidents, 2);
});

test("a limit smaller than the casebook groups incidents into clusters with counts; expanding them reaches every incident once", async () => {
  const g = await graph("?limit=10", cleared());
  const clusters = g.nodes.filter((n) => n.kind === "cluster");
  assert.ok(g.nodes.length <= 10 && clusters.length > 1);
  assert.equal(clusters.reduce((a, n) => a + n.incidents, 0), total, "the clusters account for every incident");
  assert.equal(g.summary.incidents_clustered, total);
  const url = g.nodes.find((n) => n.label === "https://login-minami-kanko.net/verify")!;
  assert.equal(g.edges.filter((e) => e.target === url.id && e.kind === "member").reduce((a, e) => a + e.weight, 0), 2, "clusters link to the entities their incidents share");
  const en = await graph("?limit=10&lang=en", cleared());
  assert.ok(en.nodes.filter((n) => n.kind === "cluster").every((n) => /^page \d of \d$/.test(n.label)), "too many sectors for the limit: pages");
  assert.ok(clusters.every((n) => /^\dページ$|^\d\/\dページ$/.test(n.label)));
  // Expand every cluster (and the clusters they give) with a small limit: each incident turns up exactly once.
  const seen: string[] = [];
  const queue = clusters.map((n) => n.id);
  while (queue.length) {
    const v = await graph(`?limit=10&expand=${encodeURIComponent(queue.shift()!)}`, cleared());
    seen.push(...v.nodes.filter((n) => n.kind === "incident").map((n) => n.id));
    queue.push(...v.nodes.filter((n) => n.kind === "cluster").map((n) => n.id));
  }
  assert.equal(seen.length, total);
  assert.equal(new Set(seen).size, total);
});

test("dashboard stats: incidents per month by type, people-affected buckets and the search's filters, as the CLI tallies them", async () => {
  const series = await get<StatsResult>("/api/v1/stats?by=month&split=type");
  assert.deepEqual(series, tally(await store.statInputs({ tlp: ["CLEAR"] }), "month", "ja", "type"));
  for (const r of series.rows) assert.ok(r.split!.reduce((a, s) => a + s.incidents, 0) >= r.incidents, "every incident of a month counts under each of its types");
  const affected = await get<StatsResult>("/api/v1/stats?by=affected&lang=en");
  assert.deepEqual(affected.rows.slice(0, 7).map((r) => r.key), ["1-9", "10-99", "100-999", "1000-9999", "10000-99999", "100000-999999", "1000000+"]);
  assert.equal(affected.rows.reduce((a, r) => a + r.incidents, 0), affected.total);
  assert.equal(affected.rows.find((r) => r.key === "unknown")?.incidents ?? 0, affected.unknown_count);
  const q = await get<StatsResult>(`/api/v1/stats?by=type&q=${encodeURIComponent("不審メール")}`, cleared());
  const list = await get<{ total: number }>(`/api/v1/incidents?q=${encodeURIComponent("不審メール")}`, cleared());
  assert.equal(q.total, list.total, "stats count what the search finds");
  assert.equal((await get<StatsResult>("/api/v1/stats?tlp=AMBER", cleared())).total, 1);
  assert.equal((await get<StatsResult>("/api/v1/stats?tlp=AMBER")).total, 0, "a marking above the reader's clearance counts nothing");
  await get("/api/v1/stats?by=month&split=colour", {}, 400);
});
