import { kanji2number } from "@geolonia/japanese-numeral";
import type { Count, Finding } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, lineAround } from "../scan.js";

const COUNT = /(?:(?<q0>合計|総計|総数|計)[ \t　]*)?(?:(?<q1>約|最大|およそ|延べ|少なくとも)[ \t　]*)?(?<num>[\d一二三四五六七八九十百千〇][\d,.一二三四五六七八九十百千〇万億]*)[ \t　]*(?<unit>万|億|千)?[ \t　]*(?<ctr>人分|名分|件分|件|名|人|世帯|社|アカウント|口座)(?<q2>以上|超|余り|程度|ほど|強|弱)?/g;
const PEOPLE = /お客様|顧客|会員|利用者|個人情報|生徒|児童|学生|患者|職員|被保険者|組合員|対象者|受講者|応募者|ユーザー|従業員|方|件数|人数|者数|受験者|保護者|卒業生|入居者|取引先|加入者|登録者|購入者|申込者|参加者|データ/;
const LEAK = /漏えい|漏洩|流出|閲覧|可能性|おそれ|恐れ|対象|影響|被害|送信|不正利用|持ち出|紛失|盗難|誤送|含まれ|登録され|盗取/;
const NOT_VICTIMS = /(?:第|毎日|毎月|年間|月間|過去|計画|目標|延べ)\s*$/;

interface Candidate {
  start: number;
  end: number;
  value: number;
  text: string;
  qualifiers: string[];
  score: number;
  people: boolean;
}

/** The nearest heading line above a line (【持ち出した内容】, 2.流出した情報), within five lines. */
function headerAbove(text: string, lineStart: number): string {
  let at = lineStart;
  for (let k = 0; k < 5 && at > 0; k++) {
    const s = text.lastIndexOf("\n", at - 2) + 1;
    const line = text.slice(s, at - 1).trim();
    if (/^(?:【[^】]*】|[\d]+\s*[.．、)]|■|□|[(（]\d+[)）])/.test(line) && line.length < 40) return line;
    at = s;
  }
  return "";
}

function parseNumber(raw: string, unit: string | undefined): number | null {
  const num = raw.replace(/,/g, "");
  let n: number;
  const decimal = /^(\d+\.\d+)([万億千])$/.exec(num);
  if (/^\d+(?:\.\d+)?$/.test(num)) n = Number(num);
  else if (decimal) n = Number(decimal[1]) * ({ 万: 10_000, 億: 100_000_000, 千: 1_000 } as Record<string, number>)[decimal[2]!]!;
  else if (!/[\d一二三四五六七八九〇]/.test(num)) return null;
  else {
    try {
      n = kanji2number(num);
    } catch {
      return null;
    }
    if (!Number.isFinite(n)) return null;
  }
  if (unit === "万") n *= 10_000;
  else if (unit === "億") n *= 100_000_000;
  else if (unit === "千") n *= 1_000;
  return Number.isFinite(n) ? Math.round(n) : null;
}

function candidates(ctx: RuleContext): Candidate[] {
  const text = ctx.text;
  const out: Candidate[] = [];
  for (const h of hits(COUNT, text)) {
    const g = h.groups;
    const value = parseNumber(g.num!, g.unit);
    if (value === null || value <= 0) continue;
    const before = text.slice(Math.max(0, h.start - 16), h.start);
    const after = text.slice(h.end, h.end + 12);
    if (/[\d時年月日]$/.test(before.slice(-1)) || /^\s*(?:日|月|年|時|回|目|条|号|歳|ヶ月|か月)/.test(after)) continue;
    if (/[A-Za-z]\s?$/.test(before)) continue; // "Microsoft 365" is a product, not a count
    if (/^(?:で|だけ|きり|のみで)/.test(after) && value <= 2) continue; // "1人で担当" is not a count of victims
    const [ls, le] = lineAround(text, h.start);
    const sentence = ctx.sentences.find((s) => s.start <= h.start && h.start < s.end)?.text ?? text.slice(ls, le);
    const ctr = g.ctr!;
    const people = /人|名/.test(ctr);
    let score = 1;
    if (LEAK.test(sentence) || LEAK.test(headerAbove(text, ls))) score += 2;
    if (PEOPLE.test(before)) score += 2;
    if (g.q1 || g.q2) score += 1;
    if (g.q0 || /(?:合計|総計|総数|全体で|あわせて|併せて)\s*[:：]?\s*$/.test(before)) score += 2; // a stated total beats its parts
    if (value <= 2 && /(?:従業員|職員|社員|担当者|作業員|派遣社員|教員|教職員)\s*$/.test(before)) score -= 4;
    if (/分$/.test(ctr)) score += 1;
    if (h.start < ctx.titleEnd) score += 1;
    if (ctr === "社" || ctr === "口座") score -= 3;
    if (ctr === "アカウント" || /アカウント\s*$/.test(before)) score -= 2;
    if (NOT_VICTIMS.test(before)) score -= 5;
    if (/(?:うち|内訳|内、)\s*[^。]{0,12}$/.test(before)) score -= 1;
    const qualifiers = [g.q0, g.q1, g.q2].filter((q): q is string => !!q);
    if (/可能性|おそれ|恐れ/.test(text.slice(h.end, h.end + 40))) qualifiers.push("可能性");
    out.push({ start: h.start, end: h.end, value, text: h.text.trim(), qualifiers, score, people });
  }
  return out;
}

