import type { Label } from "../core/types.js";
import type { IncidentLink, IncidentSummary } from "../store/types.js";
import { SECTOR_LABELS } from "./taxonomies/sector.js";

/** What a node of the incident network stands for. */
export const NODE_KINDS = ["incident", "organization", "vendor", "indicator", "cluster"] as const;
/** One kind of node. */
export type NodeKind = (typeof NODE_KINDS)[number];
/** What an edge says: the incident's organisation, another party it names, an indicator it names, or a cluster's members linking to an entity. */
export const EDGE_KINDS = ["organization", "party", "indicator", "member"] as const;
/** One kind of edge. */
export type EdgeKind = (typeof EDGE_KINDS)[number];

/** A node: an incident, an entity (organisation, vendor, indicator) or a cluster of incidents. */
export interface GraphNode {
  id: string;
  kind: NodeKind;
  label: string;
  /** Incidents it stands for (a cluster), or incidents in the view it is linked to (an entity); 1 for an incident. */
  incidents: number;
  /** Neighbours not drawn now; expanding the node shows them. */
  hidden: number;
  /** True when `expand=<id>` shows more than is drawn. */
  expandable: boolean;
  /** Incident nodes: what the incident list shows. */
  incident?: Pick<IncidentSummary, "title" | "organization" | "sector" | "disclosed_on" | "discovered_on" | "incident_types" | "affected_count">;
  /** Indicator nodes: email, domain, url, ip… */
  indicator_kind?: string;
}

/** An edge between two drawn nodes; `weight` is how many incidents it stands for (more than 1 only from clusters). */
export interface GraphEdge {
  source: string;
  target: string;
  kind: EdgeKind;
  weight: number;
}

/** A drawn graph and an honest account of what was grouped or left undrawn. */
export interface GraphView {
  /** The node whose neighbourhood this is, or null for the overview. */
  focus: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
  summary: {
    /** Incidents this view covers (matching the filters, or in the focused neighbourhood). */
    incidents: number;
    /** Of those, drawn one by one. */
    incidents_shown: number;
    /** Of those, grouped into cluster nodes. */
    incidents_clustered: number;
    clusters: number;
    /** Organisations, vendors and indicators linked to the incidents covered, and how many are drawn. */
    entities: number;
    entities_shown: number;
  };
}

/** Raised when `expand` names no node of the view. */
export class UnknownNodeError extends Error {
  override name = "UnknownNodeError";
}

interface Entity {
  id: string;
  kind: "organization" | "vendor" | "indicator";
  label: string;
  indicator_kind?: string;
  incidents: string[];
}

interface Edge {
  incident: string;
  entity: string;
  kind: Exclude<EdgeKind, "member">;
}

const UNKNOWN: Label = { ja: "不明", en: "unknown" };
const CLUSTER = "cluster:";
/**
 * How a set of incidents too large to draw is divided, one level after the other, each with the
 * letter that marks its segments in a cluster id (`s:medical`, `y:2024`, `m:2024-03`, `p:2x150` for
 * the second page of 150); pages can be paged again.
 */
const LEVELS = { s: "sector", y: "year", m: "month", p: "page" } as const;
type Letter = keyof typeof LEVELS;
const NEXT: Record<Letter | "", Letter> = { "": "s", s: "y", y: "m", m: "p", p: "p" };

/** A cluster id: `cluster:` and the path (base `*` or an entity id, then one segment per level), each segment URI-encoded. */
function clusterId(path: string[]): string {
  return CLUSTER + path.map(encodeURIComponent).join("/");
}

/** The level letter and value of a path segment. */
function segment(s: string): { letter: Letter; key: string } | null {
  const m = /^([symp]):(.+)$/.exec(s);
  return m ? { letter: m[1] as Letter, key: m[2]! } : null;
}

function dateOf(i: IncidentSummary): string | null {
  return i.disclosed_on ?? i.discovered_on;
}

