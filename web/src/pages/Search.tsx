import { useEffect, useState } from "preact/hooks";
import { SORTS } from "../../../src/store/types.js";
import { Facets } from "../components/Facets.js";
import { IncidentList } from "../components/IncidentList.js";
import { Link } from "../components/Link.js";
import { Pager } from "../components/Pager.js";
import { Status } from "../components/Status.js";
import { useApi } from "../data.js";
import { num, t, term } from "../i18n.js";
import type { IncidentList as List } from "../types.js";
import { filterParams, href, navigate, SEARCH_KEYS, useQuery } from "../url.js";

const PAGE = 20;

/** Active filters as removable chips. */
function Chips({ query }: { query: Record<string, string> }) {
  const shown = (["type", "cause", "sector", "basics", "tlp", "since", "until"] as const).filter((k) => query[k]);
  if (shown.length === 0) return null;
  const vocab: Record<string, string> = { type: "type", sector: "sector", cause: "tsr", basics: "basics" };
  const label = (k: string, v: string) => (vocab[k] ? term(vocab[k], v) : k === "tlp" ? `TLP:${v}` : v);
  return (
    <ul class="chips" aria-label={t("search.activeFilters")}>
      {shown.map((k) => (
        <li key={k}>
          <Link href={href("/search", { ...query, [k]: "", offset: "" })} aria-label={t("search.removeFilter", { name: t(`filter.${k}`), value: label(k, query[k]!) })}>
            {t(`filter.${k}`)}: {label(k, query[k]!)} <span aria-hidden="true">×</span>
          </Link>
        </li>
      ))}
      <li><Link href={href("/search", { q: query.q, sort: query.sort })}>{t("search.clearFilters")}</Link></li>
    </ul>
  );
}

/** Search: Japanese full text with highlighted matches, facets, date range, sort and paging, all kept in the URL. */
export function SearchPage() {
  const query = useQuery();
  const filters = filterParams(query, SEARCH_KEYS);
  const offset = Math.max(0, Number(query.offset) || 0);
  const [q, setQ] = useState(query.q ?? "");
  const [since, setSince] = useState(query.since ?? "");
  const [until, setUntil] = useState(query.until ?? "");
  useEffect(() => {
    setQ(query.q ?? "");
    setSince(query.since ?? "");
    setUntil(query.until ?? "");
  }, [query.q, query.since, query.until]);
  const res = useApi<List>("/incidents", { ...filters, limit: PAGE, offset, snippets: filters.q ? "true" : undefined });
  const words = (filters.q ?? "").split(/[\s\u3000]+/).filter(Boolean);
  const submit = (e: Event) => {
    e.preventDefault();
    navigate("/search", { ...filters, q: q.trim(), since, until });
  };
  return (
    <section class="search">
      <h1>{t("search.title")}</h1>
      <form class="search-form" role="search" onSubmit={submit}>
        <div class="field grow">
          <label for="q">{t("search.query")}</label>
          <input id="q" name="q" type="search" value={q} placeholder={t("search.placeholder")} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="since">{t("filter.since")}</label>
          <input id="since" name="since" type="date" value={since} onInput={(e) => setSince(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="until">{t("filter.until")}</label>
          <input id="until" name="until" type="date" value={until} onInput={(e) => setUntil(e.currentTarget.value)} />
        </div>
        <button type="submit" class="primary">{t("search.submit")}</button>
      </form>
      <Chips query={query} />
      <div class="search-body">
        {res.data?.facets && <Facets facets={res.data.facets} query={query} />}
        <div class="results" aria-live="polite" aria-busy={res.loading}>
          <div class="results-head">
            {res.data && <p class="total">{t("search.total", { n: num(res.data.total ?? 0) })}</p>}
            <div class="sort">
              <label for="sort">{t("search.sort")}</label>
              <select id="sort" value={query.sort ?? "newest"} onChange={(e) => navigate("/search", { ...filters, sort: e.currentTarget.value === "newest" ? undefined : e.currentTarget.value, offset: undefined })}>
                {SORTS.map((s) => <option key={s} value={s}>{t(`search.sort.${s}`)}</option>)}
              </select>
            </div>
          </div>
          {res.data && (
            <>
              <IncidentList items={res.data.items} words={words} />
              <Pager offset={offset} limit={PAGE} total={res.data.total ?? 0} onPage={(o) => navigate("/search", { ...filters, offset: o || undefined })} />
            </>
          )}
          <Status loading={res.loading && !res.data} error={res.error} />
        </div>
      </div>
    </section>
  );
}
