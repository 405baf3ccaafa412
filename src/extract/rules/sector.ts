import type { DataType, Finding, Sector } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, lineAround, matchesOf, type Hit } from "../scan.js";
import { ENGLISH_SECTOR_CUES, GENERIC_NAME_TAIL, LEGAL_FORM_SECTORS, NAME_SECTORS, OPERATED_SHOP, PUBLIC_BODY, SECTOR_CUES } from "../../core/vocab/sectors.js";
import { BUSINESS_KIND, BUSINESS_KINDS, LEGAL_FORM, SELF_REFERENCE_WORD, SELF_REFERENCES } from "../../core/vocab/organizations.js";
import { hasLegalForm, orgNameOf, selfReferencesIn, tellsOfUnnamedBody } from "../names.js";

const CLIENT = /^\s*(?:様|さま|殿)/;
// A school, hospital or museum a prefecture or city runs: 県立高等学校, 市立病院.
const PUBLIC_INSTITUTION = /[都道府県市区町村]立[^\s、。]{0,12}?(?:高等学校|高校|中学校|小学校|特別支援学校|学校|幼稚園|保育園|大学|病院|医療センター|診療所|美術館|博物館)/;
const LEGAL_FORMS = new RegExp(LEGAL_FORM, "g");
// An English legal form closing a name ("Kawase Precision Co., Ltd."): the ending before it tells the business.
const ENGLISH_LEGAL_FORM = /,?\s*(?:Co\.,?\s*Ltd\.?|Co\.?|Inc\.?|Corp(?:oration|\.)?|Ltd\.?|LLC|K\.K\.)$/;

