import type { DataType, Finding } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, lineAround, linesOf, matchesOf, negated } from "../scan.js";
import { proseSentences } from "../normalize/sentences.js";
import { CARD_DATA_WHOLE, DATA_TYPE_PHRASES, OTHER_DATA, PERSONAL_DATA_WHOLE } from "../../core/vocab/data-types.js";

const LEAK = /漏えい|漏洩|(?:外部|第三者)[^。、\n]{0,10}転送され|私的に(?:利用|使用)|目的外(?:に)?(?:利用|使用)|無断で|不正に照会|照会し|漏れ|流出|閲覧|ダウンロード(?:でき|可能)|に(?:使用|流用)され|含まれ|含む|持ち出|盗取|窃取|盗まれ|盗ん|盗難|可能性|おそれ|恐れ|対象|被害|悪用|誤提供|提供し|提供され|暗号化され|表示され|(?:から|に)見える|見え(?:る|ていた)状態|誤って|誤送|誤配|紛失|無くな|不正に取得|取得され|アクセスされ|保存され|保存し|記録され|記録し|登録され|登録して|記載|書かれ|記され|載せ|投稿(?:し|され)|掲載(?:し|され)|公開され|入って|入った|写って|写り込|映って|映り込|情報内容|leak|expos(?:ed|ing)|compromised|stolen|theft|breach|accessed|exfiltrat|viewed|obtained|affected|involved|contain(?:s|ed|ing)?\b|hold(?:s|ing)\b|held\b|copied|acquired|captured|skimmed|harvested|includ(?:e|ed|ing)\b/i;
// A section header that names data ("3. 個人情報の内容", "【USBメモリに保存されていた情報】"), not other matters.
const DATA_SECTION = /^(?:[\d]+\s*[.．、)]?\s*|[【(（■□●◆○◯◎◇▼]\s*)[^。]{0,24}(?:情報|内容|項目|データ)[】)）]?\s*$/;
const NOT_DATA_SECTION = /お問い合わせ|問合せ|対応|経緯|原因|お願い|再発防止|今後|概要|状況|お知らせ|発生|事案/;
// A line that lists data after a label: "・項目：氏名、…", "対象情報: …".
const DATA_LABEL = /^[・･●○\-*\s]*(?:項目|情報|内容|対象情報|流出情報|漏えい情報|記載内容|記録内容)\s*[:：]/;
// A line that lists what was NOT involved: everything on it is excluded.
const EXCLUDED_LABEL = /^[・･●○\-*\s]*(?:対象外(?:の情報)?|含まれない情報|含まれていない情報|流出していない情報|漏えいしていない情報)\s*[:：]/;
const SECTION_HEAD = /(?:情報|内容|項目|データ)/;
const SECTION_LEAK = /漏|流出|閲覧|可能性|持ち出|盗取|窃取|おそれ|恐れ|対象|含まれ|紛失|盗難|誤送|誤送付|誤表示|表示され|影響/;
// (A section on how far it reached lists the data too: 「■ 影響範囲」, 「■ Impact／影響範囲」.)
const DATA_HEAD = /^(?:[\d]+\s*[.．、)]?\s*|[【(（■□●◆]\s*)?(?:[A-Za-z][A-Za-z ]{1,24}\s?[／/]\s?)?(?:影響(?:の)?範囲|被害(?:の)?範囲|対象範囲|データ(?:の)?内容|情報の(?:内容|項目)|対象(?:となる)?(?:個人)?情報|(?:流出|漏えい|漏洩|紛失|盗難|誤送付|誤送信)(?:した)?(?:個人)?情報|持ち出(?:した|された)?(?:内容|情報)|記載(?:内容|項目))[】)）]?$/;
// Data named as a safeguard or an attack step, not as exposed data.
const PROTECTION = /^\s*(?:の)?(?:設定|を設定|を入力(?!され)|が設定|は設定|のリスト|リスト|の入力を(?:求|促)|の入力が(?:必要|求め)|を入力させ|保護|をかけ|付き|ロック|による|で保護|が破られ|を破ら|が推測|を推測|の(?:変更|管理|強化)|管理|を用い|を使用し|を使っ|を悪用|を入手|を使い回|の使い回|を(?:変更|リセット|無効化|初期化|再設定))/;
// The credentials of the hijacked account itself ("アカウントのパスワードが解読され"): how the
// attacker got in, not data taken from the people the notice is about.
const OWN_ACCOUNT = /(?:メール|アカウント(?:の)?)\s?$/;
// Credentials an organisation reset or changed ("We reset the passwords of the affected accounts"): a response, not data taken.
const RESET_BEFORE_EN = /\b(?:reset|changed?|updated?|rotated?)\s(?:the\s|their\s|all\s|affected\s)*$/i;
// An address that names the account itself ("当該メールアドレスのパスワード", "弊社のメールアドレス").
const OWN_ADDRESS_BEFORE = /(?:当該|該当(?:する)?|これら(?:の)?|弊社(?:の)?|当社(?:の)?|代表|送信元|差出人|発信元)(?:の)?\s?$/;
// A data word given with its value is a contact line ("電話番号:0120-…", "メールアドレス info@…"), not leaked data.
// So is a place given with its value ("所在地:東京都…", "住所:〒…").
const CONTACT_VALUE = /^\s*[:：]?\s*(?:[(（]?\d{2,5}[)）-]|[\w.+-]+@)|^\s*[:：]\s*(?:〒|[^\s、,。]{2,3}[都道府県])/;
const OWN_ADDRESS_AFTER = /^\s?の(?:パスワード|アカウント)/;
// A cell that is all of a row's first column, and the one value cell after it.
const KEY_CELL_BEFORE = /^\s*[|｜]\s*$/;
const KEY_CELL_AFTER = /^\s*[|｜][^|｜\n]+[|｜]\s*$/;
// A data word naming where the organisation wrote to ("メールアドレス宛に", "住所に封書で"), not what leaked.
const CONTACT_ROUTE = /^\s*(?:宛|あて|に(?:て)?(?:封書|郵送|書面|ご連絡|連絡|お送り|送付|送信|お知らせ))/;
// What a spoofed mail shows as its sender or carries is not data that leaked.
const SENDER_SHOWN = /(?:発信元|送信元|差出人|送信者)[^。]*(?:表示|異な|一致)|(?:不審|なりすまし|迷惑|詐欺)(?:な)?メールには/;
// A question ("住所など個人情報は含まれますか?") names data it does not say leaked.
const QUESTION_ENDINGS = ["ますか", "ですか", "でしょうか", "ませんか"];
/** A question (an FAQ's): ends in ? (before any space), or in ますか, ですか, でしょうか, ませんか before any 。. Not a regex: one anchored at the end is tried from every character. */
function isQuestion(t: string): boolean {
  const e = t.trimEnd();
  const q = e.endsWith("。") ? e.slice(0, -1) : e;
  return e.endsWith("?") || e.endsWith("？") || (q.endsWith("か") && QUESTION_ENDINGS.some((w) => q.endsWith(w)));
}
// A sentence that denies the leak it names ("個人情報の漏えいは確認されておりません"), perhaps with other harm
// beside it ("お客様情報の流出や預金への被害はございません").
const LEAK_DENIED = /(?:漏えい|漏洩|流出)(?:した)?(?:の)?(?:痕跡|形跡|事実)?(?:(?:や|及び|および)[^。、]{1,12}?(?:被害|損害|影響))?(?:は|も)(?:[^。、]{0,12})?(?:認められ(?:ません|ない|ず)|確認されて(?:おり|い)ません|確認されていない|ありません|ございません)/;
// That denial turning to what else is so (…確認されておりませんが、…).
const DENIAL_TURN = new RegExp(`(?:${LEAK_DENIED.source})(?:が|けれども|ものの)、`);
// A numbered heading that names a topic ("1.お客様情報の漏えいに関する調査状況"), not what leaked.
const TOPIC_HEADING = /^\s*(?:\d+\s*[.．、)]|[①-⑳]|[(（]\d+[)）]|【|■|□|◆)[^。]{0,40}(?:に関する|について)[^。]*$/;
// …unless it still says the data may have leaked ("…確認されておりませんが、流出の可能性は否定できない").
const POSSIBLE = /可能性|おそれ|恐れ|否定でき/;
// The channel a notice was mis-sent by ("Eメール(…)の誤送信"), not leaked data.
const CHANNEL_AFTER = /^\s*(?:[(（][^)）\n]{0,20}[)）])?\s*(?:の|による|で|にて)?\s*(?:誤送信|誤配信|送信|配信)/;
// "お届け先の個人情報", "お届け先のお名前": whose personal data, not a kind of data of its own.
const WHOSE_AFTER = /^\s*の(?:(?:個人)?情報|(?:お|ご)?(?:名前|氏名|住所|電話番号|連絡先|メールアドレス))/;
// "写真には、…お名前が写っておりました", "写真に、…が写り込んで", "写真への…写り込み": what holds the data, not an item of it.
const HOLDER_AFTER = /^\s*(?:の中)?(?:に(?:は|[、,])|への)/;
// A title that says personal data leaked, in a compound ("個人情報漏えいに関するお知らせ").
const TITLE_LEAK = /(?:個人情報|顧客情報|お客(?:様|さま)情報)(?:の)?(?:漏えい|漏洩|流出)/;
// An address blocked ("IPアドレスの遮断") is the attacker's, not leaked data.
const BLOCKED_AFTER = /^\s*(?:の|を)?(?:遮断|ブロック|拒否)/;
const INTRO = /(?:以下|次)の(?:とおり|通り)|下記の(?:とおり|通り)|は以下|は次/;
// Advice to readers and descriptions of how an attack works in general name data that did not leak here.
const ADVICE = /攻撃者への連絡先|脅迫文|ください|お願い(?:いた)?し(?:ます|ております)|お願い申し上げ|ご注意|お勧め|おすすめ|ご確認|ご留意|ご利用されている場合|変更をお願い|特徴は|特徴として|一般的に|多くの場合|目的は/;
const NEW_SECTION = /^\s*(?:\d+\s*[.．、)]|[①-⑳]|【|■|□|◆|◇|●|[(（]\d+[)）]|第.{1,2}[章節]|[1-9]\s)/;
// Types that say what the data was about but not whose it was: they do not itemise 個人情報.
const NOT_ITEMISING = new Set<DataType>(["health", "other", "business_info", "email_content", "credit_card_info", "free_text"]);
const CARD_ITEMS: readonly DataType[] = ["credit_card_number", "card_expiry", "security_code", "cardholder_name"];

