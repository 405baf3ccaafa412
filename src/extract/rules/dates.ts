import type { Period } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { linesOf } from "../scan.js";
import type { DateMention } from "../normalize/dates.js";

// What may stand beside a date on a date line: labels, brackets, a weekday, a time.
const DATE_LINE_NOISE = /[\s()（）【】\[\]〔〕<>＜＞:：]|[月火水木金土日](?:曜日?)?|\d{1,2}:\d{2}(?::\d{2})?|午前|午後|公開|掲載|発表|公表|更新|追記|作成|発行|配信|投稿|日付|日時|最終|版|第\d+報/g;
const DISCOVERY = /判明|発覚|検知|感知|発見|気づ|気付|覚知|不審に思|異変|(?:問い合わせ|お問い合わせ|相談|ご連絡|連絡|指摘|通報|申し出)(?:を|が)(?:いただ|寄せられ|あり)|(?:上司|管理者|責任者|所属長|情報システム[^。\n]{0,6})に(?:報告|連絡|相談)し|(?:ことを|ことが|事実が|形跡が|が|を)確認(?:し|され|いた|でき|$)|確認(?:しました|いたしました|されました|できました)|(?:連絡|報告|指摘|通報|通知|問い合わせ|申告)を受け|(?:連絡|報告|指摘|問い合わせ|申し出)が(?:あり|ありました)|(?:から|より)[^。\n]{0,70}?(?:連絡|報告|指摘|通報|通知)(?:が|を|$|\s|があ)|と判断/g;
const SAME_DAY = /当日|同日/;
// A date that starts a period ("1月4日 21:00頃より発生", "2月27日深夜から") is an onset, not a discovery.
const ONSET = /^\s*(?:[(（][月火水木金土日][)）])?\s*(?:\d{1,2}\s*[:時]\s*\d{0,2}\s*分?)?\s*(?:頃|ごろ)?\s*(?:深夜|早朝|未明|午前|午後|夜)?\s*(?:より|から)(?:発生|続いて|継続|断続)/;
const PUBLISHED_REF = /付(?:け)?(?:で)?[「『]|にて公表|で公表|に公表|にてお知らせ|でお知らせ/;

function dayDates(ctx: RuleContext, from: number, to: number): DateMention[] {
  return ctx.dates.filter((d) => d.day !== null && d.iso !== null && d.start >= from && d.end <= to);
}

/** The notice's own date: the listing or heading date, else a date line at the top or bottom. */
export const disclosedOnRule: Rule<"disclosed_on"> = {
  field: "disclosed_on",
  heuristics: ["disclosed_on/heading-date", "disclosed_on/listing-date", "disclosed_on/container-date", "disclosed_on/date-line"],
  run(ctx) {
    const listed = ctx.notice.listingDate;
    if (listed) {
      const d = ctx.dates.find((m) => m.iso === listed && m.start < ctx.titleEnd + 1);
      const day = /^\s*(\d{1,2})\s*日/.exec(ctx.text);
      if (d) return [ctx.find("disclosed_on", listed, d.start, d.end, 0.9, "disclosed_on/heading-date")];
      if (day) return [ctx.find("disclosed_on", listed, day.index, day.index + day[0].length, 0.85, "disclosed_on/listing-date")];
      return [ctx.find("disclosed_on", listed, ctx.titleStart, ctx.titleEnd, 0.8, "disclosed_on/container-date")];
    }
    // Lines holding nothing but a date (and a label, brackets, a weekday or a time). A posting
    // date (掲載・公開・発表) wins, then a plain date line at the top or bottom, then an update date.
    const lines = linesOf(ctx.text).filter((l) => l.text.trim() !== "" && !(l.start < ctx.titleEnd && l.end > ctx.titleStart));
    const edge = new Set([...lines.slice(0, 6), ...lines.slice(-4)]);
    let best: { d: DateMention; rank: number } | null = null;
    for (const l of lines) {
      const d = dayDates(ctx, l.start, l.end)[0];
      if (!d || d.yearInferred) continue;
      const rest = l.text.replace(ctx.text.slice(d.start, d.end), "").replace(DATE_LINE_NOISE, "");
      if (rest.length > 0) continue;
      const rank = /掲載|公開|発表|公表|投稿|作成|発行/.test(l.text) ? 3 : /更新|追記/.test(l.text) ? 1 : edge.has(l) ? 2 : 0;
      if (rank > 0 && (!best || rank > best.rank)) best = { d, rank };
    }
    return best ? [ctx.find("disclosed_on", best.d.iso, best.d.start, best.d.end, 0.5 + 0.1 * best.rank, "disclosed_on/date-line")] : [];
  },
};

