import type { Finding, ReportedTo } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits } from "../scan.js";
import { REPORT_BODIES, REPORT_VERBS } from "../../core/vocab/reported-to.js";

// Advice to readers ("警察へ相談するようお願いしております"); "捜査をお願いしている" reports what the organisation did.
const ADVICE = /ください|下さい|ようお願い|お願い(?!し(?:てい|てお|まし|た)|いたしまし)|ことはありません|ことはございません|伺う|お伺い|装った/;
// A regulator's page that says the organisation reported to it ("当社からの報告書", "報告を求め").
const REPORTED_BACK = /(?:から|より)の報告|報告を(?:受け|求め)|報告徴求/;
const MINISTRY = REPORT_BODIES.find(([body]) => body === "ministry")![1];

// A police force's own name: 〇〇県警察本部, 〇〇県警, 〇〇警察署, 警視庁.
const POLICE = /(?:警察(?:本部|署)?|県警|府警|道警|警視庁)$/;

// A list of what readers are asked to do ("お客さまにご依頼する事項", then "・警察署への被害届出").
const REQUESTS = /ご?依頼|お願い|ください|下さい/;
const ITEM = /^\s*[•・･●○\-*]/;

/** True when the sentence is an item of a list headed by a request to readers. */
function requested(ctx: RuleContext, at: number): boolean {
  let end = ctx.text.lastIndexOf("\n", at - 1);
  for (let k = 0; end > 0 && k < 12; k++) {
    const start = ctx.text.lastIndexOf("\n", end - 1) + 1;
    const line = ctx.text.slice(start, end);
    if (line.trim() !== "" && !ITEM.test(line)) return REQUESTS.test(line);
    end = start - 1;
  }
  return false;
}

/** Where the notice writes its organisation's name. */
function ownNameSpans(ctx: RuleContext): [number, number][] {
  const name = String(ctx.fields.organization ?? "").normalize("NFKC");
  const out: [number, number][] = [];
  for (let at = name.length >= 2 ? ctx.text.indexOf(name) : -1; at >= 0; at = ctx.text.indexOf(name, at + name.length)) out.push([at, at + name.length]);
  return out;
}

/** The bodies the sentences of a notice say it reported to or was acted on by, each with its first mention. */
function reportsIn(ctx: RuleContext): Map<ReportedTo, Finding> {
  const found = new Map<ReportedTo, Finding>();
  const own = ownNameSpans(ctx);
  for (const s of ctx.sentences) {
    if (!REPORT_VERBS.test(s.text) || ADVICE.test(s.text) || (ITEM.test(s.text) && requested(ctx, s.start))) continue;
    for (const [body, re] of REPORT_BODIES) {
      if (found.has(body)) continue;
      for (const h of hits(re, ctx.reading, s.start, s.end)) {
        // A ministry or other body only counts when the sentence says it was contacted or acted: the verb
        // after it in Japanese, before it in English ("reported the attack to the police and the health ministry").
        // The organisation's own name (ひなげし県警察本部は…と発表した) is not a body it reported to.
        if (own.some(([a, b]) => h.start >= a && h.end <= b)) continue;
        // Police writing of their own officer (書類送検, 懲戒処分) report to no police but themselves.
        if (body === "police" && POLICE.test(String(ctx.fields.organization ?? ""))) continue;
        const near = ctx.text.slice(h.end, Math.min(s.end, h.end + 40));
        // (A Japanese name after an English verb too: "Reported to 東海財務局.")
        const before = ctx.text.slice(Math.max(s.start, h.start - 80), h.start);
        const english = (/[A-Za-z]/.test(h.text) && REPORT_VERBS.test(before)) || /\b(?:[Rr]eported|[Nn]otified|[Ii]nformed)\s+(?:it\s+|this\s+)?to\s+(?:the\s+)?[^\s.,;、。]{0,12}$/.test(before);
        if ((body === "ministry" || body === "other") && !REPORT_VERBS.test(near) && !english) continue;
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
  return found;
}

/** Authorities the organisation reported to or was acted on by (PPC, police, ministry, P-mark). */
export const reportedToRule: Rule<"reported_to"> = {
  field: "reported_to",
  heuristics: [...REPORT_BODIES.map(([body]) => `reported_to/${body}`), "reported_to/regulator", "reported_to/regulator-report", "reported_to/case-notice"],
  run(ctx) {
    const found = reportsIn(ctx);
    if (ctx.notice.kind === "regulator_action" && /個人情報保護委員会/.test(ctx.text) && !found.has("ppc")) {
      const at = ctx.text.indexOf("個人情報保護委員会");
      found.set("ppc", ctx.find("reported_to", "ppc", at, at + 9, 0.7, "reported_to/regulator"));
    }
    // A ministry's page on its action that cites the organisation's report to it.
    const ministry = hits(MINISTRY, ctx.reading)[0];
    if (ctx.notice.kind === "regulator_action" && ministry && REPORTED_BACK.test(ctx.text) && !found.has("ministry")) {
      found.set("ministry", ctx.find("reported_to", "ministry", ministry.start, ministry.end, 0.65, "reported_to/regulator-report"));
    }
    // A numbered case was reported where the notice that frames its cases says they were.
    const outer = ctx.framing();
    for (const [body, f] of outer ? reportsIn(outer) : []) {
      if (!found.has(body)) found.set(body, ctx.findInSource("reported_to", body, f.span[0], f.span[1], 0.7, "reported_to/case-notice"));
    }
    return REPORT_BODIES.flatMap(([body]) => found.get(body) ?? []);
  },
};
