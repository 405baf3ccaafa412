import type { Sector } from "../../core/types.js";
import type { Rule } from "../context.js";
import { hits } from "../scan.js";
import { SECTOR_CUES } from "../../core/vocab/sectors.js";
import { LEGAL_FORM } from "../../core/vocab/organizations.js";

const CLIENT = /^\s*(?:様|さま|殿)/;

/** True inside a line that lists many names ("A/B/C/D"): a roll of others, not the organisation. */
function inNameList(text: string, at: number): boolean {
  const s = text.lastIndexOf("\n", at) + 1;
  let e = text.indexOf("\n", at);
  if (e < 0) e = text.length;
  return (text.slice(s, e).match(/\//g) ?? []).length >= 3;
}

/** The sector of the organisation, or of the service the incident hit when one is named. */
export const sectorRule: Rule<"sector"> = {
  field: "sector",
  heuristics: ["sector/cues", "sector/card-leak-from-purchases", "sector/company-without-cues"],
  run(ctx) {
    const org = ctx.fields.organization ?? "";
    const scores = new Map<Sector, { score: number; start: number; end: number }>();
    const add = (s: Sector, w: number, start: number, end: number) => {
      const cur = scores.get(s);
      if (cur) cur.score += w;
      else scores.set(s, { score: w, start, end });
    };
    const orgAt = org ? ctx.text.indexOf(org) : -1;
    // A prefecture, city or ward named as the organisation is a public body.
    const gov = /(?:[都道府県市区町村]|[市区町村]役(?:所|場)|[都道府県]庁|省|庁)$/.exec(org.split(/\s+/)[0] ?? "");
    if (gov) add("government", 3, orgAt >= 0 ? orgAt : ctx.titleStart, orgAt >= 0 ? orgAt + org.length : ctx.titleEnd);
    for (const [sector, re, weight] of SECTOR_CUES) {
      if (org && re.test(org)) add(sector, weight * 2, orgAt >= 0 ? orgAt : ctx.titleStart, orgAt >= 0 ? orgAt + org.length : ctx.titleEnd);
      let body = 0;
      for (const h of hits(re, ctx.text)) {
        if (inNameList(ctx.text, h.start)) continue;
        if (ctx.notice.category && h.start >= ctx.titleStart && h.start < ctx.titleStart + ctx.notice.category.length) continue;
        if (CLIENT.test(ctx.text.slice(h.end, h.end + 3))) continue; // "高岡市民病院様": a client, not the organisation
        if (h.start < ctx.titleEnd) add(sector, weight, h.start, h.end);
        else if (body < 3) { add(sector, weight / 2, h.start, h.end); body++; }
      }
    }
    // The publisher's header line often says what the organisation does.
    const pub = ctx.notice.publisher;
    if (pub && pub.span[1] <= ctx.notice.span[0]) {
      const header = ctx.source.slice(pub.span[0], Math.min(ctx.notice.span[0], pub.span[1] + 120)).normalize("NFKC");
      for (const [sector, re, weight] of SECTOR_CUES) if (re.test(header)) add(sector, weight, ctx.titleStart, ctx.titleEnd);
    }
    // A card leak from an online purchase is an EC incident, whatever the company makes.
    const types = ctx.fields.data_types ?? [];
    const shop = /購入|カード決済|ショッピング|ショップ|通販|ECサイト/.exec(ctx.text);
    if (types.includes("credit_card_number") && shop) {
      return [ctx.find("sector", "retail_ec", shop.index, shop.index + shop[0].length, 0.75, "sector/card-leak-from-purchases")];
    }
    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score);
    const top = ranked[0];
    if (top && top[1].score >= 1.5) {
      const conf = Math.min(0.9, 0.4 + 0.08 * top[1].score - (ranked[1] ? 0.05 * ranked[1][1].score : 0));
      return [ctx.find("sector", top[0], top[1].start, top[1].end, Math.max(0.3, conf), "sector/cues")];
    }
    // A company whose notice says enough to judge, with nothing sector-specific in it.
    const body = ctx.body.replace(/^.*(?:経緯|概要|対応|原因|について|お客様|情報)\s*$/gm, "").trim();
    if (org && (new RegExp(LEGAL_FORM).test(org) || /社$/.test(org)) && body.length >= 60) {
      return [ctx.find("sector", "other", ctx.titleStart, ctx.titleEnd, 0.3, "sector/company-without-cues")];
    }
    return [];
  },
};
