// The graph as GET /api/v1/graph gives it, and how an expansion joins what is drawn.
import type { EdgeKind, GraphEdge as ServerEdge, GraphNode as ServerNode, GraphView as ServerView } from "../../../src/intel/graph.js";

/** A node as the API gives it. */
export type GraphNode = ServerNode;
/** An edge as the API gives it. */
export type GraphEdge = ServerEdge;
/** GET /graph. */
export type GraphView = ServerView;
/** What an edge says. */
export type { EdgeKind };

/** What is drawn: nodes and edges by id. */
export interface Drawn {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Join a node's neighbourhood into what is drawn: a cluster that was expanded is replaced by what it
 * held (its edges go with it); other nodes are updated in place; new nodes and edges are added.
 */
export function mergeView(drawn: Drawn, view: GraphView): Drawn {
  const nodes = new Map(drawn.nodes.map((n) => [n.id, n]));
  const focus = view.focus ? nodes.get(view.focus) : undefined;
  const gone = focus?.kind === "cluster" ? focus.id : null;
  if (gone) nodes.delete(gone);
  for (const n of view.nodes) {
    const old = nodes.get(n.id);
    // An incident once shown with every entity it names keeps nothing hidden.
    nodes.set(n.id, old?.kind === "incident" ? { ...n, hidden: Math.min(old.hidden, n.hidden) } : n);
  }
  const edges = new Map<string, GraphEdge>();
  for (const e of [...drawn.edges, ...view.edges]) {
    if (e.source === gone || e.target === gone || !nodes.has(e.source) || !nodes.has(e.target)) continue;
    edges.set(`${e.source}→${e.target}`, e);
  }
  // An entity hides the incidents linked to it that are not drawn one by one.
  const drawnIncidents = new Map<string, number>();
  for (const e of edges.values()) if (nodes.get(e.source)?.kind === "incident") drawnIncidents.set(e.target, (drawnIncidents.get(e.target) ?? 0) + 1);
  const out = [...nodes.values()].map((n) => {
    if (n.kind === "incident" || n.kind === "cluster") return n;
    const hidden = n.incidents - (drawnIncidents.get(n.id) ?? 0);
    return { ...n, hidden, expandable: hidden > 0 };
  });
  return { nodes: out, edges: [...edges.values()] };
}

/** What the drawing holds now: incidents one by one, clusters and the incidents in them, entities. */
export function tally(drawn: Drawn): { incidents: number; clusters: number; clustered: number; entities: number } {
  let incidents = 0, clusters = 0, clustered = 0, entities = 0;
  for (const n of drawn.nodes) {
    if (n.kind === "incident") incidents++;
    else if (n.kind === "cluster") { clusters++; clustered += n.incidents; }
    else entities++;
  }
  return { incidents, clusters, clustered, entities };
}
