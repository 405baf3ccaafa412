import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { tally } from "../intel/stats.js";
import type { IncidentSummary } from "../store/types.js";
import { FilterQuery, toFilter } from "./api/incidents.js";
import type { ApiDeps, AppEnv } from "./context.js";
import { errors, newApi } from "./openapi.js";
import { escapeMarkup as xmlText } from "../core/escape.js";

function entry(i: IncidentSummary, base: URL): string {
  const date = i.disclosed_on ?? i.discovered_on;
  const summary = [
    i.organization ?? "organisation unknown",
    date ? `disclosed ${date}` : null,
    i.incident_types.length ? i.incident_types.join(", ") : null,
    i.affected_count !== null ? `${i.affected_count.toLocaleString("en-US")} affected` : null,
    `${i.sources} source${i.sources === 1 ? "" : "s"}`,
  ].filter(Boolean).join(" · ");
  return [
    "  <entry>",
    `    <id>urn:jikenbo:incident:${xmlText(i.id)}</id>`,
    `    <title type="text">${xmlText(i.title)}</title>`,
    `    <updated>${xmlText(i.updated_at)}</updated>`,
    `    <link rel="alternate" type="application/json" href="${xmlText(new URL(`/api/v1/incidents/${i.id}`, base).href)}"/>`,
    ...i.incident_types.map((t) => `    <category term="${xmlText(t)}"/>`),
    `    <summary type="text">${xmlText(summary)}</summary>`,
    "  </entry>",
  ].join("\n");
}

/** An Atom 1.0 feed of incidents; every text escaped, entry ids stable (`urn:jikenbo:incident:ID`). */
export function atomFeed(items: IncidentSummary[], self: URL): string {
  const updated = items.map((i) => i.updated_at).sort().at(-1) ?? new Date().toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <id>urn:jikenbo:feed:incidents</id>",
    "  <title>Jikenbo: incidents</title>",
    `  <updated>${xmlText(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self.href)}"/>`,
    "  <author><name>Jikenbo</name></author>",
    ...items.map((i) => entry(i, self)),
    "</feed>",
    "",
  ].join("\n");
}

/** A month's digest as a feed entry: its counts and when its newest incident changed. */
export interface DigestItem {
  month: string;
  incidents: number;
  people: number;
  updated: string;
}

/** An Atom 1.0 feed of monthly digests, one entry a month linking to its page in the web UI (`urn:jikenbo:report:monthly:YYYY-MM`). */
export function digestFeed(items: DigestItem[], self: URL): string {
  const updated = items.map((i) => i.updated).sort().at(-1) ?? new Date().toISOString();
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    "  <id>urn:jikenbo:feed:reports:monthly</id>",
    "  <title>Jikenbo: monthly digests</title>",
    `  <updated>${xmlText(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(self.href)}"/>`,
    "  <author><name>Jikenbo</name></author>",
    ...items.flatMap((i) => [
      "  <entry>",
      `    <id>urn:jikenbo:report:monthly:${xmlText(i.month)}</id>`,
      `    <title type="text">月次ダイジェスト ${xmlText(i.month)} / Monthly digest ${xmlText(i.month)}</title>`,
      `    <updated>${xmlText(i.updated)}</updated>`,
      `    <link rel="alternate" type="text/html" href="${xmlText(new URL(`/reports/monthly/${i.month}`, self).href)}"/>`,
      `    <link rel="alternate" type="application/json" href="${xmlText(new URL(`/api/v1/reports/monthly/${i.month}`, self).href)}"/>`,
      `    <summary type="text">${i.incidents.toLocaleString("en-US")}件 · 影響人数 ${i.people.toLocaleString("en-US")}人 / ${i.incidents.toLocaleString("en-US")} incidents, ${i.people.toLocaleString("en-US")} people affected</summary>`,
      "  </entry>",
    ]),
    "</feed>",
    "",
  ].join("\n");
}

/** `/feeds/incidents.atom` (newest incidents) and `/feeds/reports/monthly.atom` (monthly digests), TLP:CLEAR only unless the reader signs in. */
export function atomApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/feeds/incidents.atom", tags: ["feeds"],
    summary: "Newest incidents as an Atom feed (TLP:CLEAR unless signed in, then up to the reader's clearance)",
    request: { query: z.strictObject({ ...FilterQuery.shape, limit: z.coerce.number().int().min(1).max(500).default(50) }) },
    responses: {
      200: { description: "the feed", content: { "application/atom+xml": { schema: z.string() } } },
      ...errors(400, 401),
    },
  }), async (c) => {
    const q = c.req.valid("query");
    const items = await store.listIncidents({ ...toFilter(q, c.var.vis), limit: q.limit });
    return c.body(atomFeed(items, new URL(c.req.url)), 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });
  api.openapi(createRoute({
    method: "get", path: "/feeds/reports/monthly.atom", tags: ["feeds"],
    summary: "The monthly digests of the last months that have incidents, newest first, as an Atom feed (counting only incidents the reader may see)",
    request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(60).default(12) }) },
    responses: {
      200: { description: "the feed", content: { "application/atom+xml": { schema: z.string() } } },
      ...errors(400, 401),
    },
  }), async (c) => {
    const tlp = c.var.vis.levels;
    const months = tally(await store.statInputs({ tlp }), "month").rows.filter((r) => r.key !== "unknown").reverse().slice(0, c.req.valid("query").limit);
    const items: DigestItem[] = [];
    for (const m of months) {
      const listed = await store.listIncidents({ tlp, since: `${m.key}-01`, until: `${m.key}-31`, limit: -1 });
      items.push({ month: m.key, incidents: m.incidents, people: m.people, updated: listed.map((i) => i.updated_at).sort().at(-1) ?? `${m.key}-01T00:00:00.000Z` });
    }
    return c.body(digestFeed(items, new URL(c.req.url)), 200, { "content-type": "application/atom+xml; charset=utf-8" });
  });
  return api;
}
