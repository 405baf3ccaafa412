import type { IncidentType } from "../../core/types.js";
import type { Rule } from "../context.js";
import { hits, negated } from "../scan.js";
import { INCIDENT_TYPE_PHRASES } from "../../core/vocab/incident-types.js";

const ATTACKS: IncidentType[] = ["ransomware", "unauthorized_access", "malware", "web_skimming", "account_takeover", "phishing", "ddos", "defacement", "credential_stuffing", "support_scam"];
// Advice to readers mentions attack words without saying they happened.
const ADVICE = /ご注意|ください|下さい|お願い|場合は|場合には|注意喚起(?!のお知らせ)|対策(?:の|を)?(?:強化|徹底|実施)|防止/;

/** What happened, as types from the vocabulary, with the words that say so. */
export const incidentTypesRule: Rule<"incident_types"> = {
  field: "incident_types",
  heuristics: [...INCIDENT_TYPE_PHRASES.map(([type]) => `incident_types/${type}`), "incident_types/regulator-notice", "incident_types/regulator-notice-other", "incident_types/skimming-implies-intrusion", "incident_types/defacement-implies-intrusion", "incident_types/ransomware-implies-intrusion"],
  run(ctx) {
    const text = ctx.text;
    const found = new Map<IncidentType, { start: number; end: number; conf: number; rule: string }>();
    const sentenceAt = (at: number) => ctx.sentences.find((s) => s.start <= at && at < s.end);
    // A listing's category label (内部不正/ミス) names a column, not what happened.
    const category = ctx.notice.category;
    const inCategory = (at: number) => category !== null && at >= ctx.titleStart && at < ctx.titleStart + category.length;
    for (const [type, re, conf] of INCIDENT_TYPE_PHRASES) {
      for (const h of hits(re, text)) {
        if (negated(text, h.start, h.end)) continue;
        const inTitle = h.start < ctx.titleEnd;
        const s = sentenceAt(h.start);
        const lure = /ください|下さい/.test(h.text);
        if (!inTitle && !lure && s && ADVICE.test(s.text) && !/(?:受け|され|発生|判明|確認|発覚)(?:まし)?た/.test(s.text)) continue;
        if (inCategory(h.start)) continue;
        if (!found.has(type)) found.set(type, { start: h.start, end: h.end, conf: inTitle ? Math.min(1, conf + 0.05) : conf, rule: `incident_types/${type}` });
      }
    }
    const has = (t: IncidentType) => found.has(t);
    const implied = (t: IncidentType, from: IncidentType, conf: number, why: string) => {
      const f = found.get(from)!;
      found.set(t, { start: f.start, end: f.end, conf, rule: `incident_types/${why}` });
    };
    // Ransomware is delivered by an intrusion; its "virus" is not a separate malware finding.
    if (has("ransomware")) found.delete("malware");
    if (has("support_scam")) found.delete("malware"); // the "virus" was the fake warning
    if (has("web_skimming")) found.delete("defacement");
    const attacked = ATTACKS.some(has);
    if (attacked) { found.delete("system_failure"); found.delete("misconfiguration"); }
    if (has("loss") || has("theft") || has("misdelivery") || has("insider") || has("misconfiguration")) found.delete("system_failure");
    if (has("misdelivery") || has("loss") || has("theft")) found.delete("misconfiguration");
    if (ctx.notice.kind === "regulator_action" && !has("regulatory_action")) {
      found.set("regulatory_action", { start: ctx.titleStart, end: ctx.titleEnd, conf: 0.8, rule: "incident_types/regulator-notice" });
    }
    const specific = [...found.keys()].filter((t) => t !== "regulatory_action" && t !== "other");
    if (specific.length > 0) found.delete("other");
    else if (has("regulatory_action") && !has("other")) {
      found.set("other", { start: ctx.titleStart, end: ctx.titleEnd, conf: 0.4, rule: "incident_types/regulator-notice-other" });
    }
    // Skimming code was planted by someone who got in.
    if (has("web_skimming") && !has("unauthorized_access")) implied("unauthorized_access", "web_skimming", 0.7, "skimming-implies-intrusion");
    // A page changed by someone outside was reached without authorisation.
    if (has("defacement") && !has("unauthorized_access") && /第三者|外部から|何者か|攻撃者|不正/.test(text)) implied("unauthorized_access", "defacement", 0.6, "defacement-implies-intrusion");
    if (has("ddos") && has("unauthorized_access") && !/不正アクセス|不正ログイン|侵入|不正通信/.test(text)) found.delete("unauthorized_access");
    // Credential stuffing is the account access; only an explicit takeover adds account_takeover.
    if (has("credential_stuffing") && !/乗っ取|乗取/.test(text)) found.delete("account_takeover");
    // Ransomware came in through an intrusion when the notice says so.
    if (has("ransomware") && !has("unauthorized_access") && /侵入|外部から|リモート|VPN|RDP|攻撃者|第三者による/.test(text)) implied("unauthorized_access", "ransomware", 0.7, "ransomware-implies-intrusion");
    const order = INCIDENT_TYPE_PHRASES.map(([t]) => t);
    return [...found].sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
      .map(([type, f]) => ctx.find("incident_types", type, f.start, f.end, f.conf, f.rule));
  },
};
