import { useEffect } from "preact/hooks";
import { reportBody } from "../../../src/report/render/html.js";
import { REPORT_CSS } from "../../../src/report/render/style.js";
import type { Report } from "../../../src/report/types.js";
import { Link } from "../components/Link.js";
import { Status } from "../components/Status.js";
import { useApi } from "../data.js";
import { num, t, useLang } from "../i18n.js";
import "./reports.css";

/** GET /stats?by=month|year rows: what the index lists. */
interface Breakdown {
  rows: { key: string; incidents: number }[];
}

let adopted = false;

/** The reports' stylesheet, adopted once (the UI's policy forbids inline styles, not constructed sheets). */
function useReportStyle(): void {
  useEffect(() => {
    if (adopted) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(REPORT_CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    adopted = true;
  }, []);
}

/** /reports: every month and year that has incidents the reader may see, newest first. */
export function ReportsIndex() {
  const [lang] = useLang();
  const months = useApi<Breakdown>("/stats", { by: "month", lang });
  const years = useApi<Breakdown>("/stats", { by: "year", lang });
  const list = (b: Breakdown | undefined) => (b?.rows ?? []).filter((r) => r.key !== "unknown").reverse();
  return (
    <div class="reports">
      <h1>{t("reports.title")}</h1>
      <p class="hint">{t("reports.intro")} <a href="/feeds/reports/monthly.atom">{t("reports.feed")}</a></p>
      <Status loading={months.loading || years.loading} error={months.error ?? years.error} />
      {years.data && (
        <section aria-labelledby="rep-years">
          <h2 id="rep-years">{t("reports.annual")} · {t("reports.lessons")}</h2>
          {list(years.data).length === 0 ? <p class="empty">{t("reports.none")}</p> : (
            <ul class="report-list">
              {list(years.data).map((r) => (
                <li key={r.key}>
                  <Link href={`/reports/annual/${r.key}`}>{r.key}</Link> · <Link href={`/reports/lessons/${r.key}`}>{t("reports.lessons")}</Link>
                  <span class="hint"> {t("reports.count", { n: num(r.incidents) })}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {months.data && list(months.data).length > 0 && (
        <section aria-labelledby="rep-months">
          <h2 id="rep-months">{t("reports.monthly")}</h2>
          <ul class="report-list months">
            {list(months.data).map((r) => (
              <li key={r.key}><Link href={`/reports/monthly/${r.key}`}>{r.key}</Link><span class="hint"> {t("reports.count", { n: num(r.incidents) })}</span></li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

/** /reports/monthly/YYYY-MM, /reports/annual/YYYY, /reports/lessons/YYYY: the report the API assembles, rendered by the same code as the CLI's HTML. */
export function ReportPage({ kind, period }: { kind: "monthly" | "annual" | "lessons"; period: string }) {
  const [lang] = useLang();
  useReportStyle();
  const { data, error, loading } = useApi<Report>(`/reports/${kind}/${encodeURIComponent(period)}`, { lang });
  return (
    <div class="reports">
      <p class="report-tools no-print">
        <Link href="/reports">← {t("reports.back")}</Link>
        <button type="button" onClick={() => print()}>{t("reports.print")}</button>
      </p>
      <Status loading={loading} error={error} />
      {/* The renderer escapes every text it is given (notices quote attackers' mails and markup). */}
      {data && <div class="report-view" dangerouslySetInnerHTML={{ __html: reportBody(data, { base: "" }) }} />}
    </div>
  );
}
