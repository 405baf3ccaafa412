import type { ComponentChildren } from "preact";
import { INCIDENT_TYPES } from "../../../src/core/types.js";
import { BarChart, PALETTE, type Series } from "../charts/BarChart.js";
import { FilterBar } from "../charts/FilterBar.js";
import { Status } from "../components/Status.js";
import { useApi } from "../data.js";
import { num, t, useLang } from "../i18n.js";
import { filterParams, useQuery } from "../url.js";
import "./stats.css";

/** A cell of a row broken down by a second dimension. */
interface Cell {
  key: string;
  label: string;
  incidents: number;
}

/** One row of GET /stats. */
interface Row extends Cell {
  people: number;
  median: number | null;
  unknown_count: number;
  split?: Cell[];
}

/** GET /stats: a breakdown with totals. */
interface Breakdown {
  total: number;
  people: number;
  unknown_count: number;
  rows: Row[];
}

/** Every month from the first to the last key (YYYY-MM), so gaps show as empty months; "unknown" stays last. */
function monthAxis(keys: string[]): string[] {
  const months = keys.filter((k) => /^\d{4}-\d{2}$/.test(k)).sort();
  const out: string[] = [];
  if (months.length) {
    let [y, m] = months[0]!.split("-").map(Number) as [number, number];
    const last = months.at(-1)!;
    for (let k = months[0]!; k <= last; k = `${y}-${String(m).padStart(2, "0")}`) {
      out.push(k);
      if (++m > 12) { m = 1; y++; }
    }
  }
  return keys.includes("unknown") ? [...out, "unknown"] : out;
}

/** A chart with its heading, a one-line reading, and the numbers as a table under a disclosure. */
function Panel({ id, title, note, children, table, wide = false }: { id: string; title: string; note?: string; children: ComponentChildren; table: ComponentChildren; wide?: boolean }) {
  return (
    <section class={`panel${wide ? " wide" : ""}`} aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      {note && <p class="hint">{note}</p>}
      {children}
      <details class="data-table">
        <summary>{t("stats.table.show")}</summary>
        <div class="table-scroll">{table}</div>
      </details>
    </section>
  );
}