/** Counts of people listed group by group with no total: "4名分及び生徒532名分", two list lines. */
function groupSum(ctx: RuleContext, list: Candidate[], best: Candidate): Candidate[] | null {
  if (!best.people || !/分$/.test(best.text)) return null;
  const text = ctx.text;
  if (/合計|総計|総数|計\s*\d/.test(text)) return null;
  const group = list.filter((c) => c.people && /分$/.test(c.text) && c.score >= best.score - 2);
  if (group.length < 2) return null;
  // Members must sit together: in one sentence, or on neighbouring lines.
  group.sort((a, b) => a.start - b.start);
  const together: Candidate[] = [group[0]!];
  for (const c of group.slice(1)) {
    const prev = together[together.length - 1]!;
    const between = text.slice(prev.end, c.start);
    const sameSentence = !/[。]/.test(between) && /及び|および|と|、|並びに|,/.test(between) && between.length < 40;
    const nextLine = (between.match(/\n/g) ?? []).length === 1 && between.length < 60;
    if (sameSentence || nextLine) together.push(c);
    else if (together.includes(best)) break;
    else together.splice(0, together.length, c);
  }
  if (together.length < 2 || !together.includes(best)) return null;
  const values = new Set(together.map((c) => c.value));
  return values.size === together.length ? together : null;
}

/** The headline count of affected people or records, with the other counts kept. */
export const affectedCountRule: Rule<"affected_count"> = {
  field: "affected_count",
  heuristics: ["affected_count/headline", "affected_count/sum-of-groups", "affected_count_text/headline", "affected_count_text/sum-of-groups", "secondary_counts/listed"],
  run(ctx) {
    const list = candidates(ctx).filter((c) => c.score >= 1);
    if (list.length === 0) return [];
    const best = [...list].sort((a, b) => b.score - a.score || b.value - a.value)[0]!;
    const sum = groupSum(ctx, list, best);
    const out: Finding[] = [];
    if (sum) {
      // The groups' total: one finding over the words from the first group to the last.
      const [first, last] = [sum[0]!, sum.at(-1)!];
      const value = sum.reduce((n, c) => n + c.value, 0);
      out.push(ctx.find("affected_count", value, first.start, last.end, 0.6, "affected_count/sum-of-groups"));
      out.push(ctx.find("affected_count_text", sum.map((c) => c.text).join(" + "), first.start, last.end, 0.6, "affected_count_text/sum-of-groups"));
    } else {
      const conf = Math.min(0.95, 0.45 + 0.1 * best.score);
      out.push(ctx.find("affected_count", best.value, best.start, best.end, conf, "affected_count/headline"));
      out.push(ctx.find("affected_count_text", best.text, best.start, best.end, conf, "affected_count_text/headline"));
    }
    const seen = new Set((sum ?? [best]).map((c) => c.value));
    for (const c of list) {
      if (seen.has(c.value) || c.score < 2) continue;
      seen.add(c.value);
      const count: Count = { value: c.value, text: c.text, qualifiers: c.qualifiers };
      out.push(ctx.find("secondary_counts", count, c.start, c.end, 0.5, "secondary_counts/listed"));
    }
    return out;
  },
};
