import type { Rule, RuleContext } from "../context.js";
import { hits, linesOf } from "../scan.js";
import { LEGAL_FORM, LEGAL_NAME, ORG_SUFFIX, REGULATORS, SELF_REFERENCE } from "../../core/vocab/organizations.js";

const ENDS_AS_ORG = new RegExp(`(?:${ORG_SUFFIX})$`);
const HAS_LEGAL_FORM = new RegExp(LEGAL_FORM);
const STARTS_WITH_LEGAL_FORM = new RegExp(`^(?:${LEGAL_FORM})`);
const INSTITUTION = /^[^\sのへにをがで]{2,20}(?:大学|大学院|短期大学|高等学校|中学校|小学校|学校|学園|幼稚園|保育園|病院|クリニック|医院|診療所|ホーム|施設|センター)$/;
const OPERATED_BY = /^(\S{2,30}?)\s*[(（]運営[:：]/;
const ENDS_IN_SELF = /(?:当|弊|本)(?:社|院|学|校|会|所|館|店|組合|センター|協会)$/;
const SITE_WORDS = /(?:コーポレートサイト|公式サイト|公式ホームページ|ホームページ|ウェブサイト|Webサイト|WEBサイト|オンラインショップ|公式X|公式アカウント)$/;
const DEFINED_AS_SELF = /([^\s、。,「」『』()（）:：]{2,50}?)\s?[(（]\s?以下[、,]?\s?[「『]?(?:当社|弊社|当院|当センター|本学|本校|当組合|当法人|当協会|当財団|当機構|当館|当店|当会|同社|当団体|本会|当校|当市|当町|当村|当区)/;

/** A name and where it sits in the normalised notice. */
interface Named {
  name: string;
  start: number;
  end: number;
  confidence: number;
  rule: string;
}

// What follows a name run into its title: "株式会社ABCへの不正アクセス".
const TITLE_TAIL = /不正|漏|流出|紛失|盗難|誤|感染|被害|障害|攻撃|乗っ取|改ざん|について|に関する|お知らせ|お詫び|ご報告|事案|事故/;

/** Cut a "株式会社X…" word before the particle where its title begins; names keep their kana ("かえで"). */
function cutBeforeTitle(word: string): string {
  for (const m of word.matchAll(/[のへにをがでと]/g)) {
    if (m.index! >= 3 && TITLE_TAIL.test(word.slice(m.index!))) return word.slice(0, m.index!);
  }
  return word;
}

/** The longest start of a word that ends like an organisation name (愛知県選挙管理委員会X… → 愛知県選挙管理委員会). */
function cutAtSuffix(word: string): string | null {
  if (ENDS_AS_ORG.test(word) && !SELF_REFERENCE.test(word)) return word;
  if (STARTS_WITH_LEGAL_FORM.test(word) && word.replace(STARTS_WITH_LEGAL_FORM, "").length >= 1) return cutBeforeTitle(word);
  const re = new RegExp(`(?:${ORG_SUFFIX})`, "g");
  let best: string | null = null;
  for (const m of word.matchAll(re)) {
    const prefix = word.slice(0, m.index! + m[0].length);
    if (prefix.length >= 3 && !SELF_REFERENCE.test(prefix) && !ENDS_IN_SELF.test(prefix) && !/[【「『(（]/.test(prefix)) best = prefix;
  }
  return best;
}

/** The organisation a regulator's notice is about: the first legal name after the regulator. */
function regulatorTarget(rest: string): { name: string; at: number } | null {
  const m = hits(LEGAL_NAME, rest)[0];
  return m ? { name: m.text, at: m.start } : null;
}

/** Name at the head of a blog heading: 【…】ORG title, or ORG title after a news category. */
function fromHeading(ctx: RuleContext): Named | null {
  const title = ctx.title;
  const base = ctx.titleStart;
  const close = title.indexOf("】");
  if (close < 0 || !/#|事件簿|事例|ニュース|インシデント/.test(title.slice(0, close))) return null;
  const restAt = close + 1;
  const rest = title.slice(restAt);
  const lead = rest.length - rest.trimStart().length;
  const tokens = rest.trim().split(/\s+/);
  const t0 = tokens[0] ?? "";
  if (!t0) return null;
  const start = base + restAt + lead;
  if (REGULATORS.test(t0)) {
    const after = rest.slice(lead + t0.length);
    const target = regulatorTarget(after);
    if (target) {
      const at = start + t0.length + target.at;
      return { name: target.name.replace(/\s+/g, ""), start: at, end: at + target.name.length, confidence: 0.75, rule: "organization/regulator-target" };
    }
    return { name: t0, start, end: start + t0.length, confidence: 0.6, rule: "organization/regulator" };
  }
  const t1 = tokens[1];
  if (t1 && !ENDS_AS_ORG.test(t0) && t0.length <= 12 && /^[^\sのへにをがで]{1,20}(?:株式会社|ホールディングス|グループ)$/.test(t1)) {
    const name = `${t0} ${t1}`;
    return { name, start, end: start + name.length, confidence: 0.9, rule: "organization/heading" };
  }
  // "学校法人白鷺学園 白鷺女子大学": the legal body and the institution it runs, both kept.
  if (t1 && STARTS_WITH_LEGAL_FORM.test(t0) && INSTITUTION.test(t1)) {
    const name = `${t0} ${t1}`;
    return { name, start, end: start + name.length, confidence: 0.9, rule: "organization/heading" };
  }
  const cut = cutAtSuffix(t0);
  if (cut) return { name: cut, start, end: start + cut.length, confidence: 0.9, rule: "organization/heading" };
  if (tokens.length > 1 && t0.length <= 25 && !/の|への|による|について|に関する/.test(t0)) {
    return { name: t0, start, end: start + t0.length, confidence: 0.6, rule: "organization/heading-token" };
  }
  return null;
}

const DIGEST_NAME = /^\s*[■◆●▼□◇★☆]\s*(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日\s*(?:公表|発表|公開)?\s*)?([^：:。]{2,40}?)\s*[：:]/;

/** Name before the colon of a digest entry's heading: "■ 3月4日公表 株式会社X：title". */
function fromDigest(ctx: RuleContext): Named | null {
  const m = DIGEST_NAME.exec(ctx.title);
  if (!m) return null;
  const name = m[1]!.trim();
  if (!(ENDS_AS_ORG.test(name) || HAS_LEGAL_FORM.test(name))) return null;
  const start = ctx.titleStart + m[0].indexOf(name);
  return { name, start, end: start + name.length, confidence: 0.85, rule: "organization/digest-heading" };
}

/** Name after the last "/" of a news-listing title: "category title/ORG". */
function fromListing(ctx: RuleContext): Named | null {
  const title = ctx.title;
  if (title.startsWith("【") || (!ctx.notice.listingDate && !ctx.notice.category)) return null;
  const slash = title.lastIndexOf("/");
  if (slash < 0 || slash > title.length - 2) return null;
  const raw = title.slice(slash + 1).trim();
  const name = raw.replace(SITE_WORDS, "").trim() || raw;
  const start = ctx.titleStart + title.indexOf(raw, slash);
  return { name, start, end: start + name.length, confidence: 0.85, rule: "organization/listing" };
}

/** Name the notice defines as itself: "株式会社X(以下「当社」)". */
function fromSelfDefinition(ctx: RuleContext): Named | null {
  if (!ctx.text.includes("以下")) return null;
  const m = DEFINED_AS_SELF.exec(ctx.text);
  if (!m) return null;
  let name = m[1]!.replace(/^(?:この度|このたび|今般|今回|先般|本日|なお)[、,]?/, "");
  const legal = name.search(HAS_LEGAL_FORM);
  if (legal > 0) name = name.slice(legal);
  if (SELF_REFERENCE.test(name) || name.length < 2) return null;
  const start = m.index! + m[0].indexOf(name);
  return { name, start, end: start + name.length, confidence: 0.9, rule: "organization/self-definition" };
}

/** Name from the letterhead or signature: a short line at the top or bottom that is an organisation. */
function fromLetterhead(ctx: RuleContext): Named | null {
  const lines = linesOf(ctx.text).filter((l) => l.text.trim() !== "" && !(l.start < ctx.titleEnd && l.end > ctx.titleStart));
  const edge = [...lines.slice(0, 8), ...lines.slice(-6)];
  for (const l of edge) {
    const t = l.text.trim();
    const operated = OPERATED_BY.exec(t);
    if (operated) {
      const at = l.start + l.text.indexOf(operated[1]!);
      return { name: operated[1]!, start: at, end: at + operated[1]!.length, confidence: 0.7, rule: "organization/letterhead" };
    }
    if (t.length > 40 || /[。、「」【】:：]/.test(t) || /各位|御中|様$|^\d|年\s*\d+\s*月|^(?:校長|代表|理事長|院長|市長|社長|担当)/.test(t)) continue;
    const tokens = t.split(/\s+/);
    // "医療法人社団青葉会 みなと中央病院": a legal body and the institution it runs, both kept.
    const lead = tokens[0]!;
    const whole = tokens.length >= 2 && tokens.length <= 3 && (ENDS_AS_ORG.test(lead) || STARTS_WITH_LEGAL_FORM.test(lead)) &&
      tokens.slice(1).every((w) => w.length <= 20 && !/代表|取締役|社長|理事長|院長|校長|部長|課長|担当|様|殿|御中|各位|(?:部|課|室|係|局|本部|事務局|情報)$|お知らせ|ニュース|news|ブログ|サイト|ページ|一覧|トピックス/i.test(w)) ? t : null;
    const name = whole ?? cutAtSuffix(tokens[0]!);
    if (!name || SELF_REFERENCE.test(name) || ENDS_IN_SELF.test(name)) continue;
    const at = l.start + l.text.indexOf(name);
    return { name, start: at, end: at + name.length, confidence: whole || STARTS_WITH_LEGAL_FORM.test(name) ? 0.8 : 0.6, rule: "organization/letterhead" };
  }
  return null;
}

/** Name in the first sentences: the first organisation with a legal form. */
function fromBody(ctx: RuleContext): Named | null {
  const h = hits(LEGAL_NAME, ctx.text, 0, Math.min(ctx.text.length, 600))[0];
  return h ? { name: h.text, start: h.start, end: h.end, confidence: 0.5, rule: "organization/first-legal-name" } : null;
}

const norm = (s: string) => s.replace(/\s+/g, "").replace(new RegExp(LEGAL_FORM, "g"), "");

/** The victim or reporting organisation, as named (legal form kept). */
/** The organisation a regulator acted on: "株式会社Xに対する…指導", "Xに対し…勧告". */
function fromRegulatorTarget(ctx: RuleContext): Named | null {
  if (ctx.notice.kind !== "regulator_action") return null;
  for (const [from, to] of [[ctx.titleStart, ctx.titleEnd], [ctx.titleEnd, Math.min(ctx.text.length, ctx.titleEnd + 800)]] as const) {
    for (const h of hits(LEGAL_NAME, ctx.text, from, to)) {
      if (/^\s*(?:及び|および|並びに|と|、)?[^。\n]{0,20}に対(?:する|し)/.test(ctx.text.slice(h.end, h.end + 30))) {
        return { name: h.text.replace(/\s+/g, ""), start: h.start, end: h.end, confidence: 0.8, rule: "organization/regulator-target" };
      }
    }
  }
  return null;
}

export const organizationRule: Rule<"organization"> = {
  field: "organization",
  heuristics: ["organization/regulator-target", "organization/regulator", "organization/heading", "organization/heading-token", "organization/digest-heading", "organization/listing", "organization/self-definition", "organization/letterhead", "organization/first-legal-name", "organization/page-publisher"],
  run(ctx) {
    const heading = fromListing(ctx) ?? fromRegulatorTarget(ctx) ?? fromDigest(ctx) ?? fromHeading(ctx);
    const self = fromSelfDefinition(ctx);
    let chosen: Named | null = heading;
    // A fuller legal name for the same organisation in the body wins over the heading's short form.
    if (heading && self && norm(self.name).includes(norm(heading.name)) && self.name.length > heading.name.length) chosen = self;
    chosen ??= self ?? fromLetterhead(ctx) ?? fromBody(ctx);
    const pub = ctx.notice.publisher;
    if (!chosen && pub && /当社|弊社|当行|当院|本学|当法人|当組合|当協会|当館|当店|当機構|当センター/.test(ctx.text)) {
      return [ctx.findInSource("organization", pub.name, pub.span[0], pub.span[1], 0.5, "organization/page-publisher")];
    }
    return chosen ? [ctx.find("organization", chosen.name, chosen.start, chosen.end, chosen.confidence, chosen.rule)] : [];
  },
};