/** The standard table of a breakdown: incidents, people (total, median), incidents without a count. */
function BreakdownTable({ data, caption }: { data: Breakdown; caption: string }) {
  return (
    <table>
      <caption class="sr-only">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("stats.col.key")}</th>
          <th scope="col" class="num">{t("stats.col.incidents")}</th>
          <th scope="col" class="num">{t("stats.col.people")}</th>
          <th scope="col" class="num">{t("stats.col.median")}</th>
          <th scope="col" class="num">{t("stats.col.unknown")}</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td class="num">{num(r.incidents)}</td>
            <td class="num">{num(r.people)}</td>
            <td class="num">{r.median === null ? "—" : num(r.median)}</td>
            <td class="num">{num(r.unknown_count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A horizontal bar chart of one breakdown (most incidents first), "unknown" kept as a bar of its own. */
function BreakdownPanel({ id, title, note, data }: { id: string; title: string; note?: string; data: Breakdown | undefined }) {
  if (!data) return null;
  const rows = data.rows.filter((r) => r.incidents > 0);
  const top = rows.slice(0, 3).map((r) => `${r.label} ${num(r.incidents)}`).join(t("common.listSep"));
  const summary = rows.length ? t("stats.chart.summary", { title, top }) : t("stats.empty");
  return (
    <Panel id={id} title={title} note={note} table={<BreakdownTable data={data} caption={title} />}>
      {rows.length
        ? <BarChart horizontal categories={rows.map((r) => r.label)} series={[{ label: t("stats.col.incidents"), color: PALETTE[0]!, values: rows.map((r) => r.incidents) }]} summary={summary} />
        : <p class="empty">{t("stats.empty")}</p>}
    </Panel>
  );
}

/** Incidents per month, stacked by incident type, with the month × type table. */
function MonthsPanel({ data }: { data: Breakdown | undefined }) {
  if (!data) return null;
  const axis = monthAxis(data.rows.map((r) => r.key));
  const byKey = new Map(data.rows.map((r) => [r.key, r]));
  const types = new Map<string, string>();
  for (const r of data.rows) for (const c of r.split ?? []) types.set(c.key, c.label);
  const order = [...types.keys()].sort((a, b) => INCIDENT_TYPES.indexOf(a as never) - INCIDENT_TYPES.indexOf(b as never));
  const series: Series[] = order.map((k, n) => ({
    label: types.get(k)!,
    color: k === "unknown" ? "#9aa3af" : PALETTE[n % PALETTE.length]!,
    values: axis.map((m) => byKey.get(m)?.split?.find((c) => c.key === k)?.incidents ?? 0),
  }));
  const labels = axis.map((m) => (m === "unknown" ? t("stats.noDate") : m));
  const busiest = [...data.rows].sort((a, b) => b.incidents - a.incidents)[0];
  const title = t("stats.months.title");
  return (
    <Panel id="months" wide title={title} note={t("stats.months.note")} table={
      <table>
        <caption class="sr-only">{title}</caption>
        <thead><tr><th scope="col">{t("stats.col.month")}</th><th scope="col" class="num">{t("stats.col.incidents")}</th><th scope="col">{t("stats.col.byType")}</th></tr></thead>
        <tbody>
          {data.rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.key === "unknown" ? t("stats.noDate") : r.key}</th>
              <td class="num">{num(r.incidents)}</td>
              <td>{(r.split ?? []).map((c) => `${c.label} ${num(c.incidents)}`).join(t("common.listSep"))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    }>
      {axis.length
        ? <BarChart stacked categories={labels} series={series} summary={busiest ? t("stats.months.summary", { months: num(axis.length), month: busiest.label, n: num(busiest.incidents) }) : title} />
        : <p class="empty">{t("stats.empty")}</p>}
    </Panel>
  );
}

/** People affected per incident in power-of-ten buckets (a log scale), and the incidents that gave no count. */
function AffectedPanel({ data }: { data: Breakdown | undefined }) {
  if (!data) return null;
  const buckets = data.rows.filter((r) => r.key !== "unknown");
  const title = t("stats.affected.title");
  const share = data.total ? Math.round((data.unknown_count / data.total) * 100) : 0;
  return (
    <Panel id="affected" title={title} note={t("stats.affected.note")} table={<BreakdownTable data={data} caption={title} />}>
      <BarChart categories={buckets.map((r) => r.label)} series={[{ label: t("stats.col.incidents"), color: PALETTE[2]!, values: buckets.map((r) => r.incidents) }]}
        summary={t("stats.affected.summary", { counted: num(data.total - data.unknown_count), unknown: num(data.unknown_count) })} />
      <p class="unknown-figure"><strong>{num(data.unknown_count)}</strong> {t("stats.affected.unknown", { share: num(share) })}</p>
    </Panel>
  );
}

/** The dashboard: incidents per month by type, TSR cause and medium, sectors, people affected and unknown counts, for the search's filters (kept in the URL). */
export function StatsPage() {
  const [lang] = useLang();
  const query = useQuery();
  const filters = filterParams(query);
  const ask = (by: string, split?: string) => ({ ...filters, by, split, lang });
  const months = useApi<Breakdown>("/stats", ask("month", "type"));
  const cause = useApi<Breakdown>("/stats", ask("cause"));
  const medium = useApi<Breakdown>("/stats", ask("medium"));
  const sector = useApi<Breakdown>("/stats", ask("sector"));
  const affected = useApi<Breakdown>("/stats", ask("affected"));
  const all = [months, cause, medium, sector, affected];
  const loading = all.some((r) => r.loading);
  const error = all.find((r) => r.error)?.error;
  const totals = affected.data;
  return (
    <section class="stats-page">
      <h1>{t("stats.title")}</h1>
      <FilterBar path="/stats" query={query} id="stats-filter" />
      <div aria-live="polite" aria-busy={loading}>
        <Status loading={loading && !totals} error={error} />
        {totals && (
          <dl class="stat-figures">
            <div class="figure"><dt>{t("stats.fig.incidents")}</dt><dd class="big" data-figure="incidents">{num(totals.total)}</dd></div>
            <div class="figure"><dt>{t("stats.fig.people")}</dt><dd class="big" data-figure="people">{num(totals.people)}</dd></div>
            <div class="figure"><dt>{t("stats.fig.unknown")}</dt><dd class="big" data-figure="unknown">{num(totals.unknown_count)}</dd></div>
          </dl>
        )}
      </div>
      <div class="panels">
        <MonthsPanel data={months.data} />
        <BreakdownPanel id="cause" title={t("stats.cause.title")} note={t("stats.cause.note")} data={cause.data} />
        <BreakdownPanel id="medium" title={t("stats.medium.title")} note={t("stats.medium.note")} data={medium.data} />
        <BreakdownPanel id="sector" title={t("stats.sector.title")} data={sector.data} />
        <AffectedPanel data={affected.data} />
      </div>
    </section>
  );
}