function levelKey(i: IncidentSummary, letter: Exclude<Letter, "p">): string {
  const d = dateOf(i);
  if (letter === "s") return i.sector ?? "unknown";
  if (letter === "y") return d ? d.slice(0, 4) : "unknown";
  return d ? d.slice(0, 7) : "unknown";
}

/** How a segment reads in a cluster's label; `pages` is how many pages its level has, when known. */
function segmentLabel(letter: Letter, key: string, lang: "ja" | "en", pages?: number): string {
  if (key === "unknown") return letter === "s" ? UNKNOWN[lang] : lang === "ja" ? "日付不明" : "no date";
  if (letter === "s") return SECTOR_LABELS[key as keyof typeof SECTOR_LABELS]?.[lang] ?? key;
  if (letter === "p") {
    const page = key.slice(0, key.indexOf("x"));
    return lang === "ja" ? `${page}${pages ? `/${pages}` : ""}ページ` : `page ${page}${pages ? ` of ${pages}` : ""}`;
  }
  return key;
}

/**
 * The incident network of a set of incidents: incidents, the organisations and vendors (other
 * parties) they name, and their indicators. Organisations are one node per organisation key, so
 * an organisation that is another incident's vendor links the two; an indicator links incidents
 * only by its key (warninglisted values never link).
 *
 * Never more than `budget` nodes are drawn, and nothing is dropped silently: entities linked to one
 * incident only are folded into it (its `hidden` count) when drawing them all would not fit; a set
 * of incidents that does not fit is grouped into cluster nodes by sector, then year, then month,
 * then pages, each carrying its count; `view(id)` gives any node's neighbourhood the same way.
 */
export class IncidentGraph {
  private readonly incidents = new Map<string, IncidentSummary>();
  /** Incident ids in the order given (newest first). */
  private readonly order: string[];
  private readonly entities = new Map<string, Entity>();
  private readonly edgesOf = new Map<string, Edge[]>();

  constructor(incidents: IncidentSummary[], links: IncidentLink[], private readonly lang: "ja" | "en" = "ja") {
    for (const i of incidents) { this.incidents.set(i.id, i); this.edgesOf.set(i.id, []); }
    this.order = incidents.map((i) => i.id);
    for (const l of links) {
      const edges = this.edgesOf.get(l.incident_id);
      if (!edges) continue;
      const id = l.role === "indicator" ? `ind:${l.key ?? `${l.incident_id}/${l.name}`}` : `org:${l.key}`;
      let e = this.entities.get(id);
      if (!e) {
        e = { id, kind: l.role === "indicator" ? "indicator" : "vendor", label: l.name, incidents: [] };
        if (l.indicator_kind) e.indicator_kind = l.indicator_kind;
        this.entities.set(id, e);
      }
      if (l.role === "organization" && e.kind !== "organization") { e.kind = "organization"; e.label = l.name; }
      if (edges.some((x) => x.entity === id)) {
        if (l.role === "organization") edges.find((x) => x.entity === id)!.kind = "organization";
        continue;
      }
      e.incidents.push(l.incident_id);
      edges.push({ incident: l.incident_id, entity: id, kind: l.role === "organization" ? "organization" : l.role === "other" ? "party" : "indicator" });
    }
  }

  /** The overview (no focus), or the neighbourhood of one node: an incident, an entity or a cluster. */
  view(focus: string | null, budget: number): GraphView {
    if (focus === null) return this.render(null, this.order, ["*"], budget, null);
    if (this.incidents.has(focus)) return this.incidentView(focus, budget);
    const entity = this.entities.get(focus);
    if (entity) return this.render(focus, this.sorted(entity.incidents), [focus], budget, focus);
    if (focus.startsWith(CLUSTER)) {
      const path = focus.slice(CLUSTER.length).split("/").map((s) => { try { return decodeURIComponent(s); } catch { return "\u0000"; } });
      const members = this.members(path);
      if (members) return this.render(focus, members, path, budget, path[0] === "*" ? null : path[0]!);
    }
    throw new UnknownNodeError(`no node ${focus} in this view`);
  }

