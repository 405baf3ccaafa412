import { ADVISORY_BODIES, BEFORE_NO_SELF_REFERENCE, LEGAL_FORM, ORG_SUFFIX, SELF_REFERENCE, SELF_REFERENCE_WORD, UNNAMED_PARTY } from "../core/vocab/organizations.js";
import { textOf, type Subject } from "./reading.js";
import { hits, matchesOf, type Hit } from "./scan.js";

/** An organisation's name found in a text, with its offsets. */
export interface NameHit {
  name: string;
  start: number;
  end: number;
  /** The name carries a legal form (株式会社…, 学校法人…). */
  legal: boolean;
}

// Characters of a name: kanji, katakana, Latin letters, digits and the marks names use.
const NAME = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff々〆\\u30a1-\\u30ffA-Za-z0-9&'’.\\-";
// A run of name characters; a legal form or a Latin word may stand apart by one space
// ("一般財団法人 日本健康文化振興会", "Payment Card Forensics株式会社"); a number standing apart opens none
// ("3/4 株式会社X": the day is no part of the name), nor does an FAQ's mark ("A. 株式会社X") or a mark alone.
const WORD = new RegExp(`(?![0-9]+ |[QA][0-9]{0,2}[.)] |[.'’&-])(?:(?:${LEGAL_FORM}) ?)?[${NAME}]+(?: (?:${LEGAL_FORM}|[A-Za-z][${NAME}]*)){0,3}`, "g");
const SUFFIX = new RegExp(`(?:${ORG_SUFFIX})`, "g");
// An ending or a legal form anywhere: the words worth cutting.
const MARK = new RegExp(`(?:${ORG_SUFFIX}|${LEGAL_FORM})`, "g");
const LEGAL_AT_START = new RegExp(`^(?:${LEGAL_FORM}) ?`);
const LEGAL_ANYWHERE = new RegExp(`(?:${LEGAL_FORM})`, "g");
const LEGAL_AT_END = new RegExp(`(?:${LEGAL_FORM})$`);
const ONLY_LEGAL_FORM = new RegExp(`^ ?(?:${LEGAL_FORM})$`);
// A date or a count run into the front of a word ("2025年12月15日国立大学法人…").
const LEADING_DATE = /^.*\d(?:年度?|月|日)(?:頃|ごろ)?|^(?:19|20)\d{2}[./-]\d{1,2}[./-]\d{1,2} ?/;
// Single-character endings need two characters of name before them (津市 is lost; 同市, 本社 are not names).
const WEAK_SUFFIX = /^(?:社|会|館|局|団|荘|都|道|府|県|市|区|町|村|省|庁|法人)$/;
// What may follow an organisation's name inside the same word: its office, people or pages.
const APPENDAGE = /^(?:事務局|事務部|事務所|本部|支部|支社|支店|営業所|会員|正会員|職員|教職員|社員|従業員|役員|理事会|理事長|常務理事|理事|会長|副会長|社長|学長|校長|院長|所長|館長|長|代表理事|代表取締役|代表|運営委員会|公式|ホームページ|サイト|会員様|関係者|各位|様|さま|殿|御中|宛|[\dA-Za-z])/;
// A public body's departments after its name, and nothing else: ひなた市(総務部情報政策課), 架空県(健康福祉部医療政策課).
// Bodies of their own stay whole: a board (教育委員会), the police (警察本部), a bureau (水道局).
const PUBLIC_BODY_END = /^[都道府県市区町村]$/;
const DEPARTMENTS = /^(?!.*(?:委員会|警察|本部))(?:[\u4e00-\u9fff]{1,8}部)?(?:[\u4e00-\u9fff]{1,8}(?:課|室|係))?$/;
// Words of a kind, not a name: 市立中学校, 県内2法人, 委託先, 大手銀行.
const GENERIC = new RegExp(
  "^(?:[都道府県市区町村国私公]立|[都道府県市区町村国学院社館庁]内|[都道府県市区町村国]|当社|弊社|同社|自社|当該|関係各|中央|当|弊|本|同|貴|御|各|全|他|自|某|旧|新|元|前|関係|関連|委託|取引|外部|大手|中堅|地方|地域|総合|親|子|一部|複数|地元|全国|一般|民間|公的|外資系|海外|米国|英国|中国|韓国|米|英|中|韓|日本|登録|提携|加盟|指定|協力|近隣|取扱)?" +
  "(?:小学校|中学校|高等学校|高校|特別支援学校|学校|大学|大学院|短期大学|大学病院|動物病院|病院|医院|クリニック|診療所|薬局|幼稚園|保育園|保育所|こども園|図書館|美術館|博物館|会館|施設|事業所|会社|企業|法人|団体|協会|組合|センター|委員会|教育委員会|選挙管理委員会|議会|国会|政府|当局|役所|役場|市役所|県庁|都庁|府庁|庁|省|省庁|社|会|館|局|団|機関|医療機関|金融機関|研究所|事務所|財団|機構|銀行|店|店舗|支店|支社|本社|営業所|工場|子会社|関連会社|委託先|運営会社|委託会社|専門会社|調査会社|保険会社|証券会社|カード会社|クレジットカード会社|通信会社|新聞社|出版社|放送局|警察|警察署|消防局|消防署|水道局|交通局|市|県|町|村|区|州|グループ|ホールディングス|事務局|本部|支部)$",
);
// A desk, not a body: お客様サポートセンター, テレホンセンター, データセンター.
const DESK = /(?:テレホン|データ|サポート|コール|カスタマー|コンタクト|相談|問い?合わ?せ)センター$/;
// A place word that opens a description rather than a name: 県教育委員会, 市立中学校, 県内.
const GENERIC_HEAD = /^[都道府県市区町村](?:教育|選挙|議会|内|民|役|庁|警|職員)/;
// A company described by its kind, not named: 人材派遣会社, グループ会社, 関連会社 (legal forms are taken off first).
const KIND_OF_COMPANY = /(?:会社|企業|業者|事業者)$/;
// What may follow a legal form as a name: no brackets or spaces but between Latin words (株式会社Qubit Works), not people
// (役員等), not a site or system (NPO法人ポータルサイト).
const LEGAL_REST = /^(?!.*(?:等|ら|役員|職員|社員|会員|関係者|者|様)$)(?!(?:ポータル)?(?:サイト|システム|サーバー?|ページ|アカウント|アプリ|サービス|データ)$)(?:[^()\s、。,「」]|(?<=[A-Za-z]) (?=[A-Za-z])){2,30}$/;
// Placeholders and counts, not names: A社, B法人, 108法人; in a case collection, after the kind of body (製造業A社, 医療機関C).
const PLACEHOLDER = /^[^\sA-Za-z]{0,10}?(?:[A-Za-z]{1,2}|[A-Za-z]?\d+|[○〇●×]+)(?:社|法人|会社|病院|大学|学校|市|町|村|様)$|^[^\sA-Za-z]{0,10}(?:機関|企業|会社|法人|業者|メーカー|団体|病院|施設)[A-Z]$/;
// Gatherings end in 会 but are not organisations: 講習会, 説明会, 学術大会; nor are 照会, 機会, 面会.
const EVENT = /(?:講習|説明|研修|展示|懇親|勉強|発表|報告|交流|大|総|例|茶|宴|演奏|検討|審議|理事|社|照|機|面|再|司)会$/;
// Words that end in a self-reference or an office, or count bodies: 今後当社, 代表取締役社(長), 約900社.
const NOT_A_NAME_END = new RegExp(`(?:${SELF_REFERENCE_WORD})$|(?:取締役|代表|執行役員?)社$|\\d社$`);