/** True inside a line that lists many names ("A/B/C/D"): a roll of others, not the organisation. */
function inNameList(text: string, at: number): boolean {
  const s = text.lastIndexOf("\n", at) + 1;
  let e = text.indexOf("\n", at);
  if (e < 0) e = text.length;
  return (text.slice(s, e).match(/\//g) ?? []).length >= 3;
}

/** True inside a breadcrumb ("ホーム > くらし > 住宅・建築"): the site's menu, not the notice. */
function inBreadcrumb(text: string, at: number): boolean {
  const [s, e] = lineAround(text, at);
  return /[>＞›»]\s*\S.*[>＞›»]/.test(text.slice(s, e));
}

/**
 * True for a cue that speaks of others than the organisation: a roll of names, a menu, the page's
 * category, a client (高岡市民病院様), customers (自治体向け, 歯科医院向け, 取引先自治体), work farmed out (配送業務を委託),
 * an item of a list of data (氏名、金融機関、口座番号).
 */
function aside(ctx: RuleContext, h: Hit): boolean {
  const { text } = ctx;
  if (inNameList(text, h.start) || inBreadcrumb(text, h.start)) return true;
  if (ctx.notice.category && h.start >= ctx.titleStart && h.start < ctx.titleStart + ctx.notice.category.length) return true;
  const after = text.slice(h.end, h.end + 12);
  if (CLIENT.test(after) || /^[^、。\s]{0,4}向け/.test(after) || /^[^、。]{0,4}を(?:再)?委託/.test(after) || text.slice(Math.max(0, h.start - 3), h.start) === "取引先") return true;
  return inDataList(text, h.start);
}

/** True inside brackets that enumerate data items: "(法人名、代表者名、金融機関、口座番号 等)". */
function inDataList(text: string, at: number): boolean {
  const open = text.lastIndexOf("(", at);
  if (open < 0 || at - open > 80 || text.lastIndexOf(")", at) > open) return false;
  const close = text.indexOf(")", at);
  const inside = text.slice(open, close < 0 ? at + 40 : close);
  return (inside.match(/、/g) ?? []).length >= 2;
}

// A shop's or an inn's name that opens on its kind of business (ホテルくすのき), and the sector of each kind.
const BUSINESS_AT_START = new RegExp(`^(?:${BUSINESS_KIND})(?=\\S{2})`);
const BUSINESS_SECTOR = new Map(BUSINESS_KINDS);

/**
 * The sector an organisation's name says: its ending, then its place (a prefecture's centre), then a kind of business
 * before it (ホテルくすのき), then the word before a generic ending (住宅 of いろは住宅サービス), then its legal form.
 */
function sectorOfName(name: string): { sector: Sector; by: "org-name" | "name-word" | "legal-form" } | null {
  const bare = (orgNameOf(name) ?? name).replace(LEGAL_FORMS, "").replace(ENGLISH_LEGAL_FORM, "").replace(/\s+/g, "");
  for (const [sector, re] of NAME_SECTORS) if (re.test(bare)) return { sector, by: "org-name" };
  if (PUBLIC_BODY.test(bare)) return { sector: "government", by: "org-name" };
  const kind = BUSINESS_AT_START.exec(bare)?.[0];
  if (kind) return { sector: BUSINESS_SECTOR.get(kind)!, by: "org-name" };
  const stem = bare.replace(GENERIC_NAME_TAIL, "");
  // Not a place's one-character ending (宅都 of 宅都グループ is no prefecture).
  if (stem.length >= 2 && stem !== bare) for (const [sector, re] of NAME_SECTORS) if (sector !== "government" && re.test(stem)) return { sector, by: "name-word" };
  for (const [sector, re] of LEGAL_FORM_SECTORS) if (re.test(name)) return { sector, by: "legal-form" };
  return null;
}

/** Evidence for one sector: its weight and the words that carry the most of it. */
interface Support {
  score: number;
  start: number;
  end: number;
  top: number;
  rule: string;
  inSource: boolean;
  /** The notice the weightiest words stand in, when not this one (a numbered case's notice). */
  from?: RuleContext;
}

// What the notice that frames a numbered case says weighs half what the case says itself.
const FRAMING_SHARE = 0.5;

/** The case's own support, and half its notice's: "IIJが提供する各種サービスで…" frames each of its cases. */
function supportWithFraming(ctx: RuleContext): Map<Sector, Support> {
  const scores = supportOf(ctx);
  const outer = ctx.framing();
  // A case about a body it does not name (ある会員企業では) has none of its collector's sector.
  if (!outer || tellsOfUnnamedBody(ctx.text)) return scores;
  for (const [sector, o] of supportOf(outer)) {
    const cur = scores.get(sector);
    const w = o.top * FRAMING_SHARE;
    if (!cur) scores.set(sector, { ...o, score: o.score * FRAMING_SHARE, top: w, rule: "sector/case-notice", from: outer });
    else {
      cur.score += o.score * FRAMING_SHARE;
      if (w > cur.top) Object.assign(cur, { start: o.start, end: o.end, top: w, rule: "sector/case-notice", inSource: o.inSource, from: outer });
    }
  }
  return scores;
}

// The sector of the self-references that imply one.
const SELF_SECTOR = new Map(SELF_REFERENCES.filter((r) => r.sector !== null).map((r) => [r.word, r.sector!]));

// How much each kind of evidence weighs, and the confidence of a sector read from it.
const WEIGHTS = { "org-name": 10, "public-institution": 11, description: 11, "own-business": 8, "name-word": 6, "legal-form": 3, "self-reference": 4 } as const;
const CONFIDENCE = { "org-name": 0.85, "name-word": 0.7, "public-institution": 0.75, description: 0.75, "own-business": 0.7, "page-publisher": 0.7, "legal-form": 0.6, "self-reference": 0.8, cues: 0.55, "case-notice": 0.6 } as const;

// What the organisation says it runs or makes: "当社が運営する…", "当社が提供する…", "当社は自動車部品の製造を行っており".
const BUSINESS_VERB = "運営|提供|展開|経営|発行|製造|販売|開発|運行";
const OWN_BUSINESS = new RegExp(
  `(?:${SELF_REFERENCE_WORD})(?:が|で)?(?:${BUSINESS_VERB})(?:する|している|しております|いたします)([^。、\\n]{1,30})` +
  `|(?:${SELF_REFERENCE_WORD})は[、,]?([^。、\\n]{1,30}?)(?:を|の)(?:${BUSINESS_VERB})(?:・(?:${BUSINESS_VERB}))*(?:を)?(?:し(?:て|ており|ています)|行って|行なって|いたして)`, "g");
// What the organisation says it provides or makes that is software (当社は医療機関向けの予約システムを提供, 当社が提供する
// 会計ソフトに…, 当社が提供するクラウド給与計算サービス「X」の…): an IT service.
const SOFTWARE_PRODUCT = /^(?![^。、]{0,24}?(?:サイト|ショップ|ストア|店|施設|ホテル|病院)の)[^。、]{0,24}?(?:システム|ソフト(?:ウェア)?|アプリ(?:ケーション)?|クラウド[^。、「」]{0,8}サービス|SaaS|プラットフォーム)(?=$|に|で|を|が|へ|は|において|「)/;

/** The sectors the notice's words support, with their weights. */
function supportOf(ctx: RuleContext): Map<Sector, Support> {
  const scores = new Map<Sector, Support>();
  const add = (s: Sector, w: number, start: number, end: number, rule: string, inSource = false) => {
    const cur = scores.get(s);
    if (!cur) scores.set(s, { score: w, start, end, top: w, rule, inSource });
    else {
      cur.score += w;
      if (w > cur.top) Object.assign(cur, { start, end, top: w, rule, inSource });
    }
  };
  const org = ctx.findings.find((f) => f.field === "organization" && f.value === ctx.fields.organization);
  if (org && typeof org.value === "string") {
    // The name's words are quoted where the organisation's finding stands (the page header, for a page's publisher).
    const named = sectorOfName(org.value);
    if (named) add(named.sector, WEIGHTS[named.by], org.span[0], org.span[1], org.rule.endsWith("/page-publisher") ? "sector/page-publisher" : `sector/${named.by}`, true);
    // "家電量販店のヤマダ電機": the description a report puts before the organisation's name.
    for (const d of descriptionsOf(ctx.text, org.value)) {
      for (const [sector, re] of d.english ? ENGLISH_SECTOR_CUES : SECTOR_CUES) {
        const h = re.exec(d.text);
        if (h) add(sector, WEIGHTS.description, d.start + h.index, d.start + h.index + h[0].length, "sector/description");
      }
    }
  }
  // A public body's school or hospital named in the title or lead ("広島県 県立高等学校職員の…"):
  // the incident hit that service, and the service gives the sector.
  if (scores.get("government")?.rule === "sector/org-name") {
    const inst = hits(PUBLIC_INSTITUTION, ctx.reading, ctx.titleStart, Math.min(ctx.text.length, ctx.titleEnd + 200))[0];
    const kind = inst && sectorOfName(inst.text);
    if (kind && kind.sector !== "government") add(kind.sector, WEIGHTS["public-institution"], inst.start, inst.end, "sector/public-institution");
  }
  // 当院 → a hospital, 本学 → a university: the first saying weighs most, later ones a little.
  const seen = new Map<Sector, number>();
  for (const h of selfReferencesIn(ctx.reading)) {
    const s = SELF_SECTOR.get(h.text);
    if (!s) continue;
    const n = seen.get(s) ?? 0;
    seen.set(s, n + 1);
    if (n < 3) add(s, n === 0 ? WEIGHTS["self-reference"] : 0.5, h.start, h.end, "sector/self-reference");
  }
  // "当社が運営するスポーツクラブ", "当社が提供するクラウド型の勤怠管理サービス": the business the organisation says it runs.
  for (const m of [...matchesOf(OWN_BUSINESS, ctx.text)].slice(0, 2)) {
    const what = m[1] ?? m[2]!;
    const at = m.index + m[0].indexOf(what);
    const product = SOFTWARE_PRODUCT.exec(what);
    if (product) add("it_service", WEIGHTS["own-business"], at, at + product[0].length, "sector/own-business");
    for (const [sector, re] of SECTOR_CUES) {
      const h = re.exec(what);
      if (h && !aside(ctx, { start: at + h.index, end: at + h.index + h[0].length, text: h[0], groups: {} })) add(sector, WEIGHTS["own-business"], at + h.index, at + h.index + h[0].length, "sector/own-business");
    }
  }
  for (const [sector, re, weight] of SECTOR_CUES) {
    let body = 0;
    for (const h of hits(re, ctx.reading)) {
      if (aside(ctx, h)) continue;
      if (h.start >= ctx.titleStart && h.start < ctx.titleEnd) add(sector, weight, h.start, h.end, "sector/cues");
      else if (body < 3) { add(sector, weight / 2, h.start, h.end, "sector/cues"); body++; }
    }
  }
  return scores;
}

// Sectors whose bodies keep theirs when they also sell online.
const INSTITUTIONS = new Set<Sector>(["medical", "education", "government", "health_insurance", "association", "finance"]);

// A description right before a name: 家電量販店の, 大手乳業メーカーの.
const DESCRIBED = /([\u3400-\u9fff\u30a1-\u30fc々]{2,12})の$/;
// English: the words in front of a name ("confectionery company Chateraise Co.") or an apposition after it
// ("X, operator of the country's public pension program,").
const ENGLISH_BEFORE = /(?:^|[.,;:]\s+|\n\s*|\bthe\s+)((?:[A-Za-z-]+[ \t]+){1,6})$/;
const ENGLISH_AFTER = /^,\s+((?:[^,.;]+)),/;

/** The descriptions the text puts next to the organisation's name, with their offsets; English ones marked. */
function descriptionsOf(text: string, org: string): { text: string; start: number; english: boolean }[] {
  const out: { text: string; start: number; english: boolean }[] = [];
  const english = /^[\x20-\x7e]+$/.test(org);
  for (let at = text.indexOf(org); at >= 0 && out.length < 3; at = text.indexOf(org, at + org.length)) {
    if (!english) {
      const m = DESCRIBED.exec(text.slice(Math.max(0, at - 14), at));
      if (m) out.push({ text: m[1]!, start: at - m[0].length, english });
      continue;
    }
    const before = ENGLISH_BEFORE.exec(text.slice(Math.max(0, at - 60), at));
    if (before) out.push({ text: before[1]!, start: at - before[1]!.length, english });
    const after = ENGLISH_AFTER.exec(text.slice(at + org.length, at + org.length + 90));
    if (after) out.push({ text: after[1]!, start: at + org.length + after[0].indexOf(after[1]!), english });
  }
  return out;
}

// Data types that are a payment card's.
const CARD_DATA = new Set<DataType>(["credit_card_info", "credit_card_number", "card_expiry", "security_code", "cardholder_name"]);

/** A card leak from an online purchase: an EC incident, whatever the company makes. */
function shopCardLeak(ctx: RuleContext): RegExpExecArray | null {
  const card = (ctx.fields.data_types ?? []).some((t) => CARD_DATA.has(t));
  return card ? /購入|カード決済|ショッピング|ショップ|通販|ECサイト/.exec(ctx.text) : null;
}

/** The finding for a sector read from its weightiest words, wherever they stand (this notice, its framing notice, the page). */
function recordSupport(ctx: RuleContext, sector: Sector, s: Support, conf: number): Finding {
  if (s.inSource) return ctx.findInSource("sector", sector, s.start, s.end, conf, s.rule);
  if (!s.from) return ctx.find("sector", sector, s.start, s.end, conf, s.rule);
  const at = s.from.find("sector", sector, s.start, s.end, conf, s.rule).span;
  return ctx.findInSource("sector", sector, at[0], at[1], conf, s.rule);
}

/**
 * The sector of the organisation, or of the service the incident hit. The organisation's name
 * weighs most, then what the notice calls itself (当院, 本学, 当行…), then the words of its body;
 * the sector with the most weight wins and is read from its weightiest words.
 */
export const sectorRule: Rule<"sector"> = {
  field: "sector",
  heuristics: ["sector/org-name", "sector/name-word", "sector/description", "sector/own-business", "sector/public-institution", "sector/operated-shop", "sector/page-publisher", "sector/legal-form", "sector/self-reference", "sector/cues", "sector/case-notice", "sector/card-leak-from-purchases", "sector/company-without-cues"],
  run(ctx) {
    const scores = supportWithFraming(ctx);
    // A card leak from purchases, or an incident at a shop the organisation runs, is an EC incident;
    // but an institution's shop (a hospital's, a university's) does not make it a retailer.
    const institution = [...scores].some(([sector, s]) => INSTITUTIONS.has(sector) && (s.rule === "sector/org-name" || s.rule === "sector/page-publisher"));
    if (!institution) {
      const card = shopCardLeak(ctx);
      if (card) return [ctx.find("sector", "retail_ec", card.index, card.index + card[0].length, 0.6, "sector/card-leak-from-purchases")];
      const shop = OPERATED_SHOP.exec(ctx.text);
      if (shop) return [ctx.find("sector", "retail_ec", shop.index, shop.index + shop[0].length, 0.7, "sector/operated-shop")];
    }
    const ranked = [...scores].sort((a, b) => b[1].score - a[1].score);
    const [top, second] = ranked;
    if (top && top[1].score >= 1.5) {
      const [sector, s] = top;
      const base = CONFIDENCE[s.rule.slice("sector/".length) as keyof typeof CONFIDENCE];
      const margin = second ? second[1].score / s.score : 0;
      const conf = Math.round(Math.max(0.3, Math.min(0.92, base + 0.03 * Math.min(s.score, 8) - 0.3 * margin)) * 100) / 100;
      return [recordSupport(ctx, sector, s, conf)];
    }
    // A company whose notice says enough to judge, with nothing sector-specific in it.
    const org = ctx.fields.organization ?? "";
    const body = ctx.body.replace(/^.*(?:経緯|概要|対応|原因|について|お客様|情報)\s*$/gm, "").trim();
    if (org && (hasLegalForm(org) || /社$/.test(org)) && body.length >= 60) {
      return [ctx.find("sector", "other", ctx.titleStart, ctx.titleEnd, 0.3, "sector/company-without-cues")];
    }
    return [];
  },
};
