import type { DataType, Finding } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, linesOf, negated } from "../scan.js";
import { DATA_TYPE_PHRASES, OTHER_DATA } from "../../core/vocab/data-types.js";

const LEAK = /漏えい|漏洩|流出|閲覧|含まれ|持ち出|盗取|窃取|盗まれ|可能性|おそれ|恐れ|対象|被害|悪用|誤提供|提供し|提供され|暗号化され|表示され|送付|誤送|紛失|盗難|不正に取得|取得され|アクセスされ|保存されて|保存されてい|記録されて|記載されて/;
// A section header that names data ("3. 個人情報の内容", "【USBメモリに保存されていた情報】"), not other matters.
const DATA_SECTION = /^(?:[\d]+\s*[.．、)]?\s*|[【(（■□●◆○◯◎◇▼]\s*)[^。]{0,24}(?:情報|内容|項目|データ)[】)）]?\s*$/;
const NOT_DATA_SECTION = /お問い合わせ|問合せ|対応|経緯|原因|お願い|再発防止|今後|概要|状況|お知らせ|発生|事案/;
// A line that lists data after a label: "・項目：氏名、…", "対象情報: …".
const DATA_LABEL = /^[・･●○\-*\s]*(?:項目|情報|内容|対象情報|流出情報|漏えい情報|記載内容|記録内容)\s*[:：]/;
// A line that lists what was NOT involved: everything on it is excluded.
const EXCLUDED_LABEL = /^[・･●○\-*\s]*(?:対象外(?:の情報)?|含まれない情報|含まれていない情報|流出していない情報|漏えいしていない情報)\s*[:：]/;
const SECTION_HEAD = /(?:情報|内容|項目|データ)/;
const SECTION_LEAK = /漏|流出|閲覧|可能性|持ち出|盗取|窃取|おそれ|恐れ|対象|含まれ|紛失|盗難|誤送|誤送付|誤表示|表示され|影響/;
const DATA_HEAD = /^(?:[\d]+\s*[.．、)]?\s*|[【(（■□●◆]\s*)?(?:データ(?:の)?内容|情報の(?:内容|項目)|対象(?:となる)?(?:個人)?情報|(?:流出|漏えい|漏洩|紛失|盗難|誤送付|誤送信)(?:した)?(?:個人)?情報|持ち出(?:した|された)?(?:内容|情報)|記載(?:内容|項目))[】)）]?$/;
// Data named as a safeguard or an attack step, not as exposed data.
const PROTECTION = /^\s*(?:の)?(?:設定|を設定|が設定|は設定|のリスト|リスト|の入力を(?:求|促)|を入力させ|保護|をかけ|付き|ロック|による|で保護|が破られ|を破ら|が推測|を推測|の(?:変更|管理|強化)|管理|を用い|を使用し|を使っ|を悪用|を入手|を使い回|の使い回|を(?:変更|リセット))/;
const INTRO = /(?:以下|次)の(?:とおり|通り)|下記の(?:とおり|通り)|は以下|は次/;
const ADVICE = /攻撃者への連絡先|脅迫文|ください|お願い(?:いた)?し|ご注意|お勧め|おすすめ|ご確認|ご留意|ご利用されている場合|変更をお願い/;
const NEW_SECTION = /^\s*(?:\d+\s*[.．、)]|[①-⑳]|【|■|□|◆|◇|●|[(（]\d+[)）]|第.{1,2}[章節]|[1-9]\s)/;

const ITEM_SPLIT = /[、,，/／・]|及び|および|並びに|ならびに|または/g;
const DATA_NOUN = /(?:情報|内容|名|額|日|番号|履歴|状況|結果|記録|区分|種別|時期|件名|本文|書類|画像|写真|成績|点数|評価|年月|記号)$/;
const GENERIC = /^(?:個人|顧客|会員|お客様|利用者|患者|生徒|従業員|取引先|その他|各種|一部)?(?:の)?(?:個人)?(?:情報|データ|個人データ|個人情報)$|^(?:等|など|その他)$/;

