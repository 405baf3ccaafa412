import type { Period } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { linesOf } from "../scan.js";
import type { DateMention } from "../normalize/dates.js";

const DATE_ONLY_LINE = /^\s*(?:(?:公開|掲載|発表|公表|更新|作成|発行|配信|投稿)日?\s*[:：]?\s*)?(.+?)\s*(?:発表|公表|更新|掲載)?\s*$/;
const DISCOVERY = /判明|発覚|検知|感知|発見|気づ|気付|覚知|(?:ことを|ことが|事実が|形跡が|が|を)確認(?:し|され|いた|でき)|確認(?:しました|いたしました|されました|できました)|(?:連絡|報告|指摘|通報|通知|問い合わせ|申告)を受け|(?:連絡|報告|指摘|問い合わせ|申し出)が(?:あり|ありました)|(?:から|より)[^。\n]{0,70}?(?:連絡|報告|指摘|通報|通知)(?:が|を|$|\s|があ)|と判断/g;
const SAME_DAY = /当日|同日/;
const PUBLISHED_REF = /付(?:け)?(?:で)?[「『]|にて公表|で公表|に公表|にてお知らせ|でお知らせ/;

function dayDates(ctx: RuleContext, from: number, to: number): DateMention[] {
  return ctx.dates.filter((d) => d.day !== null && d.iso !== null && d.start >= from && d.end <= to);
}

/** The notice's own date: the listing or heading date, else a date line at the top or bottom. */
export const disclosedOnRule: Rule<"disclosed_on"> = {
  field: "disclosed_on",
  run(ctx) {
    const listed = ctx.notice.listingDate;
    if (listed) {
      const d = ctx.dates.find((m) => m.iso === listed && m.start < ctx.titleEnd + 1);
      const day = /^\s*(\d{1,2})\s*日/.exec(ctx.text);
      if (d) ctx.find("disclosed_on", listed, d.start, d.end, 0.9, "disclosed_on/heading-date");
      else if (day) ctx.find("disclosed_on", listed, day.index, day.index + day[0].length, 0.85, "disclosed_on/listing-date");
      else ctx.find("disclosed_on", listed, ctx.titleStart, ctx.titleEnd, 0.8, "disclosed_on/container-date");
      return { value: listed, confidence: 0.85 };
    }
    const lines = linesOf(ctx.text).filter((l) => l.text.trim() !== "");
    for (const l of [...lines.slice(0, 6), ...lines.slice(-4)]) {
      if (l.start < ctx.titleEnd && l.end > ctx.titleStart) continue; // the title line
      const m = DATE_ONLY_LINE.exec(l.text);
      const d = dayDates(ctx, l.start, l.end)[0];
      if (!m || !d || d.yearInferred) continue;
      const rest = l.text.replace(ctx.text.slice(d.start, d.end), "").replace(/[\s()（）月火水木金土日曜]|公開|掲載|発表|公表|更新|作成|発行|配信|投稿|[:：]/g, "");
      if (rest.length > 0) continue;
      ctx.find("disclosed_on", d.iso, d.start, d.end, 0.8, "disclosed_on/date-line");
      return { value: d.iso, confidence: 0.8 };
    }
    return { value: null, confidence: 0.5 };
  },
};

/** When the organisation found out: the earliest date stated with 判明・確認・発覚・検知・連絡を受け. */
export const discoveredOnRule: Rule<"discovered_on"> = {
  field: "discovered_on",
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
      const dates = dayDates(ctx, s.start, s.end).filter((d) => !PUBLISHED_REF.test(text.slice(d.end, d.end + 12)));
      const before = dates.filter((d) => d.start < cueAt);
      const d = before.at(-1) ?? dates[0];
      if (d) {
        const gap = text.slice(d.end, cueAt);
        const strength = d.start < cueAt && /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*)?(?:頃|ごろ|時点)?\s*(?:に|、|,|で)?\s*(?:[^、。\s]{0,4}(?:が|を))?\s*$/.test(gap) ? 3
          : d.start - s.start <= 2 && /^\s*(?:[(（][月火水木金土日][)）])?\s*(?:[、,:：]|\s|早朝|未明|深夜|夜|午前|午後)/.test(text.slice(d.end, d.end + 4)) ? 2 : 1;
        consider(d.iso!, d.start, d.end, d.yearInferred ? 0.6 : 0.5 + 0.12 * strength, d.yearInferred ? "discovered_on/cue-date-year-from-context" : "discovered_on/cue-date", strength);
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
    if (!best) return { value: null, confidence: 0.5 };
    const b = best as { iso: string; start: number; end: number; conf: number; rule: string; strength: number };
    ctx.find("discovered_on", b.iso, b.start, b.end, b.conf, b.rule);
    return { value: b.iso, confidence: b.conf };
  },
};

const RANGE_GLUE = /^\s*(?:\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?\s*頃?|\d{1,2}:\d{2}|[(（][月火水木金土日][)）])?\s*(?:から|~|〜|～|－|-|より|―|ー)\s*$/;

/** The period during which data was exposed or the attack lasted: 2021年4月25日～2023年8月21日. */
export const exposurePeriodRule: Rule<"exposure_period"> = {
  field: "exposure_period",
  run(ctx) {
    const ds = ctx.dates;
    for (let i = 0; i + 1 < ds.length; i++) {
      const a = ds[i]!, b = ds[i + 1]!;
      if (!a.iso || !b.iso || !RANGE_GLUE.test(ctx.text.slice(a.end, b.start))) continue;
      if (a.iso > b.iso) continue;
      const value: Period = { from: a.iso, to: b.iso };
      ctx.find("exposure_period", value, a.start, b.end, 0.8, "exposure_period/range");
      return { value, confidence: 0.8 };
    }
    return { value: null, confidence: 0.5 };
  },
};
