import { DATA_TYPES, INCIDENT_TYPES, REPORTED_TO, SECTORS, type CauseCategory } from "../../src/core/types.js";
import { num, t, term } from "./i18n.js";

/** The incident fields in the order the incident page shows them. */
export const FIELD_ORDER = [
  "organization", "disclosed_on", "discovered_on", "incident_types", "affected_count", "affected_count_text", "secondary_counts",
  "data_types", "sector", "cause", "exposure_period", "reported_to", "response", "measures", "indicators", "other_parties", "status", "casebook_id",
] as const;

/** TLP levels, least restricted first. */
export const TLP_LEVELS = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"] as const;

const CAUSES = ["vulnerability", "misconfiguration", "credential", "malware", "phishing", "insider", "human_error", "loss", "theft", "vendor", "hardware", "unknown"] as const satisfies readonly CauseCategory[];

/** How a field is edited: one of a vocabulary, several of one, free text lines, or a typed single value. */
export type Editor =
  | { kind: "text" | "date" | "number" }
  | { kind: "choice" | "multi"; vocab: string; options: readonly string[] }
  | { kind: "lines" | "period" | "cause" };

/** The editor of each correctable field (secondary_counts is not correctable). */
export const EDITORS: Record<string, Editor> = {
  organization: { kind: "text" }, affected_count_text: { kind: "text" }, casebook_id: { kind: "text" },
  disclosed_on: { kind: "date" }, discovered_on: { kind: "date" }, affected_count: { kind: "number" },
  incident_types: { kind: "multi", vocab: "type", options: INCIDENT_TYPES },
  data_types: { kind: "multi", vocab: "data", options: DATA_TYPES },
  reported_to: { kind: "multi", vocab: "reported", options: REPORTED_TO },
  sector: { kind: "choice", vocab: "sector", options: SECTORS },
  status: { kind: "choice", vocab: "status", options: ["investigating", "resolved", "unknown"] },
  tlp: { kind: "choice", vocab: "tlp", options: TLP_LEVELS },
  other_parties: { kind: "lines" }, indicators: { kind: "lines" }, response: { kind: "lines" }, measures: { kind: "lines" },
  exposure_period: { kind: "period" }, cause: { kind: "cause" },
};

/** Cause categories, for the cause editor. */
export const CAUSE_CATEGORIES: readonly string[] = CAUSES;

/** Vocabulary kinds of list fields, for labels. */
const LIST_VOCAB: Record<string, string> = { incident_types: "type", data_types: "data", reported_to: "reported", response: "response" };

/** A field's value as the lines of text the page shows (empty when there is none). */
export function showValue(field: string, value: unknown): string[] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) {
    return value.map((v) => {
      if (typeof v === "string") return LIST_VOCAB[field] ? term(LIST_VOCAB[field], v) : v;
      const c = v as { text?: string; value?: number };
      return c.text ?? String(c.value ?? JSON.stringify(v));
    });
  }
  switch (field) {
    case "affected_count": return [t("list.people", { n: num(Number(value)) })];
    case "sector": return [term("sector", String(value))];
    case "status": return [term("status", String(value))];
    case "cause": {
      const c = value as { text: string; category: string };
      return [`${term("cause", c.category)}: ${c.text}`];
    }
    case "exposure_period": {
      const p = value as { from: string | null; to: string | null };
      return [t("incident.period", { from: p.from ?? "?", to: p.to ?? "?" })];
    }
    default: return [String(value)];
  }
}
