import { indicatorsOf } from "../../intel/indicators/index.js";
import type { Rule } from "../context.js";

/**
 * Attacker-side emails, URLs, domains, IPs and hashes written in the notice (spoofed senders,
 * phishing links, hijacked accounts), refanged; the organisation's own contacts and site,
 * recipients and placeholders are left out. Classification lives in src/intel/indicators.
 */
export const indicatorsRule: Rule<"indicators"> = {
  field: "indicators",
  run(ctx) {
    const out: string[] = [];
    for (const i of indicatorsOf(ctx.text, { organization: ctx.fields.organization ?? null })) {
      if (i.role !== "attacker") continue;
      out.push(i.value);
      ctx.find("indicators", i.value, i.start, i.end, i.confidence, `indicators/${i.kind}`);
    }
    return { value: out, confidence: out.length ? Math.max(...ctx.findings.filter((f) => f.field === "indicators").map((f) => f.confidence)) : 0.5 };
  },
};
