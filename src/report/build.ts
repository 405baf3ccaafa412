import type { Field } from "../core/types.js";
import { DATA_TYPE_LABELS } from "../core/vocab/data-types.js";
import type { StatRow, StatsResult } from "../intel/stats.js";
import { INCIDENT_TYPE_LABELS } from "../intel/taxonomies/incident-type.js";
import { TSR_CAUSE_LABELS, TSR_CAUSES, type TsrCause } from "../intel/taxonomies/tsr.js";
import type { IncidentDetail, IncidentSummary } from "../store/types.js";
import { quotesOf, type Texts } from "./quote.js";
import type {
  AnnualReport, BasicLesson, BlockKey, DigestEntry, DigestGroup, IncidentRef, Labelled, Lang, LessonCategory, LessonsReport, MonthlyReport, YearFigures,
} from "./types.js";

/** The findings each block quotes, and how many sentences at most. */
const BLOCK_FIELDS: Readonly<Record<BlockKey, { fields: readonly Field[]; max: number }>> = {
  situation: { fields: ["discovered_on", "incident_types", "affected_count"], max: 2 },
  cause: { fields: ["cause"], max: 2 },
  response: { fields: ["response"], max: 3 },
  leaked: { fields: ["data_types"], max: 2 },
  measures: { fields: ["measures"], max: 5 },
};

/** Taxonomies whose tags a digest entry lists. */
const SHOWN_TAGS = new Set(["tsr_medium", "basics", "attack"]);

const UNKNOWN = { ja: "不明", en: "Unknown" } as const;

/** An incident's TSR cause category (the first tagged), else "unknown". */
function causeOf(i: Pick<IncidentDetail, "tags">): string {
  return i.tags.find((t) => t.taxonomy === "tsr_cause")?.value ?? "unknown";
}

/** The label of a TSR cause key in a language ("unknown" included). */
function causeLabel(key: string, lang: Lang): string {
  return key === "unknown" ? UNKNOWN[lang] : TSR_CAUSE_LABELS[key as TsrCause]?.[lang] ?? key;
}

/** Groups in TSR order, unknown last, empty ones left out. */
function byCause<T>(items: { cause: string; item: T }[], lang: Lang): (Labelled & { items: T[] })[] {
  return [...TSR_CAUSES, "unknown"].map((key) => ({ key, label: causeLabel(key, lang), items: items.filter((i) => i.cause === key).map((i) => i.item) }))
    .filter((g) => g.items.length > 0);
}

/** An incident as a line of a report. */
export function refOf(i: IncidentSummary): IncidentRef {
  return { id: i.id, title: i.title, organization: i.organization, date: i.disclosed_on ?? i.discovered_on, affected_count: i.affected_count };
}

/** One incident of a digest: its facts, sources (first disclosure, then follow-ups) and quoted blocks. */
export function digestEntry(d: IncidentDetail, texts: Texts, lang: Lang): DigestEntry {
  const blocks = Object.fromEntries(Object.entries(BLOCK_FIELDS).map(([k, b]) => [k, quotesOf(d, b.fields, texts, b.max)])) as DigestEntry["blocks"];
  // The situation tells what the other blocks do not: a sentence they quote is left to them, unless it is all there is.
  const told = [...blocks.cause, ...blocks.response, ...blocks.leaked, ...blocks.measures];
  const own = blocks.situation.filter((q) => !told.some((o) => o.document === q.document && o.start < q.end && q.start < o.end));
  if (own.length) blocks.situation = own;
  const seen = new Set<string>();
  return {
    ...refOf(d),
    disclosed_on: d.disclosed_on, discovered_on: d.discovered_on, affected_count_text: d.fields.affected_count_text, tlp: d.tlp,
    types: d.incident_types.map((t) => ({ key: t, label: INCIDENT_TYPE_LABELS[t][lang] })),
    data_types: d.fields.data_types.map((t) => ({ key: t, label: DATA_TYPE_LABELS[t]?.[lang] ?? t })),
    tags: d.tags.filter((t) => SHOWN_TAGS.has(t.taxonomy) && !seen.has(t.value) && seen.add(t.value)).map((t) => ({ key: t.value, label: t.label[lang] })),
    sources: d.notices.map((n, i) => ({ document: n.document, title: n.title, date: n.listing_date ?? n.fetched_at.slice(0, 10), source: n.source, followup: i > 0 })),
    blocks,
  };
}

/** A monthly digest: the month's totals (as `stats` counts them) and its incidents grouped by cause category. */
export function buildMonthly(month: string, totals: StatsResult, incidents: IncidentDetail[], texts: Texts, lang: Lang): MonthlyReport {
  const entries = incidents.map((d) => ({ cause: causeOf(d), item: digestEntry(d, texts, lang) }));
  const groups: DigestGroup[] = byCause(entries, lang).map(({ items, ...g }) => ({
    ...g, entries: items.sort((a, b) => (a.date ?? "").localeCompare(b.date ?? "") || a.title.localeCompare(b.title)),
  }));
  return { kind: "monthly", month, lang, total: totals.total, people: totals.people, unknown_count: totals.unknown_count, groups };
}

/** A year's totals and breakdowns from its tallies by cause, medium, sector and type. */
export function yearFigures(year: string, t: Record<"cause" | "medium" | "sector" | "type", StatsResult>): YearFigures {
  return { year, total: t.cause.total, people: t.cause.people, unknown_count: t.cause.unknown_count, cause: t.cause.rows, medium: t.medium.rows, sector: t.sector.rows, type: t.type.rows };
}

/** Every month of a year in order, from a tally by month (months without incidents as empty rows). */
export function fullYear(year: string, byMonth: StatsResult): StatRow[] {
  const rows = new Map(byMonth.rows.map((r) => [r.key, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const key = `${year}-${String(i + 1).padStart(2, "0")}`;
    return rows.get(key) ?? { key, label: key, incidents: 0, people: 0, median: null, unknown_count: 0 };
  });
}

/** The annual report: the year's figures, its months, the ten largest incidents, the basics most at fault, last year's figures. */
export function buildAnnual(
  figures: YearFigures, months: StatRow[], largest: IncidentSummary[], basics: (StatRow & { examples: IncidentSummary[] })[], previous: YearFigures | null, lang: Lang,
): AnnualReport {
  const lessons: BasicLesson[] = basics.map((b) => ({ key: b.key, label: b.label, incidents: b.incidents, examples: b.examples.map(refOf) }));
  return { kind: "annual", lang, ...figures, month: months, largest: largest.map(refOf), basics: lessons, previous };
}

/** Lessons: per cause category, the incidents, how many announced measures, and those measures quoted from their notices. */
export function buildLessons(year: string, incidents: IncidentDetail[], texts: Texts, lang: Lang): LessonsReport {
  const items = incidents.map((d) => ({ cause: causeOf(d), item: { incident: refOf(d), quotes: quotesOf(d, BLOCK_FIELDS.measures.fields, texts, 12) } }));
  const categories: LessonCategory[] = byCause(items, lang).map(({ items: all, ...g }) => {
    const announced = all.filter((i) => i.quotes.length > 0).sort((a, b) => b.quotes.length - a.quotes.length || a.incident.id.localeCompare(b.incident.id));
    return { ...g, incidents: all.length, with_measures: announced.length, measures: announced.reduce((n, i) => n + i.quotes.length, 0), items: announced };
  });
  return { kind: "lessons", year, lang, total: incidents.length, categories };
}
