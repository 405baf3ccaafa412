import { emptyFields, emptyValue, isList } from "../core/fields.js";
import type { Cause, Field, Finding, IncidentDraft, Notice } from "../core/types.js";
import { RuleContext } from "./context.js";
import { Readings } from "./reading.js";
import { RULES } from "./rules/index.js";

/** A field's value read from the findings chosen for it. */
function derive(field: Field, chosen: readonly Finding[]): unknown {
  if (isList(field)) {
    const seen = new Set<string>();
    return chosen.map((f) => f.value).filter((v) => {
      // Words and terms are compared as they are; counts (objects) by their JSON, which never opens with "s".
      const key = typeof v === "string" ? `s${v}` : JSON.stringify(v);
      return !seen.has(key) && seen.add(key);
    });
  }
  const first = chosen[0];
  if (field === "cause") return first ? ({ text: first.text, category: first.value } as Cause) : null;
  return first?.value ?? emptyValue(field);
}

/** Run every rule over one notice of a decoded text; each field's value comes from its findings. Pure. */
export function extractIncident(source: string, notice: Notice, readings = new Readings(source)): IncidentDraft {
  const ctx = new RuleContext(source, notice, readings);
  const confidence: Partial<Record<Field, number>> = {};
  for (const rule of RULES) {
    const byField = new Map<Field, Finding[]>([[rule.field, []]]);
    for (const f of rule.run(ctx)) {
      if (!byField.has(f.field)) byField.set(f.field, []);
      byField.get(f.field)!.push(f);
    }
    for (const [field, chosen] of byField) {
      (ctx.fields as Record<string, unknown>)[field] = derive(field, chosen);
      if (chosen.length) confidence[field] = isList(field) ? Math.max(...chosen.map((f) => f.confidence)) : chosen[0]!.confidence;
    }
  }
  return { fields: { ...emptyFields(), ...ctx.fields }, findings: ctx.findings, confidence, tags: [] };
}
