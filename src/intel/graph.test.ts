import { test } from "node:test";
import assert from "node:assert/strict";
import type { IncidentLink, IncidentSummary } from "../store/types.js";
import { IncidentGraph, UnknownNodeError } from "./graph.js";

/** `n` incidents, newest first: sectors medical/retail alternating, two years, months 1–12; each names its own organisation. */
function casebook(n: number): { incidents: IncidentSummary[]; links: IncidentLink[] } {
  const incidents: IncidentSummary[] = [];
  const links: IncidentLink[] = [];
  for (let i = 0; i < n; i++) {
    const id = `inc_${i.toString(16).padStart(16, "0")}`;
    const date = `${2025 - (i % 2)}-${String(1 + (i % 12)).padStart(2, "0")}-01`;
    incidents.push({ id, title: `t${i}`, organization: `org${i}`, sector: i % 4 < 2 ? "medical" : "retail_ec", disclosed_on: date, discovered_on: null, incident_types: ["loss"], affected_count: null, sources: 1, updated_at: date });
    links.push({ incident_id: id, role: "organization", key: `org${i}`, name: `org${i}`, indicator_kind: null });
    if (i % 10 === 0) links.push({ incident_id: id, role: "other", key: "vendor", name: "株式会社共通委託先", indicator_kind: null });
  }
  return { incidents, links };
}

test("a large set is grouped by sector, then year and month, then pages; every level accounts for every incident", () => {
  const { incidents, links } = casebook(2000);
  const g = new IncidentGraph(incidents, links, "en");
  const top = g.view(null, 100);
  const clusters = top.nodes.filter((n) => n.kind === "cluster");
  assert.deepEqual(clusters.map((n) => [n.label, n.incidents]), [["Healthcare", 1000], ["Retail and e-commerce", 1000]]);
  assert.ok(top.nodes.length <= 100);
  const vendor = top.nodes.find((n) => n.kind === "vendor")!;
  assert.deepEqual([vendor.label, vendor.incidents], ["株式会社共通委託先", 200]);
  assert.equal(top.edges.filter((e) => e.target === vendor.id).reduce((a, e) => a + e.weight, 0), 200);
  const years = g.view(clusters[0]!.id, 100).nodes.filter((n) => n.kind === "cluster");
  assert.deepEqual(years.map((n) => n.label), ["Healthcare · 2024", "Healthcare · 2025"]);
  const months = g.view(years[0]!.id, 100).nodes.filter((n) => n.kind === "cluster");
  assert.deepEqual(months.map((n) => [n.label, n.incidents]), [["Healthcare · 2024 · 2024-02", 167], ["Healthcare · 2024 · 2024-06", 167], ["Healthcare · 2024 · 2024-10", 166]]);
  const month = g.view(months[0]!.id, 100);
  assert.deepEqual(month.nodes.filter((n) => n.kind === "cluster").map((n) => [n.label.split(" · ").at(-1), n.incidents]),
    [["page 1 of 4", 50], ["page 2 of 4", 50], ["page 3 of 4", 50], ["page 4 of 4", 17]]);
  const page = g.view(month.nodes[3]!.id, 100);
  assert.equal(page.summary.incidents_shown, 17);
  assert.equal(page.nodes.filter((n) => n.kind === "organization").length, 17, "a small page draws its organisations too");
  assert.ok(g.view(month.nodes[0]!.id, 100).nodes.length <= 100);
});

test("a level with one group is skipped; entities named once are folded into their incident when all would not fit", () => {
  const { incidents, links } = casebook(40);
  const medical2025 = incidents.filter((i) => i.sector === "medical" && i.disclosed_on!.startsWith("2025"));
  const g = new IncidentGraph(medical2025, links, "ja");
  const v = g.view(null, 14);
  assert.ok(v.nodes.every((n) => n.kind !== "cluster" || /^医療 · 2025 · 2025-\d\d$/.test(n.label)), v.nodes.map((n) => n.label).join());
  const small = g.view(null, 15);
  assert.equal(small.summary.incidents_shown, 10);
  assert.ok(small.nodes.filter((n) => n.kind === "incident").every((n) => n.hidden === 1 && n.expandable), "own organisation folded");
  assert.equal(small.nodes.filter((n) => n.kind === "vendor").length, 1, "the shared vendor is drawn");
  assert.equal(g.view(null, 100).summary.entities_shown, 11, "everything drawn when it fits");
  assert.throws(() => g.view("org:nobody", 100), UnknownNodeError);
  assert.throws(() => g.view("cluster:*/x:1", 100), UnknownNodeError);
});
