import type { IncidentType, Label, Sector, Tag } from "../core/types.js";
import { BASIC_INFO, type Basic } from "./taxonomies/basics.js";
import { INCIDENT_TYPE_LABELS } from "./taxonomies/incident-type.js";
import { SECTOR_LABELS } from "./taxonomies/sector.js";
import { TSR_CAUSE_LABELS, TSR_MEDIUM_LABELS, type TsrCause, type TsrMedium } from "./taxonomies/tsr.js";

/** What statistics can be broken down by. */
export const STAT_DIMENSIONS = ["type", "cause", "medium", "sector", "month", "year", "basics"] as const;
/** One breakdown dimension. */
export type StatDimension = (typeof STAT_DIMENSIONS)[number];

/** What the tally needs of one incident. */
export interface StatInput {
  event_date: string | null;
  sector: Sector | null;
  affected_count: number | null;
  incident_types: IncidentType[];
  tags: Tag[];
}

/** One row of a breakdown: incidents, people affected (total and median), incidents without a count. */
export interface StatRow {
  key: string;
  label: string;
  incidents: number;
  people: number;
  median: number | null;
  unknown_count: number;
}

/** A breakdown as `jikenbo stats --json` prints it. */
export interface StatsResult {
  by: StatDimension;
  total: number;
  people: number;
  unknown_count: number;
  rows: StatRow[];
}

const UNKNOWN: Label = { ja: "不明", en: "unknown" };

function keysOf(i: StatInput, by: StatDimension, lang: "ja" | "en"): { key: string; label: string }[] {
  const tag = (taxonomy: string) => i.tags.filter((t) => t.taxonomy === taxonomy).map((t) => ({ key: t.value, label: t.label[lang] }));
  switch (by) {
    case "type":
      return i.incident_types.map((t) => ({ key: t, label: INCIDENT_TYPE_LABELS[t][lang] }));
    case "cause":
      return tag("tsr_cause").map((t) => ({ key: t.key, label: TSR_CAUSE_LABELS[t.key as TsrCause]?.[lang] ?? t.label }));
    case "medium":
      return tag("tsr_medium").map((t) => ({ key: t.key, label: TSR_MEDIUM_LABELS[t.key as TsrMedium]?.[lang] ?? t.label }));
    case "sector":
      return i.sector ? [{ key: i.sector, label: SECTOR_LABELS[i.sector][lang] }] : [];
    case "month":
      return i.event_date ? [{ key: i.event_date.slice(0, 7), label: i.event_date.slice(0, 7) }] : [];
    case "year":
      return i.event_date ? [{ key: i.event_date.slice(0, 4), label: i.event_date.slice(0, 4) }] : [];
    case "basics":
      return tag("basics").map((t) => ({ key: t.key, label: BASIC_INFO[t.key as Basic]?.label[lang] ?? t.label }));
  }
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

/**
 * Tally incidents the way TSR and JNSA tables do: per key, how many incidents, how many people
 * affected in total and at the median, and how many gave no count. An incident with several
 * types counts under each; one with none counts under "unknown". Dates sort in time order,
 * other keys by incidents.
 */
export function tally(incidents: StatInput[], by: StatDimension, lang: "ja" | "en" = "ja"): StatsResult {
  const rows = new Map<string, { label: string; incidents: number; counts: number[]; unknown: number }>();
  for (const i of incidents) {
    const keys = keysOf(i, by, lang);
    for (const k of keys.length ? keys : [{ key: "unknown", label: UNKNOWN[lang] }]) {
      const r = rows.get(k.key) ?? { label: k.label, incidents: 0, counts: [], unknown: 0 };
      r.incidents++;
      if (i.affected_count === null) r.unknown++;
      else r.counts.push(i.affected_count);
      rows.set(k.key, r);
    }
  }
  const counted = incidents.filter((i) => i.affected_count !== null);
  const out: StatRow[] = [...rows].map(([key, r]) => ({
    key, label: r.label, incidents: r.incidents, people: r.counts.reduce((a, b) => a + b, 0), median: median(r.counts), unknown_count: r.unknown,
  }));
  const chronological = by === "month" || by === "year";
  out.sort((a, b) => (a.key === "unknown" ? 1 : b.key === "unknown" ? -1 : chronological ? a.key.localeCompare(b.key) : b.incidents - a.incidents || a.key.localeCompare(b.key)));
  return {
    by, total: incidents.length, people: counted.reduce((a, i) => a + i.affected_count!, 0),
    unknown_count: incidents.length - counted.length, rows: out,
  };
}
