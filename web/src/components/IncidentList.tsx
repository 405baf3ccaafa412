import { num, t, term } from "../i18n.js";
import type { IncidentSummary } from "../types.js";
import { Highlight } from "./Highlight.js";
import { Link } from "./Link.js";

/** Incidents as cards: organisation, date, types, people affected, sector (and the matching words when searching). */
export function IncidentList({ items, words = [] }: { items: IncidentSummary[]; words?: string[] }) {
  if (items.length === 0) return <p class="empty">{t("list.empty")}</p>;
  return (
    <ol class="incidents">
      {items.map((i) => (
        <li key={i.id} class="incident-card">
          <h3><Link href={`/incidents/${i.id}`}><Highlight text={i.organization ?? t("list.unknownOrg")} words={words} /></Link></h3>
          <p class="title"><Highlight text={i.title} words={words} /></p>
          {i.snippet && <p class="snippet"><Highlight text={i.snippet} words={words} /></p>}
          <dl class="meta">
            <div><dt>{t("list.date")}</dt><dd>{i.disclosed_on ?? i.discovered_on ?? t("common.unknown")}</dd></div>
            <div><dt>{t("list.types")}</dt><dd>{i.incident_types.length ? i.incident_types.map((x) => term("type", x)).join(t("common.listSep")) : t("common.unknown")}</dd></div>
            <div><dt>{t("list.affected")}</dt><dd>{i.affected_count === null ? t("common.unknown") : t("list.people", { n: num(i.affected_count) })}</dd></div>
            <div><dt>{t("list.sector")}</dt><dd>{i.sector ? term("sector", i.sector) : t("common.unknown")}</dd></div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
