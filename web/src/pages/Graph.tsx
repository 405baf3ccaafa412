import { useEffect, useState } from "preact/hooks";
import { getJson } from "../api.js";
import { FilterBar } from "../charts/FilterBar.js";
import { Link } from "../components/Link.js";
import { Status } from "../components/Status.js";
import { mergeView, tally, type Drawn, type GraphNode, type GraphView } from "../graph/model.js";
import { Network } from "../graph/Network.js";
import { num, t, term, useLang } from "../i18n.js";
import { filterParams, useQuery } from "../url.js";
import "./graph.css";

const KINDS = ["incident", "organization", "vendor", "indicator", "cluster"] as const;

/** What one node is, as text: an incident's fields, an entity's links, a cluster's size. */
function Details({ node, onExpand, busy }: { node: GraphNode; onExpand(id: string): void; busy: boolean }) {
  const i = node.incident;
  return (
    <div class="node-details" aria-live="polite">
      <p class="kind"><span class={`swatch kind-${node.kind}`} aria-hidden="true" /> {t(`graph.kind.${node.kind}`)}{node.indicator_kind ? ` (${node.indicator_kind})` : ""}</p>
      <h3>{i ? i.title : node.label}</h3>
      {i && (
        <dl>
          <dt>{t("graph.detail.organization")}</dt><dd>{i.organization ?? t("common.unknown")}</dd>
          <dt>{t("graph.detail.date")}</dt><dd>{i.disclosed_on ?? i.discovered_on ?? t("common.unknown")}</dd>
          <dt>{t("graph.detail.sector")}</dt><dd>{i.sector ? term("sector", i.sector) : t("common.unknown")}</dd>
          <dt>{t("graph.detail.types")}</dt><dd>{i.incident_types.length ? i.incident_types.map((x) => term("type", x)).join(t("common.listSep")) : t("common.unknown")}</dd>
          <dt>{t("graph.detail.affected")}</dt><dd>{i.affected_count === null ? t("common.unknown") : num(i.affected_count)}</dd>
        </dl>
      )}
      {node.kind === "cluster" && <p>{t("graph.detail.cluster", { n: num(node.incidents) })}</p>}
      {node.kind !== "incident" && node.kind !== "cluster" && (
        <p>{t(node.hidden > 0 ? "graph.detail.entityHidden" : "graph.detail.entity", { n: num(node.incidents), hidden: num(node.hidden) })}</p>
      )}
      {node.kind === "incident" && node.hidden > 0 && <p>{t("graph.detail.folded", { n: num(node.hidden) })}</p>}
      <div class="buttons">
        {node.expandable && <button type="button" class="primary" disabled={busy} onClick={() => onExpand(node.id)}>{t("graph.expand")}</button>}
        {i && <Link href={`/incidents/${node.id}`}>{t("graph.openIncident")}</Link>}
      </div>
    </div>
  );
}

/** The drawn nodes as lists of buttons by kind: the keyboard and screen-reader way through the graph. */
function NodeList({ drawn, selected, onSelect }: { drawn: Drawn; selected: string | null; onSelect(id: string): void }) {
  return (
    <div class="node-list">
      {KINDS.map((kind) => {
        const nodes = drawn.nodes.filter((n) => n.kind === kind);
        if (!nodes.length) return null;
        return (
          <section key={kind} aria-labelledby={`nodes-${kind}`}>
            <h3 id={`nodes-${kind}`}><span class={`swatch kind-${kind}`} aria-hidden="true" /> {t(`graph.kinds.${kind}`)} ({num(nodes.length)})</h3>
            <ul>
              {nodes.map((n) => (
                <li key={n.id}>
                  <button type="button" class="node-button" aria-pressed={selected === n.id} onClick={() => onSelect(n.id)}>
                    {n.label}{n.kind === "cluster" ? ` (${num(n.incidents)})` : ""}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

/**
 * The graph: incidents, organisations, vendors and indicators for the search's filters (in the URL).
 * What does not fit is grouped into clusters the reader can expand, and the page says so.
 */
export function GraphPage() {
  const [lang] = useLang();
  const query = useQuery();
  const filters = filterParams(query);
  const key = JSON.stringify(filters);
  const [overview, setOverview] = useState<GraphView | null>(null);
  const [drawn, setDrawn] = useState<Drawn>({ nodes: [], edges: [] });
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let live = true;
    setBusy(true);
    setError(undefined);
    getJson<GraphView>("/graph", { ...filters, lang }).then((v) => {
      if (!live) return;
      setOverview(v);
      setDrawn({ nodes: v.nodes, edges: v.edges });
      setSelected(null);
      setBusy(false);
    }, (e: unknown) => { if (live) { setError(e instanceof Error ? e.message : String(e)); setBusy(false); } });
    return () => void (live = false);
  }, [key, lang]);

  const expand = (id: string) => {
    const node = drawn.nodes.find((n) => n.id === id);
    if (!node?.expandable || busy) return;
    setBusy(true);
    getJson<GraphView>("/graph", { ...filters, lang, expand: id }).then((v) => {
      setDrawn((d) => mergeView(d, v));
      setSelected(node.kind === "cluster" ? null : id);
      setBusy(false);
    }, (e: unknown) => { setError(e instanceof Error ? e.message : String(e)); setBusy(false); });
  };

  const now = tally(drawn);
  const node = selected ? drawn.nodes.find((n) => n.id === selected) ?? null : null;
  const state = overview && (now.clusters
    ? t("graph.state.clustered", { total: num(overview.summary.incidents), shown: num(now.incidents), clustered: num(now.clustered), clusters: num(now.clusters) })
    : t("graph.state.all", { total: num(overview.summary.incidents), shown: num(now.incidents) }));
  return (
    <section class="graph-page">
      <h1>{t("graph.title")}</h1>
      <FilterBar path="/graph" query={query} id="graph-filter" />
      <div class="graph-state" role="status" aria-live="polite">
        {state && <p data-state="summary">{state} {t("graph.state.entities", { shown: num(now.entities) })}</p>}
        {now.clusters > 0 && <p class="hint">{t("graph.state.howToExpand")}</p>}
        <Status loading={busy && !overview} error={error} />
      </div>
      <div class="graph-layout">
        <div class="graph-main">
          <ul class="legend" aria-label={t("graph.legend")}>
            {KINDS.map((k) => <li key={k}><span class={`swatch kind-${k}`} aria-hidden="true" />{t(`graph.kinds.${k}`)}</li>)}
            <li><span class="swatch more" aria-hidden="true" />{t("graph.legend.more")}</li>
          </ul>
          <Network nodes={drawn.nodes} edges={drawn.edges} selected={selected} onSelect={setSelected} onExpand={expand}
            label={state ? `${t("graph.title")}: ${state}` : t("graph.title")} />
          <div class="buttons">
            <button type="button" disabled={busy || !overview} onClick={() => { if (overview) { setDrawn({ nodes: overview.nodes, edges: overview.edges }); setSelected(null); } }}>{t("graph.reset")}</button>
            <span class="hint">{t("graph.hint")}</span>
          </div>
        </div>
        <aside class="graph-side" aria-label={t("graph.side")}>
          {node ? <Details node={node} onExpand={expand} busy={busy} /> : <p class="hint">{t("graph.pick")}</p>}
          {overview && overview.summary.incidents === 0 && <p class="empty">{t("graph.empty")}</p>}
          <details class="node-list-box" open>
            <summary>{t("graph.nodeList", { n: num(drawn.nodes.length) })}</summary>
            <NodeList drawn={drawn} selected={selected} onSelect={setSelected} />
          </details>
        </aside>
      </div>
    </section>
  );
}