/** When the organisation found out: the earliest date stated with 判明・確認・発覚・検知・連絡を受け. */
export const discoveredOnRule: Rule<"discovered_on"> = {
  field: "discovered_on",
  heuristics: ["discovered_on/cue-date", "discovered_on/cue-date-year-from-context", "discovered_on/previous-sentence-date", "discovered_on/today", "discovered_on/same-day", "discovered_on/labelled"],
  run(ctx) {
    const text = ctx.text;
    // Strength: 3 = the date is what the cue is about ("2月5日に判明"), 2 = the sentence opens
    // with the date ("令和6年1月26日、…判明"), 1 = another date in the cue's sentence.
    let best: { iso: string; start: number; end: number; conf: number; rule: string; strength: number } | null = null;
    const consider = (iso: string, start: number, end: number, conf: number, rule: string, strength: number) => {
      if (!best || strength > best.strength || (strength === best.strength && iso < best.iso)) best = { iso, start, end, conf, rule, strength };
    };
    for (const s of ctx.sentences) {
      if (s.end <= ctx.titleEnd) continue;
      DISCOVERY.lastIndex = 0;
      let cue = DISCOVERY.exec(s.text);
      while (cue && /^(?:れる|される|する|した)?(?:前|以前)/.test(s.text.slice(cue.index + cue[0].length))) cue = DISCOVERY.exec(s.text);
      if (!cue) continue;
      const cueAt = s.start + cue.index;
      const dates = dayDates(ctx, s.start, s.end).filter((d) => !PUBLISHED_REF.test(text.slice(d.end, d.end + 12)) && !ONSET.test(text.slice(d.end, d.end + 20)));
      const before = dates.filter((d) => d.start < cueAt);
      const d = before.at(-1) ?? dates[0];
      if (d) {
        const gap = text.slice(d.end, cueAt);
        const strength = d.start < cueAt && /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*)?(?:頃|ごろ|時点)?\s*(?:に|、|,|で)?\s*(?:[^、。\s]{0,4}(?:が|を))?\s*$/.test(gap) ? 3
          : d.start - s.start <= 2 && /^\s*(?:[(（][月火水木金土日][)）])?\s*(?:[、,:：]|\s|早朝|未明|深夜|夜|午前|午後)/.test(text.slice(d.end, d.end + 4)) ? 2 : 1;
        consider(d.iso!, d.start, d.end, d.yearInferred ? 0.6 : 0.5 + 0.12 * strength, d.yearInferred ? "discovered_on/cue-date-year-from-context" : "discovered_on/cue-date", strength);
        continue;
      }
      const prev = ctx.sentences[ctx.sentences.indexOf(s) - 1];
      const prevDate = prev && prev.end > ctx.titleEnd && text.slice(prev.end, s.start).split("\n").length <= 2 ? dayDates(ctx, prev.start, prev.end).at(-1) : undefined;
      if (prevDate && !PUBLISHED_REF.test(text.slice(prevDate.end, prevDate.end + 12))) {
        consider(prevDate.iso!, prevDate.start, prevDate.end, 0.55, "discovered_on/previous-sentence-date", 1);
        continue;
      }
      const today = /本日|きょう/.exec(s.text);
      if (today && ctx.fields.disclosed_on) {
        consider(ctx.fields.disclosed_on, s.start + today.index, s.start + today.index + today[0].length, 0.7, "discovered_on/today", 2);
        continue;
      }
      const same = SAME_DAY.exec(s.text);
      if (same) {
        const prev = dayDates(ctx, 0, s.start).at(-1);
        if (prev) consider(prev.iso!, s.start + same.index, s.start + same.index + same[0].length, 0.6, "discovered_on/same-day", 1);
      }
    }
    // "判明日: 2025年3月11日" or a "●判明日時" heading with the date on the next line says it outright.
    const labelled = /(?:判明|発覚|発見|検知|覚知|認知)(?:した)?(?:日時|日|の日時)\s*[:：]?\s*\n?\s*/.exec(text);
    if (labelled) {
      const d = dayDates(ctx, labelled.index + labelled[0].length, Math.min(text.length, labelled.index + labelled[0].length + 24))[0];
      if (d && d.start === labelled.index + labelled[0].length) consider(d.iso!, d.start, d.end, 0.9, "discovered_on/labelled", 4);
    }
    if (!best) return [];
    const b = best as { iso: string; start: number; end: number; conf: number; rule: string; strength: number };
    return [ctx.find("discovered_on", b.iso, b.start, b.end, b.conf, b.rule)];
  },
};

const RANGE_GLUE = /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*頃?|\d{1,2}:\d{2}|[(（][月火水木金土日][)）])?\s*(?:から|~|〜|～|－|-|より|―|ー)\s*$/;

/** The period during which data was exposed or the attack lasted: 2021年4月25日～2023年8月21日. */
export const exposurePeriodRule: Rule<"exposure_period"> = {
  field: "exposure_period",
  heuristics: ["exposure_period/range"],
  run(ctx) {
    const ds = ctx.dates;
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ds[i]!, b = ds[i + 1]!;
      if (!a.iso || !b.iso || !RANGE_GLUE.test(ctx.text.slice(a.end, b.start))) continue;
      if (a.iso > b.iso) continue;
      const value: Period = { from: a.iso, to: b.iso };
      return [ctx.find("exposure_period", value, a.start, b.end, 0.8, "exposure_period/range")];
    }
    return [];
  },
};
