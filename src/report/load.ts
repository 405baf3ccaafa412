import { tally, type StatInput } from "../intel/stats.js";
import type { IncidentDetail, IncidentFilter, Store } from "../store/types.js";
import { buildAnnual, buildLessons, buildMonthly, fullYear, yearFigures } from "./build.js";
import { Texts } from "./quote.js";
import type { AnnualReport, Lang, LessonsReport, MonthlyReport, YearFigures } from "./types.js";


/**
 * Whose report it is: the TLP levels the reader may see (`tlp`), as the list and stats routes pass them
 * to the store; no levels means the casebook's owner, who sees everything. Reports are built only from
 * what the store returns under this filter, so every line and every total counts visible incidents only.
 */
export interface ReportScope {
  tlp?: string[];
  lang: Lang;
}

function period(since: string, until: string, scope: ReportScope): IncidentFilter {
  return { since, until, ...(scope.tlp ? { tlp: scope.tlp } : {}) };
}

/** Every incident matching a filter, in full, with the decoded texts of the documents they draw on. */
async function details(store: Store, filter: IncidentFilter): Promise<{ incidents: IncidentDetail[]; texts: Texts }> {
  const incidents: IncidentDetail[] = [];
  const texts = new Map<string, string | null>();
  for (const s of await store.listIncidents({ ...filter, limit: -1, sort: "oldest" })) {
    const d = await store.getIncident(s.id);
    if (!d) continue;
    incidents.push(d);
    for (const n of d.notices) if (!texts.has(n.document)) texts.set(n.document, (await store.getDocument(n.document))?.text ?? null);
  }
  return { incidents, texts: new Texts(texts) };
}

/** The monthly digest of `month` (YYYY-MM) as the scope's reader may see it. */
export async function monthlyReport(store: Store, month: string, scope: ReportScope): Promise<MonthlyReport> {
  const filter = period(`${month}-01`, `${month}-31`, scope);
  const totals = tally(await store.statInputs(filter), "month", scope.lang);
  const { incidents, texts } = await details(store, filter);
  return buildMonthly(month, totals, incidents, texts, scope.lang);
}

function figuresOf(year: string, inputs: StatInput[], lang: Lang): YearFigures {
  return yearFigures(year, { cause: tally(inputs, "cause", lang), medium: tally(inputs, "medium", lang), sector: tally(inputs, "sector", lang), type: tally(inputs, "type", lang) });
}

/** The annual report of `year` (YYYY) as the scope's reader may see it; statistics come from `tally`, as `jikenbo stats` counts. */
export async function annualReport(store: Store, year: string, scope: ReportScope): Promise<AnnualReport> {
  const filter = period(`${year}-01-01`, `${year}-12-31`, scope);
  const inputs = await store.statInputs(filter);
  const largest = (await store.listIncidents({ ...filter, sort: "affected", limit: 10 })).filter((i) => i.affected_count !== null);
  const basics: Parameters<typeof buildAnnual>[3] = [];
  for (const row of tally(inputs, "basics", scope.lang).rows.filter((r) => r.key !== "unknown").slice(0, 3)) {
    basics.push({ ...row, examples: await store.listIncidents({ ...filter, basics: row.key as NonNullable<IncidentFilter["basics"]>, sort: "affected", limit: 3 }) });
  }
  const prev = String(Number(year) - 1);
  const before = await store.statInputs(period(`${prev}-01-01`, `${prev}-12-31`, scope));
  return buildAnnual(figuresOf(year, inputs, scope.lang), fullYear(year, tally(inputs, "month", scope.lang)), largest, basics,
    before.length ? figuresOf(prev, before, scope.lang) : null, scope.lang);
}

/** The lessons of `year` (YYYY): per cause category, the measures announced, as the scope's reader may see them. */
export async function lessonsReport(store: Store, year: string, scope: ReportScope): Promise<LessonsReport> {
  const { incidents, texts } = await details(store, period(`${year}-01-01`, `${year}-12-31`, scope));
  return buildLessons(year, incidents, texts, scope.lang);
}
