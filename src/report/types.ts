import type { StatRow } from "../intel/stats.js";

/** Languages reports are written in. */
export type Lang = "ja" | "en";

/** A sentence of an archived notice, exactly `text.slice(start, end)` of its document's decoded text. */
export interface Quote {
  /** SHA-256 of the archived document. */
  document: string;
  start: number;
  end: number;
  text: string;
  /** True when a long sentence was cut to the words around the finding (the renderer marks the cut with …). */
  clipped_before: boolean;
  clipped_after: boolean;
}

/** The blocks of a digest entry, in the order they are shown: 【状況】【原因】【対応】【流出情報】【再発防止策】. */
export const BLOCKS = ["situation", "cause", "response", "leaked", "measures"] as const;
/** One block of a digest entry. */
export type BlockKey = (typeof BLOCKS)[number];

/** A key with its label in the report's language. */
export interface Labelled {
  key: string;
  label: string;
}

/** An archived notice an incident draws on: the first disclosure or a follow-up (続報). */
export interface SourceNotice {
  document: string;
  title: string;
  /** The date the listing gives the notice, else when it was fetched. */
  date: string | null;
  /** Where it was read from (URL or file). */
  source: string;
  followup: boolean;
}

/** An incident as a list line of a report: enough to name it and link to it. */
export interface IncidentRef {
  id: string;
  title: string;
  organization: string | null;
  date: string | null;
  affected_count: number | null;
}

/** One incident of a monthly digest, its blocks quoted from its notices. */
export interface DigestEntry extends IncidentRef {
  disclosed_on: string | null;
  discovered_on: string | null;
  affected_count_text: string | null;
  tlp: string;
  types: Labelled[];
  data_types: Labelled[];
  tags: Labelled[];
  sources: SourceNotice[];
  /** Every block, each with the notice's sentences that state it (none: not stated). */
  blocks: Record<BlockKey, Quote[]>;
}

/** The digest's incidents of one TSR cause category. */
export interface DigestGroup extends Labelled {
  entries: DigestEntry[];
}

/** `jikenbo report monthly`: every incident of a month, grouped by cause category. */
export interface MonthlyReport {
  kind: "monthly";
  month: string;
  lang: Lang;
  total: number;
  people: number;
  unknown_count: number;
  groups: DigestGroup[];
}

/** The totals and breakdowns of one year. */
export interface YearFigures {
  year: string;
  total: number;
  people: number;
  unknown_count: number;
  cause: StatRow[];
  medium: StatRow[];
  sector: StatRow[];
  type: StatRow[];
}

/** One of the three basics with how many incidents broke it and a few of them. */
export interface BasicLesson extends Labelled {
  incidents: number;
  examples: IncidentRef[];
}

/** `jikenbo report annual`: a year's incidents and people affected by cause, medium, sector, month and type. */
export interface AnnualReport extends YearFigures {
  kind: "annual";
  lang: Lang;
  /** Every month of the year, in order, months without incidents included. */
  month: StatRow[];
  /** The ten incidents that affected the most people. */
  largest: IncidentRef[];
  /** The basics most often at fault (up to three), most incidents first. */
  basics: BasicLesson[];
  /** The previous year, when the casebook holds incidents of it. */
  previous: YearFigures | null;
}

/** An incident's announced measures, quoted. */
export interface MeasureQuote {
  incident: IncidentRef;
  quotes: Quote[];
}

/** The measures announced after incidents of one cause category. */
export interface LessonCategory extends Labelled {
  incidents: number;
  /** Incidents whose notices announce measures. */
  with_measures: number;
  /** Measures quoted, over all incidents of the category. */
  measures: number;
  items: MeasureQuote[];
}

/** `jikenbo report lessons`: per cause category, the measures (再発防止策) organisations announced. */
export interface LessonsReport {
  kind: "lessons";
  year: string;
  lang: Lang;
  total: number;
  categories: LessonCategory[];
}

/** Any report. */
export type Report = MonthlyReport | AnnualReport | LessonsReport;