const ITEM_SPLIT = /[、,，/／・]|及び|および|並びに|ならびに|または/g;
const DATA_NOUN = /(?:情報|内容|名|額|日|日時|時刻|時間|番号|履歴|状況|結果|記録|区分|種別|種類|時期|件名|本文|書類|画像|写真|成績|点数|評価|年月|記号|送信数|通話先)$/;
const GENERIC = /^(?:個人|顧客|会員|お客様|利用者|ユーザー?|患者|生徒|従業員|取引先|その他|各種|一部)?(?:の)?(?:個人)?(?:情報|データ|個人データ|個人情報)$|^(?:等|など|その他)$|^(?:この|その)?(?:結果|ため|後|際)$/;

/** The items of a list of data in `text[from, to)`: short noun phrases between 、・/ and 及び (`whole`: where the item's words start, before what qualifies it). */
function listItems(text: string, from: number, to: number): { start: number; end: number; whole: number }[] {
  const out: { start: number; end: number; whole: number }[] = [];
  const part = text.slice(from, to);
  let last = 0;
  const push = (s: number, e: number) => {
    let raw = part.slice(s, e);
    const lead = raw.length - raw.replace(/^[\s・･●○\-*]*(?:[^:：]{0,8}[:：])?\s*(?:[^の]{0,10}の)?/, "").length;
    raw = raw.slice(lead).replace(/(?:等|など)?[)）]?\s*(?:です|となっています|が含まれ.*|を含む.*)?[。.]?\s*$/, "");
    const item = raw.trim();
    if (item.length < 2 || item.length > 16 || /[はがをにでもへ。「」\d]|から|より|まで|個人情報$/.test(item) || GENERIC.test(item) || !DATA_NOUN.test(item)) return;
    const start = from + s + lead + raw.indexOf(item);
    out.push({ start, end: start + item.length, whole: from + s });
  };
  for (const m of matchesOf(ITEM_SPLIT, part)) {
    push(last, m.index!);
    last = m.index! + m[0].length;
  }
  push(last, part.length);
  return out;
}