const UNNAMED = new RegExp(UNNAMED_PARTY, "m");
/** True for a text (a numbered case) that tells of a body without naming it: ある会員企業では, 建設業A社. */
export function tellsOfUnnamedBody(text: string): boolean {
  return UNNAMED.test(text);
}

/** True for a legal form alone (株式会社, (公社)), no name with it. */
export function isLegalForm(word: string): boolean {
  return ONLY_LEGAL_FORM.test(word);
}

/** True when the name carries a legal form. */
export function hasLegalForm(name: string): boolean {
  LEGAL_ANYWHERE.lastIndex = 0;
  return LEGAL_ANYWHERE.test(name);
}

/** True for words that are kinds of organisation or references to one, not names (市立中学校, 当社, 委託先). */
export function isGeneric(name: string): boolean {
  // "静岡県の総合病院": a kind of body described by its place is no name either.
  const key = name.replace(LEGAL_ANYWHERE, "").replace(/\s+/g, "").replace(/^.*[\u3400-\u9fff\u30a1-\u30fa]の(?=[^の]+$)/, "");
  return key.length < 2 || SELF_REFERENCE.test(key) || GENERIC.test(key) || GENERIC_HEAD.test(key) || EVENT.test(key) || KIND_OF_COMPANY.test(key) ||
    PLACEHOLDER.test(key) || DESK.test(key) || endsAsNoName(key);
}