  /** Ids in the order the incidents were given. */
  private sorted(ids: string[]): string[] {
    const set = new Set(ids);
    return this.order.filter((id) => set.has(id));
  }

  /** The incidents of a cluster path, or null if the path names no cluster. */
  private members(path: string[]): string[] | null {
    const base = path[0]!;
    let ids = base === "*" ? this.order : this.entities.has(base) ? this.sorted(this.entities.get(base)!.incidents) : null;
    if (!ids || path.length < 2) return null;
    for (const s of path.slice(1)) {
      const seg = segment(s);
      if (!seg) return null;
      if (seg.letter === "p") {
        const m = /^(\d+)x(\d+)$/.exec(seg.key);
        if (!m) return null;
        const [page, size] = [Number(m[1]), Number(m[2])];
        ids = ids.slice((page - 1) * size, page * size);
      } else {
        const letter = seg.letter;
        ids = ids.filter((id) => levelKey(this.incidents.get(id)!, letter) === seg.key);
      }
      if (ids.length === 0) return null;
    }
    return ids;
  }

  /** One incident with every entity it names; each entity says how many other incidents it links to. */
  private incidentView(id: string, budget: number): GraphView {
    const edges = this.edgesOf.get(id)!;
    const shown = edges.slice(0, Math.max(0, budget - 1));
    const nodes = [this.incidentNode(id, edges.length - shown.length), ...shown.map((e) => this.entityNode(this.entities.get(e.entity)!, 1))];
    return {
      focus: id, nodes,
      edges: shown.map((e) => ({ source: e.incident, target: e.entity, kind: e.kind, weight: 1 })),
      summary: { incidents: 1, incidents_shown: 1, incidents_clustered: 0, clusters: 0, entities: edges.length, entities_shown: shown.length },
    };
  }

  private incidentNode(id: string, hidden: number): GraphNode {
    const i = this.incidents.get(id)!;
    return {
      id, kind: "incident", label: i.organization ?? i.title, incidents: 1, hidden, expandable: hidden > 0,
      incident: {
        title: i.title, organization: i.organization, sector: i.sector, disclosed_on: i.disclosed_on, discovered_on: i.discovered_on,
        incident_types: i.incident_types, affected_count: i.affected_count,
      },
    };
  }

  /** An entity node; `drawn` is how many of its incidents are drawn (or stood for by drawn clusters). */
  private entityNode(e: Entity, drawn: number): GraphNode {
    const hidden = e.incidents.length - drawn;
    return {
      id: e.id, kind: e.kind, label: e.label, incidents: e.incidents.length, hidden, expandable: hidden > 0,
      ...(e.indicator_kind ? { indicator_kind: e.indicator_kind } : {}),
    };
  }

