import type { Field, IncidentDraft, IncidentFields, Notice } from "../core/types.js";
import { RuleContext } from "./context.js";
import { RULES } from "./rules/index.js";

/** An incident with every field present and empty. */
export function emptyFields(): IncidentFields {
  return {
    organization: null, other_parties: [], disclosed_on: null, discovered_on: null, exposure_period: null,
    incident_types: [], affected_count: null, affected_count_text: null, secondary_counts: [], data_types: [],
    reported_to: [], sector: null, indicators: [], cause: null, response: [], measures: [], status: "unknown",
    casebook_id: null,
  };
}

/** Run every rule over one notice of a decoded text. Pure. */
export function extractIncident(source: string, notice: Notice): IncidentDraft {
  const ctx = new RuleContext(source, notice);
  const confidence: Partial<Record<Field, number>> = {};
  for (const rule of RULES) {
    const { value, confidence: c } = rule.run(ctx);
    (ctx.fields as Record<string, unknown>)[rule.field] = value;
    confidence[rule.field] = c;
  }
  const fields = { ...emptyFields(), ...ctx.fields };
  if (fields.affected_count_text !== null) confidence.affected_count_text = confidence.affected_count;
  return { fields, findings: ctx.findings, confidence, tags: [] };
}
