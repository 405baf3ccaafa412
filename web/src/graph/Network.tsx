import cytoscape, { type Core, type ElementDefinition, type LayoutOptions, type StylesheetJson } from "cytoscape";
import { useEffect, useRef } from "preact/hooks";
import type { GraphEdge, GraphNode } from "./model.js";

/** Colour and shape of each node kind (graph.css gives the legend swatches the same colours). */
export const KIND_STYLE: Record<GraphNode["kind"], { color: string; shape: string }> = {
  incident: { color: "#1f5fbf", shape: "ellipse" },
  organization: { color: "#2e8540", shape: "round-rectangle" },
  vendor: { color: "#d9822b", shape: "diamond" },
  indicator: { color: "#b3261e", shape: "triangle" },
  cluster: { color: "#5f6b7a", shape: "hexagon" },
};

/** Up to this many nodes are laid out by force (cose); more get the cheaper concentric layout. */
const FORCE_LAYOUT_MAX = 400;
/** Largest zoom a layout fits the drawing to. */
const MAX_FIT_ZOOM = 1.3;

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(short)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, color: "#1c2330",
      "text-outline-color": "#ffffff", "text-outline-width": 2, width: 18, height: 18, "border-width": 0,
    },
  },
  ...Object.entries(KIND_STYLE).map(([kind, s]) => ({ selector: `node[kind = "${kind}"]`, style: { "background-color": s.color, shape: s.shape } }) as StylesheetJson[number]),
  { selector: 'node[kind = "cluster"]', style: { width: "data(size)", height: "data(size)", "font-size": 11, "font-weight": "bold" } },
  { selector: "node[?more]", style: { "border-width": 2, "border-color": "#1c2330", "border-style": "dashed" } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#f59e0b", "border-style": "solid" } },
  { selector: "edge", style: { width: "data(width)", "line-color": "#9aa3af", "curve-style": "haystack", opacity: 0.8 } },
  { selector: 'edge[kind = "indicator"]', style: { "line-color": "#d77a75" } },
  { selector: 'edge[kind = "party"]', style: { "line-color": "#e0a86b", "line-style": "dashed" } },
];

/**
 * Cytoscape adds a `<style>` element (`position: relative` for its container) unless one with this
 * id exists; the CSP forbids inline styles and graph.css already positions `.network`, so a
 * placeholder with the id stands in for it.
 */
function claimCytoscapeStylesheet(): void {
  const id = "__________cytoscape_stylesheet";
  if (document.getElementById(id)) return;
  const placeholder = document.createElement("meta");
  placeholder.id = id;
  placeholder.name = "cytoscape-stylesheet";
  placeholder.content = "graph.css";
  document.head.append(placeholder);
}

function short(label: string): string {
  return label.length > 18 ? `${label.slice(0, 17)}…` : label;
}

function elementsOf(nodes: GraphNode[], edges: GraphEdge[]): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({
      group: "nodes" as const,
      data: {
        id: n.id, kind: n.kind, more: n.expandable,
        short: n.kind === "cluster" ? `${short(n.label)} (${n.incidents})` : short(n.label),
        size: 26 + Math.min(40, Math.log10(n.incidents + 1) * 14),
      },
    })),
    ...edges.map((e) => ({
      group: "edges" as const,
      data: { id: `${e.source}→${e.target}`, source: e.source, target: e.target, kind: e.kind, width: Math.min(8, 1 + Math.log2(e.weight)) },
    })),
  ];
}

/**
 * The network drawn by Cytoscape on a canvas (labels are canvas text, never markup). Elements are
 * added and removed in place, so expanding a node keeps the rest where it was. Tap selects a node,
 * double tap asks to expand it; the node list beside it offers the same by keyboard.
 */
export function Network({ nodes, edges, selected, onSelect, onExpand, label }: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: string | null;
  onSelect(id: string | null): void;
  onExpand(id: string): void;
  label: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const handlers = useRef({ onSelect, onExpand });
  handlers.current = { onSelect, onExpand };

  useEffect(() => {
    claimCytoscapeStylesheet();
    const c = cytoscape({ container: box.current, style: STYLE, minZoom: 0.05, maxZoom: 4, boxSelectionEnabled: false });
    c.on("tap", "node", (e) => handlers.current.onSelect(e.target.id() as string));
    c.on("tap", (e) => { if (e.target === c) handlers.current.onSelect(null); });
    c.on("dbltap", "node", (e) => handlers.current.onExpand(e.target.id() as string));
    cy.current = c;
    return () => { c.destroy(); cy.current = null; };
  }, []);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    const wanted = elementsOf(nodes, edges);
    const ids = new Set(wanted.map((e) => e.data.id!));
    const fresh = c.elements().length === 0;
    c.batch(() => {
      c.elements().filter((e) => !ids.has(e.id())).remove();
      for (const el of wanted) {
        const cur = c.getElementById(el.data.id!);
        if (cur.length) cur.data(el.data);
        else c.add(el);
      }
    });
    const layout: LayoutOptions = nodes.length <= FORCE_LAYOUT_MAX
      ? { name: "cose", animate: false, randomize: fresh, numIter: 600, nodeRepulsion: () => 40_000, idealEdgeLength: () => 70, nodeOverlap: 20, fit: true, padding: 30 } as LayoutOptions
      : { name: "concentric", animate: false, fit: true, padding: 10, minNodeSpacing: 4, concentric: (n: cytoscape.NodeSingular) => n.degree(false), levelWidth: () => 2 } as LayoutOptions;
    // A few nodes would be blown up to fill the box: keep them at a readable size.
    c.one("layoutstop", () => { if (c.zoom() > MAX_FIT_ZOOM) { c.zoom(MAX_FIT_ZOOM); c.center(); } });
    c.layout(layout).run();
  }, [nodes, edges]);

  useEffect(() => {
    const c = cy.current;
    if (!c) return;
    c.nodes().unselect();
    if (selected) c.getElementById(selected).select();
  }, [selected, nodes]);

  return <div class="network" ref={box} role="img" aria-label={label} />;
}
