import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { SECTORS, INCIDENT_TYPES } from "../../core/types.js";
import { EDGE_KINDS, IncidentGraph, NODE_KINDS, UnknownNodeError } from "../../intel/graph.js";
import type { ApiDeps, AppEnv } from "../context.js";
import { ApiError } from "../errors.js";
import { errors, json, newApi } from "../openapi.js";
import { TlpLevel } from "../schemas.js";
import { FilterQuery, toFilter } from "./incidents.js";

const GraphQuery = z.strictObject({
  ...FilterQuery.shape,
  q: z.string().max(500).optional().openapi({ description: "only incidents matching this Japanese full text, as in the incident search" }),
  tlp: TlpLevel.optional().openapi({ description: "only incidents with this marking (within the reader's clearance)" }),
  expand: z.string().min(1).max(2000).optional().openapi({ description: "a node id of this view (incident, org:…, ind:…, cluster:…): its neighbourhood instead of the overview" }),
  limit: z.coerce.number().int().min(10).max(5000).default(300).openapi({ description: "most nodes to draw; what does not fit is grouped into clusters, never dropped" }),
  lang: z.enum(["ja", "en"]).default("ja"),
});

const Node = z.object({
  id: z.string(),
  kind: z.enum(NODE_KINDS),
  label: z.string(),
  incidents: z.number().int().openapi({ description: "incidents a cluster stands for, or incidents in the view an entity is linked to; 1 for an incident" }),
  hidden: z.number().int().openapi({ description: "neighbours not drawn; expand the node to see them" }),
  expandable: z.boolean(),
  incident: z.object({
    title: z.string(), organization: z.string().nullable(), sector: z.enum(SECTORS).nullable(), disclosed_on: z.string().nullable(),
    discovered_on: z.string().nullable(), incident_types: z.array(z.enum(INCIDENT_TYPES)), affected_count: z.number().nullable(),
  }).optional(),
  indicator_kind: z.string().optional(),
}).openapi("GraphNode");

const Graph = z.object({
  focus: z.string().nullable(),
  nodes: z.array(Node),
  edges: z.array(z.object({ source: z.string(), target: z.string(), kind: z.enum(EDGE_KINDS), weight: z.number().int() })),
  summary: z.object({
    incidents: z.number().int(), incidents_shown: z.number().int(), incidents_clustered: z.number().int(), clusters: z.number().int(),
    entities: z.number().int(), entities_shown: z.number().int(),
  }),
}).openapi("Graph");

/** `/graph`: incidents, organisations, vendors and indicators as a network, clustered to fit, over the incidents the reader may see. */
export function graphApi({ store }: ApiDeps): OpenAPIHono<AppEnv> {
  const api = newApi();
  api.openapi(createRoute({
    method: "get", path: "/graph", tags: ["graph"],
    summary: "The incident network (incidents, organisations, vendors, indicators) for the search filters; what does not fit the limit is grouped into cluster nodes with their counts, and expand=<node id> gives a node's neighbourhood",
    request: { query: GraphQuery },
    responses: { 200: json(Graph, "the graph and what was grouped"), ...errors(400, 401, 404) },
  }), async (c) => {
    const q = c.req.valid("query");
    const incidents = await store.searchIncidents({ ...toFilter(q, c.var.vis), q: q.q ?? "", limit: -1, offset: 0 });
    const graph = new IncidentGraph(incidents, await store.incidentLinks(incidents.map((i) => i.id)), q.lang);
    try {
      return c.json(graph.view(q.expand ?? null, q.limit), 200);
    } catch (e) {
      if (e instanceof UnknownNodeError) throw new ApiError("not_found", e.message);
      throw e;
    }
  });
  return api;
}