/** True for a word that ends in a self-reference standing as a word (今後当社, not 日本学), an office or a count of bodies. */
function endsAsNoName(key: string): boolean {
  const m = NOT_A_NAME_END.exec(key);
  return m !== null && !BEFORE_NO_SELF_REFERENCE[m[0][0]!]?.includes(key[m.index - 1] ?? " ");
}

/** True for regulators, police and advisory bodies (IPA, JPCERT/CC…). */
export function isAdvisoryBody(name: string): boolean {
  return ADVISORY_BODIES.test(name.replace(LEGAL_ANYWHERE, "").replace(/\s+/g, ""));
}

/**
 * The organisation a word names, cut where its name ends (北海道情報大学事務部 → 北海道情報大学,
 * 日本栄養士連盟会員 → 日本栄養士連盟), or null when the word names none. The shortest cut that
 * leaves nothing, an office or a person behind wins.
 */
export function orgNameOf(word: string): string | null {
  const w = (/\d/.test(word) ? word.replace(LEADING_DATE, "") : word).trim();
  const legal = LEGAL_AT_START.exec(w);
  // A public body above its departments, kept for when no longer name ends the word (北海道情報大学事務部 is a university's).
  let body: string | null = null;
  SUFFIX.lastIndex = 0;
  for (let m = SUFFIX.exec(w); m; m = SUFFIX.exec(w)) {
    const end = m.index + m[0].length;
    const before = w.slice(legal ? legal[0].length : 0, m.index);
    // (A list's number before a legal form standing apart, "1. 株式会社", names nothing, here or below.)
    if (before.length < (WEAK_SUFFIX.test(m[0]) ? 2 : 1) || !/[^\d\s.．、()（）]/.test(before)) continue;
    const rest = w.slice(end);
    if (rest === "" || APPENDAGE.test(rest) || ONLY_LEGAL_FORM.test(rest)) {
      const name = /^ ?(?:株式会社|有限会社|合同会社)$/.test(rest) ? w : w.slice(0, end);
      return isGeneric(name) ? null : name;
    }
    if (body === null && PUBLIC_BODY_END.test(m[0]) && DEPARTMENTS.test(rest) && !isGeneric(w.slice(0, end))) body = w.slice(0, end);
  }
  if (body) return body;
  // A legal form and a name without a telling ending: NPO法人WELgee, 株式会社アルファ水工コンサルタンツ.
  if (legal && LEGAL_REST.test(w.slice(legal[0].length))) {
    const name = w.replace(/(?:代表取締役|代表理事|理事長|会長|社長).*$|(?<=\S{2})(?:提供|製)$/, "");
    return isGeneric(name) ? null : name;
  }
  if (LEGAL_AT_END.test(w) && !isGeneric(w) && /[^\d\s.．、()（）]/.test(w.replace(LEGAL_AT_END, ""))) return w;
  return null;
}

// Hiragana that joins clauses, never a name's kana (ひがし, みどり野, つつじが丘 are names): a lone
// particle, a conjunction, a verb ending.
const CLAUSE_KANA = /^[はがをにでともへや]$|^[はがをにでともへやの]{2}$|^(?:から|まで|より|など|では|には|とは|への|での)|について|による|により|によって|における|として|および|ならびに|または|して|され|する|した|いる|ある|れる|った|ない|です|ます|こと|よう|ため|^(?:この|その|あの|なお|さらに|ただし|しかし|これ|それ|すべて)/;

/** True for a name written in the notice's own words that reads as one (no clause swallowed into it). */
export function isPlainName(name: string): boolean {
  // Kana may stand in a name (さいたま市, 市立みどり野中学校, お茶の水女子大学), particles may not, except
  // right after a legal form, where kana open the name itself (株式会社からくり雑貨店); brackets only around a
  // legal form ((公社)日本植物学会).
  for (const k of matchesOf(/[ぁ-ゖ]+/g, name)) {
    if (k[0] !== "の" && CLAUSE_KANA.test(k[0]) && !BEFORE_KANA.test(name.slice(0, k.index))) return false;
  }
  return !/[。、,「」『』【】:：!?()]/.test(name.replace(LEGAL_ANYWHERE, "")) && name.length >= 2 && name.length <= 40;
}

// A word a kana part of a name may follow: 北浜市立(みどり野中学校), 株式会社(あおぞらシステムズ).
const BEFORE_KANA = new RegExp(`(?:[都道府県市区町村国私公]立|${LEGAL_FORM}) ?$`);