/** The items of a list of data in `text[from, to)`: short noun phrases between 、・/ and 及び. */
function listItems(text: string, from: number, to: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const part = text.slice(from, to);
  let last = 0;
  const push = (s: number, e: number) => {
    let raw = part.slice(s, e);
    const lead = raw.length - raw.replace(/^[\s・･●○\-*]*(?:[^:：]{0,8}[:：])?\s*(?:[^の]{0,10}の)?/, "").length;
    raw = raw.slice(lead).replace(/(?:等|など)?[)）]?\s*(?:です|となっています|が含まれ.*|を含む.*)?[。.]?\s*$/, "");
    const item = raw.trim();
    if (item.length < 2 || item.length > 16 || /[はがをにでもへ。「」\d]/.test(item) || GENERIC.test(item) || !DATA_NOUN.test(item)) return;
    const start = from + s + lead + raw.indexOf(item);
    out.push({ start, end: start + item.length });
  };
  for (const m of part.matchAll(ITEM_SPLIT)) {
    push(last, m.index!);
    last = m.index! + m[0].length;
  }
  push(last, part.length);
  return out;
}

/** Regions of the notice that list leaked data: data sections and sentences about the leak. */
function dataRegions(ctx: RuleContext): [number, number][] {
  const text = ctx.text;
  const regions: [number, number][] = [];
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (EXCLUDED_LABEL.test(t)) continue;
    if (DATA_LABEL.test(t)) { regions.push([l.start, l.end]); continue; }
    const header = (t.length < 70 && SECTION_HEAD.test(t) && SECTION_LEAK.test(t) && !/。$/.test(t)) || DATA_HEAD.test(t) ||
      (t.length < 40 && DATA_SECTION.test(t) && !NOT_DATA_SECTION.test(t));
    // A sentence about the leak followed by a bulleted list: the list names the data.
    const bulletsFollow = LEAK.test(t) && /情報|データ/.test(t) && /^[・･●○\-*]/.test(lines.slice(i + 1).find((n) => n.text.trim() !== "")?.text.trim() ?? "");
    const intro = (INTRO.test(t) && LEAK.test(t) && /情報|データ|項目/.test(t)) || bulletsFollow;
    if (!header && !intro) continue;
    regions.push([l.start, l.end]);
    let taken = 0;
    for (let j = i + 1; j < lines.length && taken < 20; j++) {
      const n = lines[j]!;
      const nt = n.text.trim();
      if (nt === "") continue;
      if (EXCLUDED_LABEL.test(nt)) break;
      if (taken > 0 && NEW_SECTION.test(nt) && !/[(（]\d+[)）]/.test(nt.slice(0, 4)) && !/^【[^】]*(?:情報|内容)[^】]*】/.test(nt)) break;
      if (nt.length > 200) break;
      regions.push([n.start, n.end]);
      taken++;
    }
  }
  for (const s of ctx.sentences) {
    if (LEAK.test(s.text) && !ADVICE.test(s.text) && !EXCLUDED_LABEL.test(s.text)) regions.push([s.start, s.end]);
  }
  return regions;
}

/** Kinds of personal data the notice says were (possibly) exposed, minus what it rules out. */
export const dataTypesRule: Rule<"data_types"> = {
  field: "data_types",
  heuristics: ["data_types/phrase", "data_types/other", "data_types/other-listed-item"],
  run(ctx) {
    const text = ctx.text;
    const found = new Map<DataType, Finding>();
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
          // "IDとパスワードの入力を求める": look past the password an ID is paired with.
          const after = text.slice(h.end, h.end + 24).replace(/^\s?(?:・|及び|および|と|や|、)\s?(?:ログイン)?パスワード/, "");
          if ((type === "password" || type === "login_id") && PROTECTION.test(after)) continue;
          if (!found.has(type)) found.set(type, ctx.find("data_types", type, h.start, h.end, 0.85, "data_types/phrase"));
        }
      }
      if (taken.length === 0 && !/信用情報|注文内容|購入履歴/.test(text.slice(from, to))) continue;
      for (const h of hits(OTHER_DATA, text, from, to)) {
        if (overlaps(h.start, h.end) || negated(text, h.start, h.end)) continue;
        if (!found.has("other")) found.set("other", ctx.find("data_types", "other", h.start, h.end, 0.6, "data_types/other"));
      }
      // A listed item that names data outside the vocabulary ("受診年月", "利用サービスの内容").
      if (!found.has("other") && taken.length > 0) {
        for (const item of listItems(text, from, to)) {
          if (overlaps(item.start, item.end) || negated(text, item.start, item.end)) continue;
          found.set("other", ctx.find("data_types", "other", item.start, item.end, 0.5, "data_types/other-listed-item"));
          break;
        }
      }
    }
    return [...found.values()];
  },
};