/** A stretch of the notice that may name leaked data; `listing` when a data heading or label introduces it. */
interface Region {
  from: number;
  to: number;
  listing: boolean;
  /** A line that lists data after a label ("漏えい情報:…"): its items are data even when none is typed. */
  labelled?: boolean;
}

/** Regions of the notice that list leaked data: data sections and sentences about the leak. */
function dataRegions(ctx: RuleContext): Region[] {
  const text = ctx.text;
  const regions: Region[] = [];
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.trim();
    if (EXCLUDED_LABEL.test(t)) continue;
    if (DATA_LABEL.test(t)) { regions.push({ from: l.start, to: l.end, listing: true, labelled: true }); continue; }
    const header = (t.length < 70 && SECTION_HEAD.test(t) && SECTION_LEAK.test(t) && !/。$/.test(t) && !NOT_DATA_SECTION.test(t)) || DATA_HEAD.test(t) ||
      (t.length < 40 && DATA_SECTION.test(t) && !NOT_DATA_SECTION.test(t));
    // A sentence about the leak followed by a bulleted list: the list names the data.
    const bulletsFollow = LEAK.test(t) && /情報|データ/.test(t) && /^[・･●○\-*]/.test(lines.slice(i + 1).find((n) => n.text.trim() !== "")?.text.trim() ?? "");
    // An FAQ's question asking what leaked (どのような情報が流出したのですか) heads its answer's list.
    const intro = ((INTRO.test(t) || isQuestion(t)) && LEAK.test(t) && /情報|データ|項目/.test(t)) || bulletsFollow;
    if (!header && !intro) continue;
    if (!isQuestion(t)) regions.push({ from: l.start, to: l.end, listing: true }); // an FAQ's question heads its answer
    let taken = 0;
    let bullets = false;
    for (let j = i + 1; j < lines.length && taken < 20; j++) {
      const n = lines[j]!;
      const nt = n.text.trim();
      if (nt === "") continue;
      if (EXCLUDED_LABEL.test(nt)) break;
      // A bulleted list of data ends at a sentence or a question after it (an FAQ's next question).
      const bullet = /^[・･●○•\-*]/.test(nt);
      if (bullets && !bullet && /(?:。|か|[?？])$/.test(nt)) break;
      bullets ||= bullet;
      if (taken > 0 && NEW_SECTION.test(nt) && !/[(（]\d+[)）]/.test(nt.slice(0, 4)) && !/^【[^】]*(?:情報|内容)[^】]*】/.test(nt)) break;
      if (nt.length > 200) break;
      // An FAQ's next question ends the answer (Q3. パスワードは変更したほうがよいですか?).
      if (isQuestion(nt)) { if (taken > 0) break; continue; }
      regions.push({ from: n.start, to: n.end, listing: true, labelled: DATA_LABEL.test(nt) });
      taken++;
    }
  }
  regions.push(...dataCells(ctx, lines));
  const prose = proseSentences(text, ctx.sentences);
  for (const s of prose) {
    // A line cut from a longer sentence is read with the whole of it ("…を保存しております…サーバーへ\n…漏えいは認められませんでした").
    // A sentence left without its 。 reads on into the next line ("…サーバーへ\n…漏えいは認められませんでした").
    const whole = prose.reduce((w, p) => (p.start <= s.start && p.end >= s.end && p.text.length > w.text.length ? p : w), s);
    const said = /。$/.test(whole.text) ? whole.text : whole.text + text.slice(...lineAround(text, Math.min(text.length, whole.end + 1)));
    if (!LEAK.test(s.text) || ADVICE.test(s.text) || EXCLUDED_LABEL.test(s.text) || SENDER_SHOWN.test(s.text) || isQuestion(s.text) || TOPIC_HEADING.test(s.text)) continue;
    if (!LEAK_DENIED.test(said) || POSSIBLE.test(said)) { regions.push({ from: s.start, to: s.end, listing: false }); continue; }
    // "流出した事実は確認されておりませんが、患者情報(氏名…)を保存したサーバーが暗号化され": the denial ends at its が、, and what follows is read alone.
    const turn = DENIAL_TURN.exec(s.text);
    const rest = turn ? s.text.slice(turn.index + turn[0].length) : "";
    if (LEAK.test(rest) && !LEAK_DENIED.test(rest)) regions.push({ from: s.end - rest.length, to: s.end, listing: false });
  }
  return regions;
}