// Where a phrase starts: the text's start, a space, a comma, an opening bracket.
const PHRASE_START = /[\s、。,「『【(（:：・]/;
// A run of kanji, katakana and Latin letters that a name's kana may follow.
const NAME_RUN = /[\p{Script=Han}\p{Script=Katakana}ー々A-Za-z0-9]/u;

// The last verb ending of a clause in a run of kana, with at least two kana after it (である|そよかぜ).
const CLAUSE_VERB_END = /(?:である|とする|する|した|している|していた|がける|営む|扱う)(?=[ぁ-ゖゝゞ]{2,}$)(?!.*(?:である|する|した))/;

/** True for a code unit of hiragana or its iteration marks (ぁ-ゖ, ゝ, ゞ), read without a pattern: kanaStart asks it of every word's lead. */
function isKanaUnit(c: number): boolean {
  return (c >= 0x3041 && c <= 0x3096) || c === 0x309d || c === 0x309e;
}

/**
 * Where a name starts that has kana before `at`: at a phrase start (さいたま市), after 市立, 株式会社…,
 * or after a short kanji word that starts the phrase and holds no particle between (東北海道いすゞ自動車); else `at`.
 */
function kanaStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && s > at - 8 && isKanaUnit(text.charCodeAt(s - 1))) s--;
  if (s === at) return at;
  // A verb that ends a describing clause bounds the name as a comma would: "…の提供元であるそよかぜネット株式会社".
  const verb = CLAUSE_VERB_END.exec(text.slice(s, at));
  if (verb) s += verb.index + verb[0].length;
  const kana = text.slice(s, at);
  // Kana that hold a particle past their first character join a clause (すでに…, すみやかにお客様…); が may stand in a name (つつじが丘).
  if (s === at || kana.length < 2 || CLAUSE_KANA.test(kana) || /^の|の$/.test(kana) || /[にでをは]/.test(kana.slice(1))) return at;
  if (s === 0 || verb || PHRASE_START.test(text[s - 1]!)) return s;
  const head = BEFORE_KANA.exec(text.slice(Math.max(0, s - 24), s));
  let w = head ? s - head[0].length : s;
  while (w > 0 && (head || w > s - 8) && NAME_RUN.test(text[w - 1]!)) w--;
  if (head || (w < s && !/[はがをにでともへやのか]/.test(kana) && (w === 0 || PHRASE_START.test(text[w - 1]!)))) return w;
  return at;
}

const APART_LEGAL_FORM = new RegExp(` (${LEGAL_FORM})$`);
// A name in kana after a legal form, standing alone up to a break: "株式会社つゆきより |", "株式会社あおぞら、".
const KANA_NAME = /^ ?[ぁ-ゖゝゞ][ぁ-ゖゝゞ\u30a1-\u30ff\u3400-\u9fff々A-Za-z0-9]{1,19}(?=[\s|｜、。,()「」『』:：]|$)/;

/** The name a legal form standing alone opens when kana follow it (株式会社つゆきより), or null. */
function kanaAfterLegalForm(text: string, h: Hit): string | null {
  if (!ONLY_LEGAL_FORM.test(h.text)) return null;
  const found = KANA_NAME.exec(text.slice(h.end, h.end + 24))?.[0];
  // A particle that goes on with a date ends the name there (株式会社ゆきぐにモバイルが4月14日に…), or leaves none
  // (「医療法人は2日、」: the legal form stands for an unnamed body).
  const m = found?.slice(0, /[はがをにでともへやの](?=[0-9０-９])/.exec(found)?.index ?? found.length);
  if (!m || m.trim().length < 2 || /[はがをにでともへやの]$/.test(m) || CLAUSE_KANA.test(m.trim().replace(/より$/, ""))) return null;
  return h.text + m;
}

// A name after a legal form that holds kana between its kanji or katakana (株式会社旅やどネット), running to a break;
// its kana open no clause (は, が, を… do not start them) and it ends in no kana.
const MIXED_NAME = /^[\u30a1-\u30ff\u3400-\u9fff々A-Za-z0-9ー]+(?:[ぁ-ゖ]{2,4}[\u30a1-\u30ff\u3400-\u9fff々A-Za-z0-9ー]+){1,2}(?=[\s|｜、。,()（）「」『』:：]|$)/;

/** The whole name a legal form opens when kana stand inside it (株式会社旅やどネット（本社…）), or null. */
function mixedAfterLegalForm(text: string, h: Hit): string | null {
  const legal = LEGAL_AT_START.exec(h.text);
  if (!legal || !/[ぁ-ゖ]/.test(text[h.end] ?? "")) return null;
  const from = h.start + legal[0].length;
  const m = MIXED_NAME.exec(text.slice(from, from + 30));
  if (!m || m[0].length > 20) return null;
  const kana = m[0].match(/[ぁ-ゖ]+/g)!;
  return kana.every((k) => !/^[はがをにでともへのか]/.test(k) && !CLAUSE_KANA.test(k)) ? text.slice(h.start, from + m[0].length) : null;
}

