import type { Finding, ReportedTo } from "../../core/types.js";
import type { Rule } from "../context.js";
import { hits } from "../scan.js";
import { REPORT_BODIES, REPORT_VERBS } from "../../core/vocab/reported-to.js";

// Advice to readers ("警察へ相談するようお願いしております"); "捜査をお願いしている" reports what the organisation did.
const ADVICE = /ください|下さい|ようお願い|お願い(?!し(?:てい|てお|まし|た)|いたしまし)|ことはありません|ことはございません|伺う|お伺い|装った/;

/** Authorities the organisation reported to or was acted on by (PPC, police, ministry, P-mark). */
export const reportedToRule: Rule<"reported_to"> = {
  field: "reported_to",
  heuristics: [...REPORT_BODIES.map(([body]) => `reported_to/${body}`), "reported_to/regulator"],
  run(ctx) {
    const found = new Map<ReportedTo, Finding>();
    for (const s of ctx.sentences) {
      if (!REPORT_VERBS.test(s.text) || ADVICE.test(s.text)) continue;
      for (const [body, re] of REPORT_BODIES) {
        if (found.has(body)) continue;
        for (const h of hits(re, ctx.text, s.start, s.end)) {
          // A ministry or other body only counts when the sentence says it was contacted or acted.
          const near = ctx.text.slice(h.end, Math.min(s.end, h.end + 40));
          if ((body === "ministry" || body === "other") && !REPORT_VERBS.test(near)) continue;
          if (body === "other" && /カード会社|金融機関|決済代行/.test(h.text) && !/報告|届出|通報/.test(near)) continue;
          if (body === "other" && /教育委員会/.test(h.text)) continue; // the organisation's own hierarchy
          if (body === "ministry" && /^(?:の|である|たる)?個人情報保護委員会/.test(near)) continue; // 監督官庁の個人情報保護委員会
          // "…署": the station's name is the words before it.
          const start = h.text === "署" ? h.start - (/[ぁ-んァ-ヶ一-龥]{1,8}署$/.exec(ctx.text.slice(Math.max(0, h.start - 8), h.end))![0].length - 1) : h.start;
          found.set(body, ctx.find("reported_to", body, start, h.end, 0.85, `reported_to/${body}`));
          break;
        }
      }
    }
    if (ctx.notice.kind === "regulator_action" && /個人情報保護委員会/.test(ctx.text) && !found.has("ppc")) {
      const at = ctx.text.indexOf("個人情報保護委員会");
      found.set("ppc", ctx.find("reported_to", "ppc", at, at + 9, 0.7, "reported_to/regulator"));
    }
    return REPORT_BODIES.flatMap(([body]) => found.get(body) ?? []);
  },
};
