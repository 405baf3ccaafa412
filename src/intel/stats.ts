import type { IncidentType, Label, Sector, Tag } from "../core/types.js";
import { BASIC_INFO, type Basic } from "./taxonomies/basics.js";
import { INCIDENT_TYPE_LABELS } from "./taxonomies/incident-type.js";
import { SECTOR_LABELS } from "./taxonomies/sector.js";
import { TSR_CAUSE_LABELS, TSR_MEDIUM_LABELS, type TsrCause, type TsrMedium } from "./taxonomies/tsr.js";

/** What statistics can be broken down by. */
export const STAT_DIMENSIONS = ["type", "cause", "medium", "sector", "month", "year", "basics", "affected"] as const;
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

/** Incidents of one row under one value of a second dimension. */
export interface SplitCell {
  key: string;
  label: string;
  incidents: number;
}

/** One row of a breakdown: incidents, people affected (total and median), incidents without a count. */
export interface StatRow {
  key: string;
  label: string;
  incidents: number;
  people: number;
  median: number | null;
  unknown_count: number;
  /** With a split: the row's incidents under each value of the second dimension. */
  split?: SplitCell[];
}

/** A breakdown as `jikenbo stats --json` prints it. */
export interface StatsResult {
  by: StatDimension;
  /** The second dimension each row is broken down by, when asked for. */
  split?: StatDimension;
  total: number;
  people: number;
  unknown_count: number;
  rows: StatRow[];
}

/** Lower bounds of the people-affected buckets, one per power of ten; the last is open-ended. */
const AFFECTED_BOUNDS = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000] as const;

/** The people-affected bucket keys in order: "0" (only when some notice says nobody), "1-9", …, "1000000+". */
export const AFFECTED_BUCKETS: readonly string[] = ["0", ...AFFECTED_BOUNDS.map((lo, i) => (i + 1 < AFFECTED_BOUNDS.length ? `${lo}-${lo * 10 - 1}` : `${lo}+`))];

function affectedBucket(n: number): { key: string; label: Label } {
  const i = AFFECTED_BOUNDS.findLastIndex((lo) => n >= lo);
  if (i < 0) return { key: "0", label: { ja: "0人", en: "0" } };
  const lo = AFFECTED_BOUNDS[i]!;
  const f = (x: number) => x.toLocaleString("en-US");
  return i + 1 < AFFECTED_BOUNDS.length
    ? { key: `${lo}-${lo * 10 - 1}`, label: { ja: `${f(lo)}～${f(lo * 10 - 1)}人`, en: `${f(lo)}–${f(lo * 10 - 1)}` } }
    : { key: `${lo}+`, label: { ja: `${f(lo)}人以上`, en: `${f(lo)} or more` } };
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
    case "affected": {
      if (i.affected_count === null) return [];
      const b = affectedBucket(i.affected_count);
      return [{ key: b.key, label: b.label[lang] }];
    }
  }
}

/** How rows of a dimension sort: unknown last; dates and people-affected buckets in their own order, others by incidents. */
function order(by: StatDimension): (a: { key: string; incidents: number }, b: { key: string; incidents: number }) => number {
  const rank = (k: string) => AFFECTED_BUCKETS.indexOf(k);
  return (a, b) => (a.key === "unknown" ? (b.key === "unknown" ? 0 : 1) : b.key === "unknown" ? -1
    : by === "month" || by === "year" ? a.key.localeCompare(b.key)
    : by === "affected" ? rank(a.key) - rank(b.key)
    : b.incidents - a.incidents || a.key.localeCompare(b.key));
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : Math.round((s[m - 1]! + s[m]!) / 2);
}

/** An incident's keys under a dimension, or the one "unknown" key. */
function keysOrUnknown(i: StatInput, by: StatDimension, lang: "ja" | "en"): { key: string; label: string }[] {
  const keys = keysOf(i, by, lang);
  return keys.length ? keys : [{ key: "unknown", label: UNKNOWN[lang] }];
}

/**
 * Tally incidents the way TSR and JNSA tables do: per key, how many incidents, how many people
 * affected in total and at the median, and how many gave no count. An incident with several
 * types counts under each; one with none counts under "unknown". Dates sort in time order,
 * people-affected buckets (every one from 1–9 to 1,000,000 or more listed, even when empty) by
 * size, other keys by incidents. With `split`, each row also counts its incidents under a second
 * dimension (months by type for a stacked chart).
 */
export function tally(incidents: StatInput[], by: StatDimension, lang: "ja" | "en" = "ja", split?: StatDimension): StatsResult {
  const rows = new Map<string, { label: string; incidents: number; counts: number[]; unknown: number; split: Map<string, SplitCell> }>();
  const row = (key: string, label: string) => {
    const r = rows.get(key) ?? { label, incidents: 0, counts: [], unknown: 0, split: new Map<string, SplitCell>() };
    rows.set(key, r);
    return r;
  };
  if (by === "affected") for (const lo of AFFECTED_BOUNDS) { const b = affectedBucket(lo); row(b.key, b.label[lang]); }
  for (const i of incidents) {
    for (const k of keysOrUnknown(i, by, lang)) {
      const r = row(k.key, k.label);
      r.incidents++;
      if (i.affected_count === null) r.unknown++;
      else r.counts.push(i.affected_count);
      if (split) {
        for (const s of keysOrUnknown(i, split, lang)) {
          const cell = r.split.get(s.key) ?? { key: s.key, label: s.label, incidents: 0 };
          cell.incidents++;
          r.split.set(s.key, cell);
        }
      }
    }
  }
  const counted = incidents.filter((i) => i.affected_count !== null);
  const out: StatRow[] = [...rows].map(([key, r]) => ({
    key, label: r.label, incidents: r.incidents, people: r.counts.reduce((a, b) => a + b, 0), median: median(r.counts), unknown_count: r.unknown,
    ...(split ? { split: [...r.split.values()].sort(order(split)) } : {}),
  }));
  out.sort(order(by));
  return {
    by, ...(split ? { split } : {}), total: incidents.length, people: counted.reduce((a, i) => a + i.affected_count!, 0),
    unknown_count: incidents.length - counted.length, rows: out,
  };
}
