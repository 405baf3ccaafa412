import type { Finding } from "../../core/types.js";
import type { Rule } from "../context.js";
import { hits } from "../scan.js";
import { LEGAL_FORM, LEGAL_NAME, REGULATORS, SELF_REFERENCE } from "../../core/vocab/organizations.js";

// Named parties without a legal form: "NAVER Cloud 社", "X社", ministries, hospitals, municipalities.
const NAMED = /(?:[A-Za-z][A-Za-z0-9&.\- ]{1,30}?\s?社(?![会員長内外名])|[ァ-ヴー]{2,15}社(?![会員長内外名])|(?:個人情報保護委員会|総務省|経済産業省|厚生労働省|文部科学省|国土交通省|金融庁|消費者庁)(?:[^\s、。,()]{0,8}チーム)?|[一-龥ァ-ヴー]{2,12}(?:病院|大学|高等学校|教育委員会)|(?:[一-龥]{2,3}[都道府県])?[一-龥]{1,5}[市区町村](?=[:：、]|様))/g;
const NOT_PARTY = /^(?:当|弊|本|同|各|自|他|貴|御|親|子|関係|取引先|委託先|外部|全)|^(?:会社|本社|支社|商社|新聞社|出版社|X社$)/;

const squash = (s: string) => s.replace(/\s+/g, "").replace(new RegExp(LEGAL_FORM, "g"), "");

/** Vendors, contractors, platforms, regulators and clients named beside the organisation. */
export const otherPartiesRule: Rule<"other_parties"> = {
  field: "other_parties",
  heuristics: ["other_parties/named"],
  run(ctx) {
    const org = squash(ctx.fields.organization ?? "");
    const out: Finding[] = [];
    const seen = new Set<string>();
    const consider = (raw: string, start: number, end: number, conf: number) => {
      const name = raw.trim().replace(/\s+(?=社$)/, "");
      const key = squash(name);
      if (key.length < 2 || seen.has(key) || SELF_REFERENCE.test(name) || NOT_PARTY.test(name)) return;
      if (org && (key.includes(org) || org.includes(key))) return;
      seen.add(key);
      out.push(ctx.find("other_parties", name, start, end, conf, "other_parties/named"));
    };
    if (ctx.notice.kind === "regulator_action") {
      const reg = /個人情報保護委員会|総務省|金融庁|経済産業省|厚生労働省|文部科学省|国土交通省|消費者庁/.exec(ctx.text);
      if (reg && REGULATORS.test(reg[0])) consider(reg[0], reg.index, reg.index + reg[0].length, 0.8);
    }
    for (const h of hits(LEGAL_NAME, ctx.text)) consider(h.text.replace(/\s+/g, ""), h.start, h.end, 0.7);
    for (const h of hits(NAMED, ctx.text)) {
      if (/^(?:個人情報保護委員会|総務省|経済産業省|厚生労働省|文部科学省|国土交通省|金融庁|消費者庁)$/.test(h.text) && ctx.notice.kind !== "regulator_action" && !/対応|指導|通知|勧告/.test(ctx.text.slice(h.end, h.end + 20))) continue;
      consider(h.text, h.start, h.end, 0.55);
    }
    return out;
  },
};
