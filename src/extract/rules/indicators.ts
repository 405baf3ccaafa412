import { indicatorsOf, OBSERVABLE_KINDS } from "../../intel/indicators/index.js";
import type { Rule } from "../context.js";

/**
 * Attacker-side emails, URLs, domains, IPs and hashes written in the notice (spoofed senders,
 * phishing links, hijacked accounts), refanged; the organisation's own contacts and site,
 * recipients and placeholders are left out. Classification lives in src/intel/indicators.
 */
export const indicatorsRule: Rule<"indicators"> = {
  field: "indicators",
  heuristics: OBSERVABLE_KINDS.map((kind) => `indicators/${kind}`),
  run(ctx) {
    return indicatorsOf(ctx.text, { organization: ctx.fields.organization ?? null })
      .filter((i) => i.role === "attacker")
      .map((i) => ctx.find("indicators", i.value, i.start, i.end, i.confidence, `indicators/${i.kind}`));
  },
};
