import type { Finding } from "../../core/types.js";
import type { Rule } from "../context.js";
import { hits } from "../scan.js";
import { REGULATOR_NAME, orgKey } from "../../core/vocab/organizations.js";
import { orgNamesIn } from "../names.js";

// A place named as such (東京都港区, 青森県六ケ所村) is an address, not a party, unless it is a client (X市様).
const PLACE = /[都道府県市区町村]$/;
const CLIENT = /^\s*(?:様|さま|殿|御中)/;
const LIST_NUMBER = /^[(（]?\d{1,2}[.．、)）]/;
const REGULATOR_WORD = new RegExp(REGULATOR_NAME, "g");

/**
 * Where a roundup's victim shares its sentence with the victims enumerated after it (「緑川町、および東都技術大学
 * からも被害が」): those are hit alike, not parties to its incident. An empty range for other notices.
 */
function fellowVictims(text: string, victim: string | undefined): [number, number] {
  const at = victim ? text.indexOf(victim.normalize("NFKC")) : -1;
  if (at < 0) return [0, -1];
  const end = /[。\n]|\.\s/.exec(text.slice(at));
  return [at, end ? at + end.index : text.length];
}

// A line that says something (a clause, a title's について) is no unit's name.
const UNIT_NOT = /[。、をにがへ]|について|に関する/;

/**
 * The lines of the writer's own units: the line that names the organisation in a letterhead or signature, and a
 * line standing alone next to it (国立大学法人みさき大学 / 情報基盤センター), name its departments, not parties.
 */
function unitLines(text: string, orgFindings: readonly Finding[], titleEnd: number): [number, number][] {
  const out: [number, number][] = [];
  const unit = (a: number, b: number) => a >= titleEnd && b - a <= 30 && !UNIT_NOT.test(text.slice(a, b));
  for (const f of orgFindings) {
    const [from, to] = f.span;
    const lineStart = text.lastIndexOf("\n", from - 1) + 1;
    const lineEnd = text.indexOf("\n", to) < 0 ? text.length : text.indexOf("\n", to);
    // Only a line that holds the name and little else: a letterhead's or a signature's.
    if (text.slice(lineStart, lineEnd).trim().length > f.span[1] - f.span[0] + 12) continue;
    // The rest of that line names a unit too ("国土保全省 地域整備局").
    out.push([lineStart, lineEnd]);
    const after = lineEnd + 1;
    const afterEnd = text.indexOf("\n", after) < 0 ? text.length : text.indexOf("\n", after);
    if (after < text.length && unit(after, afterEnd)) out.push([after, afterEnd]);
    const beforeStart = text.lastIndexOf("\n", lineStart - 2) + 1;
    if (lineStart > 0 && unit(beforeStart, lineStart - 1)) out.push([beforeStart, lineStart - 1]);
  }
  return out;
}

/** Vendors, contractors, platforms, regulators and clients named beside the organisation. */
export const otherPartiesRule: Rule<"other_parties"> = {
  field: "other_parties",
  heuristics: ["other_parties/named", "other_parties/legal-name", "other_parties/regulator"],
  run(ctx) {
    const org = orgKey(ctx.fields.organization ?? "");
    const out: Finding[] = [];
    const seen = new Set<string>();
    const consider = (name: string, start: number, end: number, conf: number, rule: string) => {
      const key = orgKey(name);
      if (key.length < 2 || seen.has(key) || (org && (key.includes(org) || org.includes(key)))) return;
      seen.add(key);
      out.push(ctx.find("other_parties", name.replace(/\s+(?=社$)/, ""), start, end, conf, rule));
    };
    // The regulator that acted, in a regulator's notice.
    if (ctx.notice.kind === "regulator_action") {
      const reg = hits(REGULATOR_WORD, ctx.reading)[0];
      if (reg) consider(reg.text, reg.start, reg.end, 0.8, "other_parties/regulator");
    }
    const fellows = fellowVictims(ctx.text, ctx.notice.victim?.name);
    const units = unitLines(ctx.text, ctx.findings.filter((f) => f.field === "organization"), ctx.titleEnd);
    for (const h of orgNamesIn(ctx.reading)) {
      if (PLACE.test(h.name) && !CLIENT.test(ctx.text.slice(h.end, h.end + 3))) continue;
      if (h.start >= fellows[0] && h.end <= fellows[1]) continue;
      if (units.some(([a, b]) => h.start >= a && h.end <= b)) continue;
      // A numbered section's heading (4.当局への報告) names a kind of body, not one.
      if (LIST_NUMBER.test(h.name)) continue;
      consider(h.name, h.start, h.end, h.legal ? 0.7 : 0.55, h.legal ? "other_parties/legal-name" : "other_parties/named");
    }
    return out;
  },
};
