import type { DataType } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, linesOf, negated } from "../scan.js";
import { DATA_TYPE_PHRASES, OTHER_DATA } from "../vocab/data-types.js";

const LEAK = /漏えい|漏洩|流出|閲覧|含まれ|持ち出|盗取|窃取|盗まれ|可能性|おそれ|恐れ|対象|被害|悪用|誤提供|提供し|提供され|暗号化され|表示され|送付|誤送|紛失|盗難|不正に取得|取得され|アクセスされ/;
const SECTION_HEAD = /(?:情報|内容|項目|データ)/;
const SECTION_LEAK = /漏|流出|閲覧|可能性|持ち出|盗取|窃取|おそれ|恐れ|対象|含まれ|紛失|盗難|誤送|誤送付|誤表示|表示され|影響/;
const DATA_HEAD = /^(?:[\d]+\s*[.．、)]?\s*|[【(（■□●◆]\s*)?(?:データ(?:の)?内容|情報の(?:内容|項目)|対象(?:となる)?(?:個人)?情報|(?:流出|漏えい|漏洩|紛失|盗難|誤送付|誤送信)(?:した)?(?:個人)?情報|持ち出(?:した|された)?(?:内容|情報)|記載(?:内容|項目))[】)）]?$/;
// Data named as a safeguard or an attack step, not as exposed data.
const PROTECTION = /^\s*(?:の)?(?:設定|保護|をかけ|付き|ロック|による|で保護|が破られ|を破ら|が推測|を推測|の(?:変更|管理|強化)|管理|を用い|を使用し|を使っ|を悪用|を入手|を使い回|の使い回|を(?:変更|リセット))/;
const INTRO = /(?:以下|次)の(?:とおり|通り)|下記の(?:とおり|通り)|は以下|は次/;
const ADVICE = /ください|お願い(?:いた)?し|ご注意|お勧め|おすすめ|ご確認|ご留意|ご利用されている場合|変更をお願い/;
const NEW_SECTION = /^\s*(?:\d+\s*[.．、)]|[①-⑳]|【|■|□|◆|◇|●|[(（]\d+[)）]|第.{1,2}[章節]|[1-9]\s)/;

/** Regions of the notice that list leaked data: data sections and sentences about the leak. */
function dataRegions(ctx: RuleContext): [number, number][] {
  const text = ctx.text;
  const regions: [number, number][] = [];
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    const header = (t.length < 70 && SECTION_HEAD.test(t) && SECTION_LEAK.test(t) && !/。$/.test(t)) || DATA_HEAD.test(t);
    const intro = INTRO.test(t) && LEAK.test(t) && /情報|データ|項目/.test(t);
    if (!header && !intro) continue;
    regions.push([l.start, l.end]);
    let taken = 0;
    for (let j = i + 1; j < lines.length && taken < 20; j++) {
      const n = lines[j]!;
      const nt = n.text.trim();
      if (nt === "") continue;
      if (taken > 0 && NEW_SECTION.test(nt) && !/[(（]\d+[)）]/.test(nt.slice(0, 4)) && !/^【[^】]*(?:情報|内容)[^】]*】/.test(nt)) break;
      if (nt.length > 200) break;
      regions.push([n.start, n.end]);
      taken++;
    }
  }
  for (const s of ctx.sentences) {
    if (LEAK.test(s.text) && !ADVICE.test(s.text)) regions.push([s.start, s.end]);
  }
  return regions;
}

/** Kinds of personal data the notice says were (possibly) exposed, minus what it rules out. */
export const dataTypesRule: Rule<"data_types"> = {
  field: "data_types",
  run(ctx) {
    const text = ctx.text;
    const found = new Map<DataType, number>();
    const seen = new Set<string>();
    for (const [from, to] of dataRegions(ctx)) {
      const key = `${from}:${to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const taken: [number, number][] = [];
      const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
      for (const [type, re] of DATA_TYPE_PHRASES) {
        for (const h of hits(re, text, from, to)) {
          if (overlaps(h.start, h.end)) continue;
          taken.push([h.start, h.end]);
          if (negated(text, h.start, h.end)) continue;
          if ((type === "password" || type === "login_id") && PROTECTION.test(text.slice(h.end, h.end + 8))) continue;
          if (!found.has(type)) ctx.find("data_types", type, h.start, h.end, 0.85, "data_types/phrase");
          found.set(type, (found.get(type) ?? 0) + 1);
        }
      }
      if (taken.length === 0 && !/信用情報|注文内容|購入履歴/.test(text.slice(from, to))) continue;
      for (const h of hits(OTHER_DATA, text, from, to)) {
        if (overlaps(h.start, h.end) || negated(text, h.start, h.end)) continue;
        if (!found.has("other")) ctx.find("data_types", "other", h.start, h.end, 0.6, "data_types/other");
        found.set("other", 1);
      }
    }
    const value = [...found.keys()];
    return { value, confidence: value.length ? 0.8 : 0.5 };
  },
};