// A table column that holds the data of each row ("流出内容", "漏えいした情報", "項目").
const DATA_COLUMN = /(?:流出|漏えい|漏洩|紛失|対象)(?:した)?(?:個人)?(?:内容|情報|項目)|情報の(?:内容|項目)|データ(?:の)?内容|^項目$/;

/** The cells of table rows that stand under a data column (its header read from the casefile, perhaps above the notice). */
function dataCells(ctx: RuleContext, lines: readonly { start: number; end: number; text: string }[]): Region[] {
  const out: Region[] = [];
  for (const l of lines) {
    if (!/[|｜]/.test(l.text)) continue;
    let from = l.start;
    for (const cell of l.text.split(/[|｜]/)) {
      const to = from + cell.length;
      if (cell.trim() !== "" && DATA_COLUMN.test(ctx.columnHeader(from) ?? "")) out.push({ from, to, listing: true });
      from = to + 1;
    }
  }
  return out;
}

/** True when a data word at `[start, end)` is not exposed data: the hijacked account's own credential, or an address written to. */
function notExposed(text: string, type: DataType, start: number, end: number): boolean {
  const after = text.slice(end, end + 24);
  if (CONTACT_ROUTE.test(after) || CONTACT_VALUE.test(after)) return true;
  // The key of a two-column table ("| 学校名 | 県立あおば高等学校 |") labels its value: it names no data.
  if (KEY_CELL_BEFORE.test(text.slice(text.lastIndexOf("\n", start - 1) + 1, start)) && KEY_CELL_AFTER.test(text.slice(end, text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end)))) return true;
  if (type === "email" && !/アドレス|address/i.test(text.slice(start, end)) && CHANNEL_AFTER.test(after)) return true;
  if (type === "email") return OWN_ADDRESS_BEFORE.test(text.slice(Math.max(0, start - 6), start)) || OWN_ADDRESS_AFTER.test(after);
  if (type !== "password" && type !== "login_id") return false;
  if (OWN_ACCOUNT.test(text.slice(Math.max(0, start - 8), start)) || RESET_BEFORE_EN.test(text.slice(Math.max(0, start - 24), start))) return true;
  // "IDとパスワードの入力を求める": look past the password an ID is paired with.
  return PROTECTION.test(after.replace(/^\s?(?:・|及び|および|と|や|、)\s?(?:ログイン)?パスワード/, ""));
}

