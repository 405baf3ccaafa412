import { useEffect, useState } from "preact/hooks";
import { INCIDENT_TYPES, SECTORS } from "../../../src/core/types.js";
import { BASICS } from "../../../src/intel/taxonomies/basics.js";
import { TSR_CAUSES } from "../../../src/intel/taxonomies/tsr.js";
import { Link } from "../components/Link.js";
import { TLP_LEVELS } from "../../../src/intel/taxonomies/tlp.js";
import { t, term } from "../i18n.js";
import { FILTER_KEYS, href, navigate } from "../url.js";
import "./filter-bar.css";

/** The search's filters (same URL parameters) for the dashboard and the graph; applying them navigates to `path` with them. */
export function FilterBar({ path, query, id }: { path: string; query: Record<string, string>; id: string }) {
  const pick = (q: Record<string, string>) => Object.fromEntries(FILTER_KEYS.map((k) => [k, q[k] ?? ""])) as Record<(typeof FILTER_KEYS)[number], string>;
  const [f, setF] = useState(pick(query));
  const urlState = JSON.stringify(pick(query));
  useEffect(() => setF(pick(query)), [urlState]);
  const set = (k: keyof typeof f) => (e: Event) => setF({ ...f, [k]: (e.currentTarget as HTMLInputElement | HTMLSelectElement).value });
  const submit = (e: Event) => {
    e.preventDefault();
    navigate(path, { ...query, ...f, q: f.q.trim() });
  };
  const field = (k: keyof typeof f) => `${id}-${k}`;
  const active = FILTER_KEYS.some((k) => query[k]);
  return (
    <form class="filter-bar" aria-label={t("stats.filter.label")} onSubmit={submit}>
      <div class="field grow">
        <label for={field("q")}>{t("filter.q")}</label>
        <input id={field("q")} type="search" value={f.q} onInput={set("q")} />
      </div>
      <div class="field">
        <label for={field("type")}>{t("filter.type")}</label>
        <select id={field("type")} value={f.type} onChange={set("type")}>
          <option value="">{t("stats.filter.any")}</option>
          {INCIDENT_TYPES.map((v) => <option key={v} value={v}>{term("type", v)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={field("sector")}>{t("filter.sector")}</label>
        <select id={field("sector")} value={f.sector} onChange={set("sector")}>
          <option value="">{t("stats.filter.any")}</option>
          {SECTORS.map((v) => <option key={v} value={v}>{term("sector", v)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={field("cause")}>{t("filter.cause")}</label>
        <select id={field("cause")} value={f.cause} onChange={set("cause")}>
          <option value="">{t("stats.filter.any")}</option>
          {TSR_CAUSES.map((v) => <option key={v} value={v}>{term("tsr", v)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={field("basics")}>{t("filter.basics")}</label>
        <select id={field("basics")} value={f.basics} onChange={set("basics")}>
          <option value="">{t("stats.filter.any")}</option>
          {BASICS.map((v) => <option key={v} value={v}>{term("basics", v)}</option>)}
        </select>
      </div>
      <div class="field">
        <label for={field("since")}>{t("filter.since")}</label>
        <input id={field("since")} type="date" value={f.since} onInput={set("since")} />
      </div>
      <div class="field">
        <label for={field("until")}>{t("filter.until")}</label>
        <input id={field("until")} type="date" value={f.until} onInput={set("until")} />
      </div>
      <div class="field">
        <label for={field("tlp")}>{t("filter.tlp")}</label>
        <select id={field("tlp")} value={f.tlp} onChange={set("tlp")}>
          <option value="">{t("stats.filter.any")}</option>
          {TLP_LEVELS.map((v) => <option key={v} value={v}>{`TLP:${v}`}</option>)}
        </select>
      </div>
      <div class="filter-actions">
        <button type="submit" class="primary">{t("stats.filter.apply")}</button>
        {active && <Link href={href(path)}>{t("stats.filter.clear")}</Link>}
        <Link href={href("/search", Object.fromEntries(FILTER_KEYS.map((k) => [k, query[k]])))}>{t("stats.filter.toSearch")}</Link>
      </div>
    </form>
  );
}