  /**
   * Draw a set of incidents within the budget: one by one with every entity they name, else with
   * only the entities they share (the rest folded), else grouped into at most half the budget of
   * clusters at the next level after `path` (a level that makes one group is skipped, one that makes
   * too many gives way to pages). `anchor` is an entity always drawn.
   */
  private render(focus: string | null, ids: string[], path: string[], budget: number, anchor: string | null): GraphView {
    const linked = new Map<string, number>();
    for (const id of ids) for (const e of this.edgesOf.get(id)!) linked.set(e.entity, (linked.get(e.entity) ?? 0) + 1);
    const shared = [...linked.keys()].filter((e) => e === anchor || this.entities.get(e)!.incidents.length >= 2);
    const total = { incidents: ids.length, entities: linked.size };

    const fitsAll = ids.length + linked.size <= budget;
    const last = segment(path.at(-1)!)?.letter ?? "";
    if (fitsAll || ids.length + shared.length <= budget || (last === "p" && ids.length <= budget)) {
      const keep = this.rank(fitsAll ? [...linked.keys()] : shared, anchor).slice(0, Math.max(0, budget - ids.length));
      const drawn = new Set(keep);
      const nodes = ids.map((id) => this.incidentNode(id, this.edgesOf.get(id)!.filter((e) => !drawn.has(e.entity)).length));
      nodes.push(...keep.map((e) => this.entityNode(this.entities.get(e)!, linked.get(e)!)));
      const edges = ids.flatMap((id) => this.edgesOf.get(id)!.filter((e) => drawn.has(e.entity)).map((e) => ({ source: id, target: e.entity, kind: e.kind, weight: 1 })));
      return { focus, nodes, edges, summary: { ...total, incidents_shown: ids.length, incidents_clustered: 0, clusters: 0, entities_shown: keep.length } };
    }

    // Too many to draw one by one: group at the next level that divides the set.
    const most = Math.max(2, Math.floor(budget / 2));
    const prefix = [...path];
    let letter = NEXT[last];
    let groups = new Map<string, string[]>();
    for (;;) {
      groups = new Map();
      if (letter === "p") {
        const size = Math.max(Math.ceil(ids.length / most), Math.floor(budget / 2));
        for (let p = 0; p * size < ids.length; p++) groups.set(`${p + 1}x${size}`, ids.slice(p * size, (p + 1) * size));
        break;
      }
      const by = letter;
      for (const id of ids) {
        const k = levelKey(this.incidents.get(id)!, by);
        const group = groups.get(k);
        if (group) group.push(id); else groups.set(k, [id]);
      }
      if (groups.size > most) letter = "p";
      else if (groups.size > 1) break;
      else { prefix.push(`${letter}:${[...groups.keys()][0]!}`); letter = NEXT[letter]; }
    }
    const at = letter;
    const keys = [...groups.keys()].sort((a, b) => (a === "unknown" ? 1 : b === "unknown" ? -1
      : at === "s" ? groups.get(b)!.length - groups.get(a)!.length || a.localeCompare(b)
      : at === "p" ? parseInt(a, 10) - parseInt(b, 10) : a.localeCompare(b)));
    const head = prefix.slice(1).map((s) => segment(s)!).map((s) => segmentLabel(s.letter, s.key, this.lang));
    const clusters: GraphNode[] = keys.map((k) => ({
      id: clusterId([...prefix, `${at}:${k}`]), kind: "cluster", label: [...head, segmentLabel(at, k, this.lang, groups.size)].join(" · "),
      incidents: groups.get(k)!.length, hidden: groups.get(k)!.length, expandable: true,
    }));
    const keep = this.rank(shared, anchor).slice(0, Math.max(0, budget - clusters.length));
    const drawn = new Set(keep);
    const edges: GraphEdge[] = [];
    for (const [n, k] of keys.entries()) {
      const weight = new Map<string, number>();
      for (const id of groups.get(k)!) for (const e of this.edgesOf.get(id)!) if (drawn.has(e.entity)) weight.set(e.entity, (weight.get(e.entity) ?? 0) + 1);
      for (const [target, w] of weight) edges.push({ source: clusters[n]!.id, target, kind: "member", weight: w });
    }
    const nodes = [...clusters, ...keep.map((e) => this.entityNode(this.entities.get(e)!, 0))];
    return {
      focus, nodes, edges,
      summary: { ...total, incidents_shown: 0, incidents_clustered: ids.length, clusters: clusters.length, entities_shown: keep.length },
    };
  }

  /** Entities most linked first (the anchor before all), ties by id. */
  private rank(ids: string[], anchor: string | null): string[] {
    const n = (id: string) => (id === anchor ? Infinity : this.entities.get(id)!.incidents.length);
    return [...ids].sort((a, b) => n(b) - n(a) || a.localeCompare(b));
  }
}