/**
 * The first mention, in a region about the leak, of data named only as a whole (個人情報, カード情報),
 * not itemised by a gloss ("個人情報(学籍番号及びGPA等)"). A mention in the title counts only when
 * `titleToo` (the body names no data at all): a title names the incident, the body its data.
 */
function wholeMention(ctx: RuleContext, re: RegExp, regions: readonly Region[], titleToo: boolean): { start: number; end: number } | null {
  // A "title" that is a whole sentence (a news lead without a headline) is body text.
  const headline = !/[。』]$/.test(ctx.title);
  for (const { from, to } of regions) {
    for (const h of hits(re, ctx.reading, from, to)) {
      if (!titleToo && headline && ctx.inHeadline(h.start)) continue;
      // A gloss itemises the data ("個人情報(氏名、住所)"); a count in brackets does not ("(18,746名分)").
      const gloss = /^\s?[(（](?!\s*(?:約|最大)?\s*[\d,]+\s*(?:名|件|人)分?\s*[)）])/.test(ctx.text.slice(h.end, h.end + 16));
      if (gloss || negated(ctx.reading, h.start, h.end)) continue;
      return h;
    }
  }
  return null;
}

/** Kinds of personal data the notice says were (possibly) exposed, minus what it rules out. */
export const dataTypesRule: Rule<"data_types"> = {
  field: "data_types",
  heuristics: ["data_types/phrase", "data_types/other", "data_types/other-listed-item", "data_types/personal-info-unitemised", "data_types/card-info-unitemised", "data_types/personal-info-title"],
  run(ctx) {
    const text = ctx.text;
    const found = new Map<DataType, Finding>();
    const seen = new Set<string>();
    const regions = dataRegions(ctx).filter(({ from, to }) => {
      const key = `${from}:${to}`;
      return !seen.has(key) && seen.add(key);
    });
    for (const region of regions) {
      const { from, to } = region;
      const taken: [number, number][] = [];
      const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
      for (const [type, re] of DATA_TYPE_PHRASES) {
        for (const h of hits(re, ctx.reading, from, to)) {
          if (overlaps(h.start, h.end)) continue;
          taken.push([h.start, h.end]);
          if (negated(ctx.reading, h.start, h.end) || notExposed(text, type, h.start, h.end)) continue;
          if (!found.has(type)) found.set(type, ctx.find("data_types", type, h.start, h.end, 0.85, "data_types/phrase"));
        }
      }
      // Items outside the vocabulary count where the region names data: a data list, a typed item,
      // 個人情報, 購入履歴….
      const namesData = region.listing || taken.length > 0 || /信用情報|注文内容|購入履歴/.test(text.slice(from, to)) || wholeMention(ctx, PERSONAL_DATA_WHOLE, [region], true);
      if (!namesData) continue;
      for (const h of hits(OTHER_DATA, ctx.reading, from, to)) {
        if (overlaps(h.start, h.end) || negated(ctx.reading, h.start, h.end) || BLOCKED_AFTER.test(text.slice(h.end, h.end + 6)) || HOLDER_AFTER.test(text.slice(h.end, h.end + 6)) || WHOSE_AFTER.test(text.slice(h.end, h.end + 8))) continue;
        if (!found.has("other")) found.set("other", ctx.find("data_types", "other", h.start, h.end, 0.6, "data_types/other"));
      }
      // A listed item that names data outside the vocabulary ("受診年月", "利用サービスの内容").
      if (!found.has("other") && (taken.length > 0 || region.labelled)) {
        for (const item of listItems(text, from, to)) {
          // "体重の測定記録": the record of a typed item (体重) is that item's, not other data.
          if (overlaps(item.whole, item.end) || negated(ctx.reading, item.start, item.end)) continue;
          found.set("other", ctx.find("data_types", "other", item.start, item.end, 0.5, "data_types/other-listed-item"));
          break;
        }
      }
    }
    // Data named only as a whole: 個人情報 when nothing says whose data items they were, カード情報
    // when no card item is listed ("クレジットカード情報等が流出").
    // 特定個人情報 (data with a My Number) names the kind of data, not its items.
    if (![...found.values()].some((f) => !NOT_ITEMISING.has(f.value as DataType) && !/個人情報$/.test(f.text))) {
      const m = wholeMention(ctx, PERSONAL_DATA_WHOLE, regions, found.size === 0);
      if (m) found.set("personal_info", ctx.find("data_types", "personal_info", m.start, m.end, 0.6, "data_types/personal-info-unitemised"));
    }
    // A notice that is its title alone ("…及び個人情報漏えいに関するお知らせ"): the title's words are all it says.
    const titled = TITLE_LEAK.exec(ctx.title);
    if (found.size === 0 && titled && ctx.body.trim().length < 10) {
      const at = ctx.titleStart + titled.index;
      found.set("personal_info", ctx.find("data_types", "personal_info", at, at + titled[0].length, 0.5, "data_types/personal-info-title"));
    }
    if (!CARD_ITEMS.some((t) => found.has(t))) {
      const m = wholeMention(ctx, CARD_DATA_WHOLE, regions, true);
      if (m) found.set("credit_card_info", ctx.find("data_types", "credit_card_info", m.start, m.end, 0.7, "data_types/card-info-unitemised"));
    }
    return [...found.values()];
  },
};
