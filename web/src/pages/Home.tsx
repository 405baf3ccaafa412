import { IncidentList } from "../components/IncidentList.js";
import { Link } from "../components/Link.js";
import { Status } from "../components/Status.js";
import { useApi } from "../data.js";
import { num, t } from "../i18n.js";
import type { IncidentList as List, Stats } from "../types.js";

/** `YYYY-MM-DD` of a date. */
function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Incidents and people affected since a date. */
function Figure({ label, since }: { label: string; since?: string }) {
  const s = useApi<Stats>("/stats", { by: "year", since });
  return (
    <div class="figure">
      <h3>{label}</h3>
      {s.data ? (
        <dl>
          <div><dt>{t("home.incidents")}</dt><dd class="big">{num(s.data.total)}</dd></div>
          <div><dt>{t("home.people")}</dt><dd class="big">{num(s.data.people)}</dd></div>
          <div><dt>{t("home.unknownCount")}</dt><dd>{num(s.data.unknown_count)}</dd></div>
        </dl>
      ) : <Status loading={s.loading} error={s.error} />}
    </div>
  );
}

/** Home: headline figures for this year, the last 12 months and the whole casebook, and the latest incidents. */
export function HomePage() {
  const latest = useApi<List>("/incidents", { limit: 12, facets: "false" });
  const now = new Date();
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(now.getUTCFullYear() - 1);
  yearAgo.setUTCDate(yearAgo.getUTCDate() + 1);
  return (
    <section class="home">
      <h1>{t("home.title")}</h1>
      <div class="figures">
        <Figure label={t("home.thisYear", { year: now.getUTCFullYear() })} since={`${now.getUTCFullYear()}-01-01`} />
        <Figure label={t("home.last12")} since={day(yearAgo)} />
        <Figure label={t("home.allTime")} />
      </div>
      <div class="section-head">
        <h2>{t("home.latest")}</h2>
        <Link href="/search">{t("home.searchAll")}</Link>
      </div>
      {latest.data ? <IncidentList items={latest.data.items} /> : <Status loading={latest.loading} error={latest.error} />}
    </section>
  );
}
