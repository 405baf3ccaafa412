import { num, t, term } from "../i18n.js";
import type { FacetCounts, IncidentList } from "../types.js";
import { href } from "../url.js";
import { Link } from "./Link.js";

type FacetName = keyof NonNullable<IncidentList["facets"]>;

/** How a facet's keys read: vocabulary labels, TLP markings or years as they are. */
const LABEL: Record<FacetName, (k: string) => string> = {
  type: (k) => term("type", k), sector: (k) => term("sector", k), cause: (k) => term("tsr", k), basics: (k) => term("basics", k),
  tlp: (k) => `TLP:${k}`, year: (k) => k,
};

/** The query a facet value links to (clicking an active value removes its filter), or null for the unknown sector (counts only). */
function target(name: FacetName, key: string, query: Record<string, string>): Record<string, string> | null {
  const base: Record<string, string> = { ...query };
  delete base.offset;
  if (name === "year") {
    return query.since === `${key}-01-01` && query.until === `${key}-12-31` ? { ...base, since: "", until: "" } : { ...base, since: `${key}-01-01`, until: `${key}-12-31` };
  }
  if (name === "sector" && key === "unknown") return null;
  return { ...base, [name]: query[name] === key ? "" : key };
}

/** One facet: values with counts; filterable ones toggle their filter in the URL. */
function Facet({ name, counts, query }: { name: FacetName; counts: FacetCounts; query: Record<string, string> }) {
  if (counts.length === 0) return null;
  return (
    <section class="facet" aria-labelledby={`facet-${name}`}>
      <h3 id={`facet-${name}`}>{t(`facet.${name}`)}</h3>
      <ul>
        {counts.map(({ key, count }) => {
          const to = target(name, key, query);
          const active = to !== null && (name === "year" ? query.since === `${key}-01-01` && query.until === `${key}-12-31` : query[name] === key);
          const label = <><span class="facet-label">{LABEL[name](key)}</span> <span class="count">{num(count)}</span></>;
          return (
            <li key={key}>
              {to ? <Link href={href("/search", to)} class={active ? "active" : undefined} aria-current={active ? "true" : undefined}>{label}</Link> : <span class="static">{label}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Every facet of a search, in a disclosure that starts folded on narrow screens. */
export function Facets({ facets, query }: { facets: NonNullable<IncidentList["facets"]>; query: Record<string, string> }) {
  const order: FacetName[] = ["type", "cause", "sector", "year", "tlp", "basics"];
  // Open beside the results on wide screens; folded above them on narrow ones, so the results come first.
  const wide = matchMedia("(min-width: 901px)").matches;
  return (
    <aside class="facets" aria-label={t("facet.label")}>
      <details open={wide}>
        <summary>{t("facet.label")}</summary>
        <div class="facet-list">{order.map((n) => <Facet key={n} name={n} counts={facets[n]} query={query} />)}</div>
      </details>
    </aside>
  );
}