/** Every organisation name of a text, in order. */
function namesOf(text: string): NameHit[] {
  const out: NameHit[] = [];
  const marks = hits(MARK, text);
  let k = 0;
  for (const word of hits(WORD, text)) {
    // A legal form standing apart at a word's end opens the kana name after it, not the word's
    // ("会社名 株式会社あけぼの…": a label, then the name).
    const apart = APART_LEGAL_FORM.exec(word.text);
    const alone = apart ? { ...word, start: word.start + apart.index + 1, text: apart[1]! } : null;
    const h = alone && kanaAfterLegalForm(text, alone) ? alone : word;
    const lead = /\d/.test(h.text) ? h.text.length - h.text.replace(LEADING_DATE, "").length : 0;
    const at = h.start + lead;
    const kana = lead === 0 ? kanaStart(text, at) : at;
    // Only a word holding an ending or a legal form can name an organisation.
    while (k < marks.length && marks[k]!.start < kana) k++;
    if (k >= marks.length || marks[k]!.start >= h.end) continue;
    const name = mixedAfterLegalForm(text, h) ?? (kana < at ? orgNameOf(text.slice(kana, h.end)) : null) ?? orgNameOf(h.text.replace(/^・+/, "")) ?? kanaAfterLegalForm(text, h);
    if (!name) continue;
    const start = kana < at && text.startsWith(name, kana) ? kana : text.indexOf(name, at);
    // A name read again from where an earlier one starts (株式会社ひので…, 東北海道いすゞ…): the longer reading stands.
    if (out.length && out[out.length - 1]!.start === start) out.pop();
    out.push({ name, start, end: start + name.length, legal: hasLegalForm(name) });
  }
  return out;
}

/** The marks before a heading that names an organisation alone: "■ ", "### 1) ", "(2) ", a dated bullet "・8月2日 ", a numbered day "(1) 8月5日公表 ". */
export const HEADING_MARK = /^\s*(?:#{1,6}\s*)?(?:[(（]?[0-9０-９]{1,2}[)）.．、]\s*)?(?:[・•]?\s*[0-9０-９]{1,2}\s*月\s*[0-9０-９]{1,2}\s*日\s*(?:公表|発表)?\s*)?[■□◆◇●○▼▶]?\s*/;

/** A heading's name before the bracket closing on the day it was made public, perhaps with a legal name first in it: "X(株式会社Y、9月12日公表)". */
export const NAME_BEFORE_PUBLISHED = /^([^()（）\n]{2,30}?)\s*[(（](?:([^()（）、\n]{2,30})、)?\s*\d{1,2}月\d{1,2}日(?:公表|発表)[)）]$/;

/** An English item naming the organisation, its Japanese name in brackets, then a dash and what happened: "1. Miyabi Foods (株式会社ミヤビフーズ) — card skimming…". */
export const GLOSSED_ITEM = /^\s*(?:[0-9]{1,2}[.)]|[■□◆◇●○▼▶])\s*[A-Za-z][^()（）\n]{1,40}?\s*[(（]([^()（）\n]{2,30})[)）]\s*[—–―-]\s*\S.{3,}$/;

/** A short name a document defines for a party (株式会社X(以下「X社」という。)): the party's name and the label. */
export const DEFINED_AS_LABEL = /(?<name>[^\s、。,「」『』()（）:：]{2,50}?)\s?\((?:以下|下記)[、,]?\s?[「『](?<label>[^」』\n]{1,20})[」』]/g;

/** Every organisation name in `text[from, to)`, in order (a Reading's names are found once: rules ask region by region). */
export function orgNamesIn(subject: Subject, from = 0, to = textOf(subject).length): NameHit[] {
  const names = typeof subject === "string" ? namesOf(subject) : subject.once(namesOf, namesOf);
  return names.filter((h) => h.start >= from && h.end <= to);
}

const SELF_WORDS = new RegExp(SELF_REFERENCE_WORD, "g");

/** Every self-reference of a text (当社, 本学…) that stands as a word of its own (日本学術 holds no 本学). */
export function selfReferencesIn(subject: Subject): Hit[] {
  const text = textOf(subject);
  return hits(SELF_WORDS, subject).filter((h) => !BEFORE_NO_SELF_REFERENCE[h.text[0]!]?.includes(text[h.start - 1] ?? " "));
}
