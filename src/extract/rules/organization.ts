import type { Finding } from "../../core/types.js";
import type { Rule, RuleContext } from "../context.js";
import { hits, lineAround, matchesOf } from "../scan.js";
import { BUSINESS_KIND, ENGLISH_ORG_ENDING, ENGLISH_SAYS, LEGAL_FORM, REGULATORS, SELF_REFERENCE, SELF_REFERENCES, SELF_REFERENCE_WORD, orgKey } from "../../core/vocab/organizations.js";
import { DATA_TYPE_PHRASES } from "../../core/vocab/data-types.js";
import { DEFINED_AS_LABEL, GLOSSED_ITEM, HEADING_MARK, NAME_BEFORE_PUBLISHED, hasLegalForm, isAdvisoryBody, isGeneric, isLegalForm, isPlainName, orgNameOf, orgNamesIn, selfReferencesIn, tellsOfUnnamedBody } from "../names.js";

/**
 * The places a notice names an organisation, each with the weight its evidence adds to a candidate
 * and the confidence of a value read from it (about how often such a place names the organisation
 * the notice is by or about).
 */
const KINDS = {
  // The notice says who it is by: a heading, a self-definition, a signed letterhead, a dated news lead.
  "named-victim": { weight: 7, confidence: 0.8 }, "regulator-target": { weight: 6, confidence: 0.8 }, "self-definition": { weight: 5, confidence: 0.9 },
  heading: { weight: 5, confidence: 0.9 }, listing: { weight: 5, confidence: 0.85 }, "digest-heading": { weight: 5, confidence: 0.85 },
  "title-head": { weight: 4.5, confidence: 0.85 }, "title-trailer": { weight: 4.5, confidence: 0.85 },
  "news-subject": { weight: 4, confidence: 0.85 }, letterhead: { weight: 4, confidence: 0.85 }, "quoted-subject": { weight: 4, confidence: 0.8 },
  "self-named": { weight: 4, confidence: 0.75 },
  // Good places, but for words that do not end like a name, or lines that do not sign.
  "news-subject-word": { weight: 3, confidence: 0.7 }, "page-publisher": { weight: 2.6, confidence: 0.6 },
  "title-head-word": { weight: 2.5, confidence: 0.6 }, "title-name": { weight: 2.5, confidence: 0.7 },
  "letterhead-line": { weight: 2.5, confidence: 0.6 }, "mail-header": { weight: 2.5, confidence: 0.7 }, "english-subject": { weight: 3, confidence: 0.6 },
  "heading-token": { weight: 2.5, confidence: 0.6 }, "reporter-word": { weight: 2, confidence: 0.6 }, regulator: { weight: 2, confidence: 0.6 },
  // Passing mentions: they add up, and a vendor's counts against.
  contact: { weight: 1.5, confidence: 0.6 }, subject: { weight: 1.5, confidence: 0.6 },
  mentioned: { weight: 0.7, confidence: 0.5 }, vendor: { weight: -1.5, confidence: 0.3 },
} as const;
type Kind = keyof typeof KINDS;

/** A line of the notice with its offsets. */
type Line = { start: number; end: number; text: string };

/** One place naming an organisation: offsets into the notice text, or into the decoded text when `inSource`. */
interface Evidence {
  name: string;
  start: number;
  end: number;
  kind: Kind;
  inSource?: boolean;
}

const ev = (name: string, start: number, kind: Kind): Evidence => ({ name, start, end: start + name.length, kind });

// ---------------------------------------------------------------------------------------------
// Headings of blogs, digests and listings

const HAS_LEGAL_FORM = new RegExp(LEGAL_FORM);
const STARTS_WITH_LEGAL_FORM = new RegExp(`^(?:${LEGAL_FORM})`);
const INSTITUTION = /^[^\sのへにをがで]{2,20}(?:大学|大学院|短期大学|高等学校|中学校|小学校|学校|学園|幼稚園|保育園|病院|クリニック|医院|診療所|ホーム|施設|センター)$/;
const SITE_WORDS = /(?:コーポレートサイト|公式サイト|公式ホームページ|ホームページ|ウェブサイト|Webサイト|WEBサイト|オンラインショップ|公式X|公式アカウント)$/;

/** The organisation a regulator's notice is about: the first name with a legal form after the regulator. */
function regulatorTarget(rest: string): { name: string; at: number } | null {
  const m = orgNamesIn(rest).find((h) => h.legal);
  return m ? { name: m.name, at: m.start } : null;
}

// A legal form written apart after a name (「個人情報保護委員会 株式会社」).
const LEGAL_FORMS_AT_END = new RegExp(`\\s*(?:${LEGAL_FORM})$`);

/** Name at the head of a blog heading: 【…】ORG title, or ORG title after a news category. */
function fromHeading(ctx: RuleContext): Evidence | null {
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
    const target = regulatorTarget(rest.slice(lead + t0.length));
    if (target) return { ...ev(target.name, start + t0.length + target.at, "regulator-target"), name: target.name.replace(/\s+/g, "") };
    return ev(t0, start, "regulator");
  }
  const t1 = tokens[1];
  if (t1 && orgNameOf(t0) === null && t0.length <= 12 && /^[^\sのへにをがで]{1,20}(?:株式会社|ホールディングス|グループ)$/.test(t1)) {
    return ev(`${t0} ${t1}`, start, "heading");
  }
  // "学校法人白鷺学園 白鷺女子大学": the legal body and the institution it runs, both kept.
  if (t1 && STARTS_WITH_LEGAL_FORM.test(t0) && INSTITUTION.test(t1)) return ev(`${t0} ${t1}`, start, "heading");
  const cut = orgNameOf(t0);
  if (cut && t0.startsWith(cut)) return ev(cut, start, "heading");
  if (tokens.length > 1 && t0.length <= 25 && !/の|への|による|について|に関する/.test(t0)) return ev(t0, start, "heading-token");
  return null;
}

// (A circled number may follow the mark: "■ ① 株式会社X：…", read as "1 " in NFKC.)
const DIGEST_NAME = /^\s*[■◆●▼□◇★☆]\s*(?:[0-9]{1,2}\s+)?(?:(?:(?:19|20)\d{2}年)?\d{1,2}月\d{1,2}日\s*(?:公表|発表|公開)?\s*)?([^：:。]{2,40}?)\s*[：:]/;

// A digest item's name in brackets before its text on its line: "【株式会社X】受注システムへの不正アクセスにより…".
const NAME_LABEL_BEFORE = /【([^】\n]{2,30})】\s*$/;

/** Name before the colon of a digest entry's heading ("■ 3月4日公表 株式会社X：title"), or in brackets before the item's text. */
function fromDigest(ctx: RuleContext): Evidence | null {
  const above = nameAbove(ctx);
  if (above) return above;
  const glossed = GLOSSED_ITEM.exec(ctx.title)?.[1];
  if (glossed && (orgNameOf(glossed) === glossed || hasLegalForm(glossed))) return ev(glossed, ctx.titleStart + ctx.title.indexOf(glossed), "digest-heading");
  const m = DIGEST_NAME.exec(ctx.title);
  if (!m) {
    const from = ctx.text.lastIndexOf("\n", ctx.titleStart - 1) + 1;
    const label = NAME_LABEL_BEFORE.exec(ctx.text.slice(from, ctx.titleStart));
    const name = label?.[1]!.trim();
    return name && (orgNameOf(name) === name || hasLegalForm(name)) ? ev(name, from + label!.index + 1, "digest-heading") : null;
  }
  const name = m[1]!.trim();
  if (!(orgNameOf(name) === name || hasLegalForm(name))) return null;
  return ev(name, ctx.titleStart + m[0].indexOf(name), "digest-heading");
}

// A digest item's heading over its text: a mark (a bullet too), the name, perhaps the day it was made public ("■株式会社X(11月27日公表)").
const MARKED_NAME_LINE = /^\s*[■□◆◇●○▼▶・•]\s*([^\s、。:：()（）][^、。:：()（）]{1,30}?)\s*(?:[(（][^()（）\n]{1,30}[)）])?\s*$/;

/** The name a digest item's heading gives on the line above the item's title, within the notice. */
function nameAbove(ctx: RuleContext): Evidence | null {
  // (The title's line may be indented: 「　食品卸。…」 under 「・株式会社X（8月5日公表）」.)
  const line = ctx.text.lastIndexOf("\n", ctx.titleStart - 1) + 1;
  if (line === 0) return null;
  const from = ctx.text.lastIndexOf("\n", line - 2) + 1;
  const heading = ctx.text.slice(from, line).trimEnd();
  // A heading closing on the day it was made public names a body, whatever its name ends in (■ ちりはまスポーツクラブ(6月21日公表)),
  // or gives its legal name in the bracket (■ 伊賀の里オンラインショップ(株式会社伊賀の里本舗、9月12日公表)).
  const bare = heading.replace(/^\s*[■□◆◇●○▼▶・•]\s*/, "");
  const published = bare !== heading ? NAME_BEFORE_PUBLISHED.exec(bare) : null;
  const legal = published?.[2];
  if (legal && hasLegalForm(legal) && isPlainName(legal)) return ev(legal, from + heading.lastIndexOf(legal), "digest-heading");
  const m = MARKED_NAME_LINE.exec(heading);
  const name = m?.[1]!.trim();
  const named = name && (orgNameOf(name) === name || hasLegalForm(name) || (published !== null && isPlainName(name) && !isGeneric(name)));
  return named ? ev(name!, from + m![0].indexOf(name!), "digest-heading") : null;
}

/** Name after the last "/" of a news-listing title: "category title/ORG". */
function fromListing(ctx: RuleContext): Evidence | null {
  const title = ctx.title;
  if (title.startsWith("【") || (!ctx.notice.listingDate && !ctx.notice.category)) return null;
  const slash = title.lastIndexOf("/");
  if (slash < 0 || slash > title.length - 2) return null;
  const raw = title.slice(slash + 1).trim();
  // "2021/1/18 | 株式会社X | 162": the slash of a date, not the one before a name; nor an English title's
  // Japanese twin after it (Misdirected fax. / 紹介状を誤った番号に…送信し、…).
  if (/^\d|[|｜]/.test(raw) || /[。、]/.test(raw)) return null;
  const name = raw.replace(SITE_WORDS, "").trim() || raw;
  return ev(name, ctx.titleStart + title.indexOf(raw, slash), "listing");
}

/** The organisation a regulator acted on: "株式会社Xに対する…指導", "Xに対し…勧告". */
function fromRegulatorTarget(ctx: RuleContext): Evidence | null {
  if (ctx.notice.kind !== "regulator_action") return null;
  for (const [from, to] of [[ctx.titleStart, ctx.titleEnd], [ctx.titleEnd, Math.min(ctx.text.length, ctx.titleEnd + 800)]] as const) {
    for (const h of orgNamesIn(ctx.reading, from, to)) {
      // (A regulator is never its own target: 「個人情報保護委員会 株式会社X」 reads as one name written apart.)
      if (h.legal && !REGULATORS.test(h.name.replace(LEGAL_FORMS_AT_END, "")) && /^\s*(?:[(（][^)）\n]{0,30}[)）])?\s*(?:及び|および|並びに|と|、)?[^。\n]{0,20}に対(?:する|し)/.test(ctx.text.slice(h.end, h.end + 60))) {
        return { ...ev(h.name, h.start, "regulator-target"), name: h.name.replace(/\s+/g, "") };
      }
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Titles of notices and news

// Labels, bullets, numbers and dates in front of a title: 【報道発表資料】, ■, (1), 2024-02-15.
const TITLE_LEAD = /^(?:\s|\||【[^】]{0,30}】|\[[^\]]{0,30}\]|[■◆●▼□◇★☆▶▷◎・『「]|\(\d{1,2}\)|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}\/\d{1,2}(?=\s)|\d{1,2}月\d{1,2}日(?=\s)|(?:令和|平成)?\d{1,4}年\d{1,2}月\d{1,2}日[:：]?)+/;
// A place in a label before a news title: 【宮城県】.
const PLACE_LABEL = /【(\S{1,6}[都道府県市区町村])】\s*$/;
// Where a title's subject ends: a hard break (a table's bar, a space, but not between Latin words: 株式会社Qubit Works), or a particle
// that may also sit inside a name (の, に, で).
const TITLE_BREAK = /における|において|での|への|に対する|による|に関する|について|、|,|\||\s(?![A-Za-z])|(?<![A-Za-z])\s|「|『|\(|——|―|(の|に|で|が|は|を|へ|と)/g;
// An event written straight after its subject: "クーパン情報流出で…", "X顧客データ漏えい".
const GLUED_EVENT = /(?:個人情報|顧客情報|会員情報|顧客データ|情報|データ)(?:の)?(?:流出|漏えい|漏洩)$|(?:不正アクセス|ランサムウェア被害|サイバー攻撃)$/;
// What befalls an owner named before の: "Xの個人情報が流出", "Xのサーバーに不正アクセス", "Xの欧州子会社で".
const OWNED_EVENT = /^(?:個人|顧客|会員|利用者|お客様)?(?:情報|データ)(?:が|の)?(?:流出|漏えい|漏洩)|^(?:サーバー?|システム|ホームページ|HP|ウェブサイト|サイト)(?:が|に|へ)|^[^\s、。]{0,4}(?:子会社|関連会社|グループ会社)(?:が|で|に)/;
// A short label before a colon at the head of a digest's item: 製造:, 公的機関(東京都):.
const TITLE_LABEL = /^([^\s:：、。「」【】]{1,12})[:：](?=\S)/;
// What a title's subject reports or suffers: "Xが不正アクセス公表", "Xがランサム事案の続報を開示".
const TITLE_REPORT = /公表|開示|発表|明らかに|被害|不正アクセス|流出|漏えい|漏洩|感染|攻撃/;
// The words a title's subject may end in when it is a service, not an organisation.
const NOT_AN_ORG = /(?:サイト|システム|サーバ|サーバー|メール|アカウント|ページ|データ|情報|ネットワーク|PC|パソコン|端末|アプリ|サービス|機器|ファイル|USBメモリ|書類|名簿|個人情報|カード|業務|お客様|顧客|会員|職員|社員|従業員|生徒|学生|患者|利用者|攻撃|被害|事案|事故|漏えい|漏洩|流出|紛失|不正アクセス|ランサムウェア|フィッシング|お詫び|お知らせ|ご報告|重要|機関|業者|事業者|委託先|氏|さん|社長|会長|容疑者|被告|ハッカー|攻撃者|犯人|集団|教授|議員|大臣|知事|市長|町長|村長|理事長|院長|学長|校長|部長|課長|担当者|広報|代表|委員長|関係者|警察|県警|政府|当局|男|女|男性|女性|家族|専門家|研究者|捜査員|本件|今回|調査|報告|発表|報道|資料|記事|説明|結果|原因|様|さま|者)$|^(?:公式|当社|弊社)?(?:オンライン(?:ストア|ショップ)|ネットショップ|ウェブショップ|Webショップ|ECサイト|通販サイト|ショッピングサイト|会員サイト)$/;

// A description before a name, written in kanji and katakana: 家電量販店の, 人材派遣大手の, 米検索大手
// (お茶の水 starts in kana: a name; a の inside the kana of the name itself, 食品卸のみちのく商事, is no second
// description); a kind of company glued to the name: 旅行会社さくら旅路, 化粧品メーカーX.
const DESCRIPTION = /^[\u3400-\u9fff\u30a1-\u30fc々]{2,12}の(?=(?:[^の]|(?<=[ぁ-ゖ])の(?=[ぁ-ゖ])){2,}$)|^[\u3400-\u9fff\u30a1-\u30fc々]{0,10}(?:最大手|大手)(?=[^\sの]{2,}$)|^[\u3400-\u9fff\u30a1-\u30fc々]{1,8}(?:(?<!株式|有限|合同|合資|合名)会社|メーカー|業者|企業)(?=[^\sの]{2,}$)/;

/** A name after its description: "家電量販店のヤマダ電機" → "ヤマダ電機" (お茶の水女子大学 keeps its の). */
function afterDescription(word: string): string {
  const m = DESCRIPTION.exec(word);
  return m ? word.slice(m[0].length) : word;
}

// A name that opens on its legal form after the clause describing it: "…を運営する株式会社そよかぜツアーズ".
const LEGAL_NAME_AFTER_CLAUSE = new RegExp(`[ぁ-ゖ](?=(?:${LEGAL_FORM})[^、。\\s]+$)`);

const SELF_CLAUSE = new RegExp(`${SELF_REFERENCE_WORD}|委託|取引`);
// The verb that ends a describing clause, then a name ending on its legal form or on a company's ending (もりのき商事).
// (The clause is what stands before the last such verb.)
const CLAUSE_VERB_BEFORE_NAME = /^(.*)(?:である|とする|する|した|している|していた|手がける|手掛ける|営む|扱う|構える|持つ)([^、。\s]{2,30})$/;

/** A name after the clause that describes it: "財布やかばんを販売する三京商会" → "三京商会". */
function afterClause(word: string, located = false): string {
  if (isPlainName(word)) return word;
  // Not when the clause ties the name to the notice's own organisation (当社が委託している株式会社X: its vendor).
  const legal = LEGAL_NAME_AFTER_CLAUSE.exec(word);
  if (legal && isPlainName(word.slice(legal.index + 1)) && !SELF_CLAUSE.test(word.slice(0, legal.index + 1))) return word.slice(legal.index + 1);
  // A name in kana after the verb ending its clause, that ends on its legal form or a company's ending:
  // "…メーカーであるかざぐるま機工株式会社", "…を運営するもりのき商事".
  const verb = CLAUSE_VERB_BEFORE_NAME.exec(word);
  const named = verb?.[2];
  const own = named !== undefined && isPlainName(named) && !isGeneric(named) && !SELF_CLAUSE.test(verb![1]!);
  if (own && (hasLegalForm(named) || orgNameOf(named) === named)) return named;
  // A name opening in kana right after the verb ("…を運営するからくり雑貨"): the kana are the name's, not the clause's.
  // Located by its head office (「…を開発するしらかば情報システム(札幌市)は」), it is a company whatever its name ends in.
  if (own && /^[ぁ-ゖ]{2,}[^ぁ-ゖ、。\s]{2,}$/.test(named) && (located || !NOT_AN_ORG.test(named))) return named;
  const tail = /[^ぁ-ゖ、。\s]{2,}$/.exec(word);
  return tail && /[ぁ-ゖ]$/.test(word.slice(0, tail.index)) ? tail[0] : word;
}

/** The subject at the head of a title: "XにおけるYの紛失", "Xへの不正アクセス", "X、…と発表". */
function fromTitleHead(ctx: RuleContext): Evidence | null {
  const t = ctx.text.slice(ctx.titleStart, ctx.titleEnd);
  let lead = TITLE_LEAD.exec(t)?.[0].length ?? 0;
  // "製造:オークマの…": a digest's label for the industry, not a name; "公的機関(東京都):…" names the body in brackets.
  const label = TITLE_LABEL.exec(t.slice(lead));
  // "株式会社X：通販サイトの決済画面が改ざん": a digest's item led by the body it tells of.
  if (label && orgNameOf(label[1]!) === label[1] && isPlainName(label[1]!) && !isAdvisoryBody(label[1]!)) return ev(label[1]!, ctx.titleStart + lead, "title-head");
  if (label && orgNameOf(label[1]!) === null) {
    const inner = /\(([^()]{2,20})\)$/.exec(label[1]!)?.[1];
    if (inner && orgNameOf(inner) === inner) return ev(inner, ctx.titleStart + lead + label[1]!.lastIndexOf(inner), "title-head");
    lead += label[0].length;
  }
  const head = t.slice(lead, lead + 40);
  // A table's row: its first cell after the date is the name whole, particles and all (| 株式会社はせがわ酒店 |).
  const cell = /^([^|]{2,30}?)\s*\|/.exec(head)?.[1];
  if (cell && orgNameOf(cell) === cell && isPlainName(cell)) return ev(cell, ctx.titleStart + lead, "title-head");
  for (const m of matchesOf(TITLE_BREAK, head)) {
    const described = head.slice(0, m.index);
    const word = afterDescription(afterClause(described));
    if (word.length < 2) { if (!m[1]) break; continue; }
    if (!m[1] && isLegalForm(word)) continue; // "学校法人 白百合台学園の…": the space after a legal form is inside the name
    // "…によりJTBの個人情報が流出": the subject of an event is the word before the の.
    const owner = m[1] === "の" && OWNED_EVENT.test(head.slice(m.index! + 1));
    // "Xが不正アクセス公表", "Xは…被害を開示": the subject of a report.
    // "XでY" in a headline: the place where the incident struck ("ウミネコ書房で不正アクセス").
    const reporter = (m[1] === "が" || m[1] === "は" || m[1] === "で") && TITLE_REPORT.test(t.slice(lead + m.index! + 1, lead + m.index! + (m[1] === "で" ? 12 : Infinity)));
    const at = ctx.titleStart + lead + described.length - word.length;
    const name = orgNameOf(word);
    // "静岡県の総合病院…": a place before の describes what follows; look further.
    if (name === word && isPlainName(word) && !(m[1] === "の" && PLACE.test(word))) return isAdvisoryBody(word) ? null : ev(word, at, "title-head");
    if (m[1] && !GLUED_EVENT.test(word) && !owner && !reporter) continue; // の, に, で… may sit inside a name: look further
    // "【宮城県】県立特別支援学校、…": news that names a body only by its kind and its place.
    const place = PLACE_LABEL.exec(t.slice(0, lead));
    if (place && isGeneric(word) && orgNameOf(`${place[1]}${word}`)) {
      const from = ctx.titleStart + place.index + 1;
      return { name: `${place[1]} ${word}`, start: from, end: at + word.length, kind: "title-head" };
    }
    // A word that is not a name by its ending counts only as the subject of "XにおけるY", "Xへの…",
    // "X、…" or "X情報流出…", when the body names it again; or of "Xの個人情報が…", "Xが…を公表".
    const glued = GLUED_EVENT.exec(word);
    const subject = glued ? word.slice(0, glued.index) : owner || reporter || /^(?:における|において|での|への|、)$/.test(m[0]) ? word : "";
    const named = subject.length >= 2 && isPlainName(subject) && subject.length <= 20 && !/[ぁ-ゖ]/.test(subject) && !isGeneric(subject) &&
      !NOT_AN_ORG.test(subject) && !/^(?:\d|当|弊|本|同)/.test(subject) && (reporter || owner || ctx.text.indexOf(subject, ctx.titleEnd) >= 0);
    return named ? ev(subject, at, "title-head-word") : null;
  }
  return null;
}

// A title's trailer naming the body after its description: a date and a name, " | X", " - X", or "(株式会社X)".
const TRAILER = /(?:^|\s)(?:(?:19|20)\d{2}年\d{1,2}月\d{1,2}日|(?:令和|平成)\d{1,2}年\d{1,2}月\d{1,2}日|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2})\s+(\S{2,30})\s*$|(?:\s*[|｜]|\s[-–—]\s)\s*([^|｜]{2,30}?)\s*$|[(（]([^()（）]{2,30})[)）]\s*$/;

/** The name after the date that ends a title ("…について 2022年6月9日 奈良県"), or a page title's site name ("… | X"). */
function fromTitleTrailer(ctx: RuleContext): Evidence | null {
  const t = ctx.text.slice(ctx.titleStart, ctx.titleEnd);
  const m = TRAILER.exec(t);
  const quoted = m?.[1] ?? m?.[2] ?? m?.[3];
  if (!quoted) return null;
  // "- 雑貨販売のすずめ屋": the name after its description.
  const raw = afterDescription(quoted);
  const name = orgNameOf(raw);
  if (!name || !raw.startsWith(name)) return null;
  return ev(name, ctx.titleStart + m!.index + m![0].lastIndexOf(raw), "title-trailer");
}

// A kind of body a place is where it stands (「神奈川県の医療機関」): the place locates an unnamed body (its own public ones aside: 県立高校).
const LOCATED_BODY = /^(?:内)?の(?![都道府県市区町村]立)[^\s、。]{0,6}?(?:医療機関|病院|医院|診療所|クリニック|薬局|企業|会社|メーカー|事業者|業者|法人|団体|施設|店舗|工場|学校|高校|大学|保育園|幼稚園|銀行|ホテル|旅館)/;

/** Every other organisation the title names ("…——武蔵小杉病院1万人情報流出", "【宮城県】…"). */
function fromTitleNames(ctx: RuleContext): Evidence[] {
  // A vendor the title names (「…サービス(株式会社X提供)」) is not the notice's organisation, nor a place that locates one.
  return orgNamesIn(ctx.reading, ctx.titleStart, ctx.titleEnd)
    .filter((h) => !VENDOR_BEFORE.test(ctx.text.slice(Math.max(0, h.start - 12), h.start)) && !VENDOR_AFTER.test(ctx.text.slice(h.end, h.end + 24)))
    .filter((h) => !(PLACE.test(h.name) && LOCATED_BODY.test(ctx.text.slice(h.end, h.end + 14))))
    .map((h) => ev(h.name, h.start, "title-name"));
}

// ---------------------------------------------------------------------------------------------
// The body: news leads, self-definitions, letterheads, signatures, mail samples, mentions

// A news lead: "X(本社:…)は14日、", "Xは7月1日、…と発表した"; a service it runs may be quoted in its description
// (「予約サイト「旅やど」を運営するX(本社・Y市)は4月10日、」).
const NEWS_LEAD = /^[『「]?((?:[^、。「」『』\s]|「[^「」、。\n]{1,20}」|(?<=[A-Za-z.]) (?=[A-Za-z])){2,40}?)(?:\s?\([^()\n]{0,40}\))?は\s?[、,]?\s?(?:(?:(?:19|20)\d{2}\s?年\s?)?\d{1,2}\s?月\s?)?\d{1,2}\s?日(?:午[前後])?[、,]/;
// A lead run on after its headline on one line: "…流出か 日本原燃は 3 日、".
const LEAD_AFTER_HEADLINE = new RegExp(`(?<=\\S\\s)${NEWS_LEAD.source.slice(1)}`);
// A subject that reports: "Xは…と発表しました", "Xによりますと", "Xといたしましては".
const REPORTER = /^[『「]?([^、。「」『』\n]{2,40}?)(?:\s?\([^()\n]{0,40}\)\s?)?(?:は[、,]?|によりますと|によると|といたしましては|としては)/;
// An owner before what it lost: "Xの会員情報を…", "Xのサーバーに…".
// (Or a programme, a shop or an official account it runs: "Xの番組「Y」の公式Xアカウントが".)
const OWNER_LEAD = /^[『「]?([^、。「」『』\s]{2,30}?)の(?:(?:会員|顧客|個人|お客様|利用者|住民|患者|職員|社員|学生|生徒)?(?:情報|データ)|[\u4e00-\u9fff\u30a0-\u30ff]{0,8}?(?:サーバー?|システム|データベース)|ホームページ|ウェブサイト|サイト|(?:番組|店舗|施設|公式)[^、。]{0,30}?アカウント(?:[(（][^)）]{1,20}[)）])?)(?:を|が|に|へ)/;
const HEAD_OFFICE = /\((?:本社|本店|本部|所在地)[:：]/;
// A subject placed by its head office's town in brackets (「X(札幌市)は」): news names a body so, never a thing.
const LOCATED = /[(（](?:本社[:：・]?)?[^()（）\s]{1,12}[都道府県市区町村][)）]\s?(?:は|が)/;
const REPORTS = /発表|公表|明らかに|としています|ということです|としている|判明した|報告した|わかりました|分かりました/;

/**
 * A report's subject that does not end like an organisation's name (ジェイティービー, 日本原燃):
 * plain, short, not a kind of body or person (unless `located` by its head office); unless a date
 * stands beside it or the text names it again, only a brand-like word (katakana or Latin letters) counts.
 */
function subjectWord(raw: string, vouched: boolean, located = false): boolean {
  const company = newsCompany(raw);
  // (Kana inside a name count when it opens on its kind of business: ホテルあさなぎ.)
  if (!isPlainName(raw) || raw.length > 20 || (/[ぁ-ゖ]/.test(raw.replace(/^[ぁ-ゖ]+/, "")) && !NAMED_BUSINESS.test(raw)) || (isGeneric(raw) && !company) || (NOT_AN_ORG.test(raw) && !located)) return false;
  return vouched || company || (/[ァ-ヴA-Za-z]/.test(raw) && !/(?:メディア|マスコミ|ニュース|報道|紙)$/.test(raw));
}

/** A company as news names it, a proper name and 会社 (中部空港会社), not a kind of company (人材会社, 子会社). */
function newsCompany(raw: string): boolean {
  return /^\p{Script=Han}{4,12}会社$/u.test(raw) && !isGeneric(raw.slice(0, -2));
}

/** True when the text names the word again after `from` (a name recurs; a passing noun seldom does). */
function recurs(text: string, word: string, from: number): boolean {
  return text.indexOf(word, from) >= 0;
}

// Sentences of the body where a news lead may stand.
const LEAD_SENTENCES = 3;

// How a news report describes a firm that finds others' leaks: セキュリティ企業の, 調査会社, 研究者.
const SECURITY_REPORTER = /(?:セキュリティ|サイバー)(?:企業|会社|ベンダー|事業者|研究者|専門家|調査会社|研究機関)|調査会社|研究者|ホワイトハッカー/;

// What a security firm found, and whose: 「Yの社内データが」, 「Yの顧客情報を」.
const REPORTED_OWNER = /(?:^|[、,]\s?)([^、。「」『』\s]{2,40}?)の(?:社内|内部|顧客|会員|従業員|取引先)?(?:データ|情報|サーバー?|システム|ファイル)(?:が|を)/;

// The police or prosecutors telling of an arrest (「県警サイバー犯罪対策課は11日、…逮捕した」): they report the case.
const ARREST_REPORTER = /(?:警察|県警|府警|道警|警視庁|警察署|検察|地検)[^、。]{0,12}$/;
const ARREST = /逮捕|書類送検|送検|摘発|起訴/;
// Whose system or data the arrested broke into: 「「つばめ精機」(しらさぎ市)の顧客管理システムに」.
const BROKEN_INTO = /(?:「([^」]{2,30})」|(?:^|[、,]\s?)([^、。「」『』\s]{2,40}?))(?:\s?[(（][^)）]{1,20}[)）])?の[^、。]{0,8}?(?:データ|情報|サーバー?|システム|ファイル|ネットワーク|アカウント)(?:が|を|に|へ)/;

/** The subject of the first sentences of a news report or notice. */
function fromSubjects(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  let before = 0;
  let after = 0;
  for (const s of ctx.sentences.slice(0, 16)) {
    if (s.start < ctx.titleEnd && s.end > ctx.titleStart && s.end - s.start < 60) continue;
    // A lead opens a report (after its title, or at the top): deeper, a sentence's subject is only one of its actors.
    const deep = (s.start >= ctx.titleEnd ? ++after : ++before) > LEAD_SENTENCES;
    const dated = /日\s?[、,]/.test(s.text) ? NEWS_LEAD.exec(s.text) ?? LEAD_AFTER_HEADLINE.exec(s.text) : null;
    const reporter = dated ?? REPORTER.exec(s.text);
    // "Xの会員情報を管理するシステムが…": a lead that opens on what the owner lost.
    const rep = reporter ?? (deep ? null : OWNER_LEAD.exec(s.text));
    if (!rep) continue;
    // A security firm or researcher telling of someone else's leak (「米セキュリティ企業のXは…Yの社内データが公開されていると明らかにした」) reports it; it was not hit.
    // The owner of what it found is the organisation hit (「…である北斗機工株式会社の社内データが」).
    if (SECURITY_REPORTER.test(rep[1]!)) {
      const rest = s.text.slice(rep[0].length);
      const owned = REPORTED_OWNER.exec(rest);
      const owner = owned ? afterDescription(afterClause(owned[1]!)) : "";
      if (owner && orgNameOf(owner) === owner && isPlainName(owner)) out.push(ev(owner, s.start + rep[0].length + owned!.index + owned![0].indexOf(owner), "news-subject"));
      continue;
    }
    // The police telling of an arrest report the case; the organisation is whose systems were broken into, when named.
    if (ARREST_REPORTER.test(rep[1]!) && ARREST.test(s.text)) {
      const rest = s.text.slice(rep[0].length);
      const owned = BROKEN_INTO.exec(rest);
      // A name in quotes is one as written (「ことり堂」); a bare one must read as a name.
      const quoted = owned?.[1];
      const owner = quoted ?? (owned ? afterDescription(afterClause(owned[2]!)) : "");
      if (owner && !isGeneric(owner) && (quoted ? !/[、。]/.test(quoted) : isPlainName(owner) && orgNameOf(owner) === owner)) {
        out.push(ev(owner, s.start + rep[0].length + owned!.index + owned![0].indexOf(owner), "news-subject"));
        continue;
      }
    }
    // "Xは14日、", "Xは…と発表した": a report's subject, named as such.
    const lead = dated !== null || reporter === null || REPORTS.test(s.text) || /によ(?:ると|りますと)$/.test(rep[0]);
    // "人材派遣大手のワークリンクは", "財布を販売する三京商会は": the name after its description.
    const located = LOCATED.test(rep[0]);
    const raw = afterDescription(afterClause(rep[1]!.trim().replace(/^(?:この度|このたび|今般|なお|また)[、,]?/, ""), located));
    const named = orgNameOf(raw) === raw && isPlainName(raw);
    if (!named && !(lead && !deep && subjectWord(raw, dated !== null || recurs(ctx.text, raw, s.end), located))) continue;
    // "X(本社:東京都…)は": the head office beside a name introduces the company formally.
    const kind: Kind = HEAD_OFFICE.test(rep[0]) ? "self-definition"
      : named ? (lead && !deep ? "news-subject" : "subject")
      : dated ? "news-subject-word" : "reporter-word";
    out.push(ev(raw, s.start + s.text.indexOf(raw, rep[0].indexOf(rep[1]!)), kind));
  }
  return out;
}

// A quoted name standing as a sentence's subject: "京都市の酒造メーカー「月桂冠」が…", "…グループの「株式会社X」は…",
// or named by a cleft sentence: "…と発表したのは、…を経営する「有限会社X」です".
// The head office may stand between: 「X」(本社・大阪市)は.
const QUOTED_SUBJECT = /「([^「」\n]{2,25})」(?:\s?[(（][^()（）\n]{1,30}[)）])?(?:が|は|では|です(?=。|$))/gm;
// What a quote names when it is a thing, not an actor: 「なりすましメール」が届き, 「サイバー攻撃」が増加, 「本文中のURLの記載」は.
const QUOTED_THING = /(?:メール|ウ[イィ]ルス|ファイル|攻撃|被害|情報|データ|アカウント|パスワード|メッセージ|画面|番号|記事|事案|事件|詐欺|手口|ショップ|サイト|ストア|モール|アプリ|システム|フォーム|ページ|窓口|なりすまし|乗っ取り|改ざん|漏えい|漏洩|流出|感染|記載|記述|内容|件名|本文|文言|表示|リンク|URL|添付|文書|書類|確認|管理|対策|徹底|見直し|強化)$/;

// A thing named by the quote after it: アカウント「X」, サービス「X」, アプリ「X」, サイト「X」.
const NAMED_THING_BEFORE = /(?:アカウント|サービス|アプリ|サイト|システム|ページ|番組|チャンネル|ブランド|店舗|ショップ)\s?$/;

/** True for a quote that is a kind of personal data, whole (「氏名」が漏えい). */
function isDataItem(quote: string): boolean {
  return DATA_TYPE_PHRASES.some(([, re]) => re.exec(quote)?.[0].length === quote.length);
}

/** Names a report's lead quotes as its subject, after the description that introduces them. */
function fromQuotedSubjects(ctx: RuleContext): Evidence[] {
  // A report may name its subject a few sentences in (a cleft sentence often follows the lead).
  const lead = ctx.sentences.slice(0, 2 * LEAD_SENTENCES);
  const end = lead.at(-1)?.end ?? 0;
  return hits(QUOTED_SUBJECT, ctx.reading, 0, end).flatMap((h) => {
    const name = h.groups[1] ?? h.text.slice(1, h.text.indexOf("」"));
    // (A quote naming an account, a service or an app by its name, アカウント「X」, is that thing's name.)
    const named = NAMED_THING_BEFORE.test(ctx.text.slice(Math.max(0, h.start - 12), h.start));
    return isPlainName(name) && !isGeneric(name) && !QUOTED_THING.test(name) && !isDataItem(name) && !named ? [ev(name, h.start + 1, "quoted-subject")] : [];
  });
}

const DEFINED_AS_SELF = new RegExp(`([^\\s、。,「」『』()（）:：]{2,50}?)\\s?[(（](?:[^()（）\\n]{0,80}?[、,]\\s?)?\\s?(?:以下|下記)[、,]?\\s?[「『]?(?:${SELF_REFERENCE_WORD}|同社|当団体|本会|当校)`);

// A name given a short label of its own: "東西海上株式会社(以下「東西海上社」)".

// The sector each self-reference implies (本市 → government).
const SELF_SECTOR = new Map(SELF_REFERENCES.map((r) => [r.word, r.sector]));

/**
 * Names a notice that speaks of itself (当社, 当院…) defines under a label that is not a
 * self-reference: another party, told apart from the writer ("X(以下「X社」)からの出向者").
 */
function fromOtherDefinitions(ctx: RuleContext): Evidence[] {
  // A public body's notice (当省, 本市) defines the company it acts on the same way: only other writers count.
  if (!ctx.text.includes("以下") || !selfReferencesIn(ctx.reading).some((h) => SELF_SECTOR.get(h.text) !== "government")) return [];
  const out: Evidence[] = [];
  for (const h of hits(DEFINED_AS_LABEL, ctx.reading)) {
    const [name, label] = [h.groups.name ?? "", h.groups.label ?? ""];
    if (SELF_REFERENCE.test(label) || /^(?:同|本|当|弊)/.test(label)) continue;
    const cut = orgNameOf(name);
    if (!cut || !name.endsWith(cut)) continue;
    // The party is named under its label thereafter: both count against it.
    out.push(ev(cut, h.start + h.text.indexOf(cut), "vendor"), ev(label, h.start + h.text.lastIndexOf(label), "vendor"));
  }
  return out;
}

// 当 or 弊 before a katakana or Latin name: the writer calling itself by its name (当ソウェルクラブの会員).
const SELF_NAMED = /(?<![\p{Script=Han}])[当弊](?<name>[ァ-ヴA-Za-z][ァ-ヴー・A-Za-z0-9&]{3,24})(?=の|は|が|では|として|における|に|を)/gu;
// What a writer calls by its kind, not its name: 当サイト, 当オンラインストア, 当グループドメイン.
const SELF_KIND = /^(?:オンライン|ウェブ|Web|WEB|EC|ネット|公式)?(?:サイト|サービス|ショップ|ストア|システム|アプリ|ページ|ホームページ|メール|メールマガジン|メルマガ|アカウント|データ|サーバー?|ネットワーク|プログラム|イベント|キャンペーン|ツアー|プラン|コース|セミナー|ブランド|ホテル|クリニック|グループ|センター|スクール|クラブ|チーム|オフィス|カード|ポイント|フォーム|ソフト|ツール|ファイル|ドメイン|プロセス|クラス|アクセス)/;

/** A name the notice calls itself by, with 当 or 弊 before it: "当ソウェルクラブの会員管理システム". */
function fromSelfNamed(ctx: RuleContext): Evidence[] {
  return hits(SELF_NAMED, ctx.reading).map((h) => ({ name: h.groups.name ?? "", at: h.start + 1 }))
    .filter((n) => !SELF_KIND.test(n.name) && !NOT_AN_ORG.test(n.name))
    .map((n) => ev(n.name, n.at, "self-named"));
}

// The company that runs the club, the shop or the site the notice speaks for: 「運営会社である株式会社X」, 「運営会社:株式会社X」.
const OPERATOR = /運営(?:会社|法人|元|事業者|主体)(?:である|は|:|：)\s?/g;

/** Name the notice defines as itself: "株式会社X(以下「当社」)", or as the company running what it speaks for (運営会社である株式会社X). */
function fromSelfDefinition(ctx: RuleContext): Evidence | null {
  if (!ctx.text.includes("以下") && !ctx.text.includes("下記")) return fromOperator(ctx);
  const m = DEFINED_AS_SELF.exec(ctx.text);
  if (!m) return null;
  let name = m[1]!.replace(/^(?:この度|このたび|今般|今回|先般|本日|なお)[、,]?/, "");
  const legal = name.search(HAS_LEGAL_FORM);
  if (legal > 0) name = name.slice(legal);
  const cut = orgNameOf(name);
  if (isGeneric(name) || (!cut && !isPlainName(name))) return null;
  return ev(name, m.index + m[0].indexOf(name), "self-definition");
}

/** The company named as running what the notice speaks for, by its legal name right after the words that say so. */
function fromOperator(ctx: RuleContext): Evidence | null {
  if (!ctx.text.includes("運営")) return null;
  const names = orgNamesIn(ctx.reading);
  for (const m of matchesOf(OPERATOR, ctx.text)) {
    const n = names.find((h) => h.start === m.index! + m[0].length && h.legal);
    if (n) return ev(n.name, n.start, "self-definition");
  }
  return null;
}

// Lines that sign a notice: a date, or a person's office.
const SIGN_LINE = /^(?:(?:令和|平成)?\s?[\d元]{1,4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日|(?:19|20)\d{2}[/.-]\d{1,2}[/.-]\d{1,2}|以上)\s*$|(?:代表取締役|取締役|代表理事|理事長|常務理事|会長|社長|学長|校長|院長|病院長|所長|館長|市長|町長|村長|知事|教育長|事務局長|事務局)/;
// A facility a legal body runs, named after it on a letterhead: 特別養護老人ホームひだまり.
const FACILITY = /ホーム|施設|センター|病院|クリニック|学校|学園|園|館|ホテル|店|事業所|工場/;
// A line that ends in a person's office names the person (a caption: 「…市の…市長」), not the letterhead's body.
const PERSON_TITLE = /の[^\sの]{2,8}(?:市長|町長|村長|区長|知事|社長|会長|学長|校長|院長|理事長)$/;
const PERSON_WORDS = /代表|取締役|社長|理事長|院長|校長|部長|課長|担当|様|殿|御中|各位|(?:部|課|室|係|局|本部|事務局|情報)$|お知らせ|ニュース|news|ブログ|サイト|ページ|一覧|トピックス/i;

// A business's head and the head's name: 「代表 中村 明美」, 「店主 佐々木 花」.
const HEAD = String.raw`(?:代表(?:取締役)?(?:社長)?|店主|オーナー|店長|院長|園長|所長|館長|理事長|会長|社長|塾長)\s+[\u4e00-\u9fff々ぁ-ゖァ-ヴー]{1,6}(?:\s[\u4e00-\u9fff々ぁ-ゖァ-ヴー]{1,6})?$`;
// A business, its head's office and the head's name, on one line.
const SIGNED_BY_HEAD = new RegExp(String.raw`^(\S{2,30})\s+` + HEAD);
// The head's line alone, under the business's name.
const HEAD_LINE = new RegExp(`^${HEAD}`);

// The label of a header field that names the writer: 会社名, 社名, 法人名, 団体名, 名称 (spaced out in filings),
// and the body behind a site or school that goes by another name: 運営:株式会社X, 運営会社：X.
const NAME_LABEL = /^(?:(?:会\s*社|法\s*人|団\s*体|社)\s*名|名\s*称|運\s*営(?:会社|法人|団体|元|者|事業者)?)\s*(?:[:：]\s*|\s+)/;

// A kind of business before a short name: a whole letterhead line.
const NAMED_BUSINESS = new RegExp(`^(?:${BUSINESS_KIND})\\s?[^\\s]{2,15}$`);

/** The organisation a short letterhead or signature line names (a page title's site part, a legal body and its institution). */
function letterheadName(line: string): string | null {
  // A page title's site part ("お知らせ | 株式会社X"); a kana reading in brackets is dropped ("株式会社 東玉(とうぎょく)");
  // so is the label of a filing's header field ("会 社 名 株式会社X").
  // (The separator looked for first: the regex, anchored at the end, is tried from every character.)
  const site = /[|｜\-–—]/.test(line) ? /(?:\s*[|｜]|\s[-–—]\s)\s*([^|｜]{2,45})$/.exec(line) : null;
  // (A site's name before its tagline, 「ホテルX｜伊勢の海を望むリゾートホテル」, 「X荘｜南紀・潮岬の温泉旅館」: the tagline
  // says what it is, in a clause or as a kind of place.)
  const before = site ? line.slice(0, site.index).trim() : "";
  const tagline = site !== null && isPlainName(before) && (!isPlainName(site[1]!.trim()) || (/の/.test(site[1]!) && !/の/.test(before) && orgNameOf(before) === before));
  const part = tagline ? before : site?.[1]?.trim();
  const t = (part ?? line).replace(/\([ぁ-ゖァ-ヴー・\s]+\)\s*$/, "").replace(NAME_LABEL, "");
  if (t.length > 45 || /[。、「」【】:：>|｜]/.test(t) || /各位|御中|様$|^\d/.test(t) || PERSON_TITLE.test(t)) return null;
  // A name in English alone on its line (Shirayuri Foods Co., Ltd.) signs a Japanese notice as well.
  if (/^[A-Z]/.test(t) && englishName(t) === t) return t;
  // A shop or office signed by its head: 「美容室ルミエール 代表 中村 明美」 names the business whatever its name ends in.
  const signed = SIGNED_BY_HEAD.exec(t);
  if (signed && isPlainName(signed[1]!) && !PERSON_WORDS.test(signed[1]!)) return signed[1]!;
  // A kind of business and the name it goes by (ホテルくすのき, 美容室 ルミエール) names a shop or an inn.
  if (NAMED_BUSINESS.test(t) && isPlainName(t) && !PERSON_WORDS.test(t)) return t;
  const words = t.split(/\s+/);
  // A legal form written apart from its name is one word with it.
  const tokens = isLegalForm(words[0]!) && words.length > 1 ? [`${words[0]} ${words[1]}`, ...words.slice(2)] : words;
  const lead = tokens[0]!;
  // "医療法人社団青葉会 みなと中央病院": a legal body and the institution it runs, both kept.
  if (tokens.length >= 2 && tokens.length <= 3 && (orgNameOf(lead) === lead || STARTS_WITH_LEGAL_FORM.test(lead)) &&
    tokens.slice(1).every((w) => w.length <= 20 && (orgNameOf(w) === w || FACILITY.test(w)) && isPlainName(w) && !PERSON_WORDS.test(w))) return t;
  const name = orgNameOf(lead);
  // A legal form and a name alone on the line is the name whole, の and all (特定非営利活動法人 奥熊野森の学校, not …奥熊野森).
  const cut = STARTS_WITH_LEGAL_FORM.test(t) && tokens.length === 1 ? orgNamesIn(t)[0] : undefined;
  if (cut && cut.start === 0 && t.slice(cut.end).startsWith("の") && t.length <= 30 && isPlainName(t) && !PERSON_WORDS.test(t)) return t;
  if (name && lead.startsWith(name) && isPlainName(name)) return name;
  // A place or a description, then the name (「湯の花温泉 かじか荘」, 「北浜港 みなと食堂」 is not: no ending).
  const last = tokens[1];
  if (tokens.length === 2 && !name && last && orgNameOf(last) === last && isPlainName(last) && !PERSON_WORDS.test(`${lead} ${last}`)) return last;
  // A line that is one name and nothing else stands for it, kana and all (ことぶき保険サービス株式会社,
  // ことぶき工業健康保険組合, こうよう市: alone on its line, こと and よう open no clause).
  return name === lead && tokens.length === 1 && (hasLegalForm(lead) || lead.length <= 20) && !/[。、,「」『』【】:：!?()]/.test(lead) && !/^(?:この|その|あの|また|なお|さらに|ただし|しかし)/.test(lead) ? lead : null;
}

/**
 * The first `head` and the last `tail` lines of a text that hold something and are kept by `keep`,
 * found from both ends without cutting the rest of the text.
 */
function edgeLines(text: string, head: number, tail: number, keep: (l: Line) => boolean): [top: Line[], bottom: Line[]] {
  const take = (s: number, e: number): Line | null => {
    const l = { start: s, end: e, text: text.slice(s, e) };
    return l.text.trim() !== "" && keep(l) ? l : null;
  };
  const top: Line[] = [];
  let s = 0;
  for (; s <= text.length && top.length < head; s++) {
    const e = text.indexOf("\n", s) < 0 ? text.length : text.indexOf("\n", s);
    const l = take(s, e);
    if (l) top.push(l);
    s = e;
  }
  const bottom: Line[] = [];
  for (let e = text.length; e >= s && bottom.length < tail; e--) {
    const b = text.lastIndexOf("\n", e - 1) + 1;
    const l = b >= s ? take(b, e) : null;
    if (l) bottom.unshift(l);
    e = b;
  }
  return [top, bottom];
}

/** Names from the letterhead or signature: short lines at the top or bottom that are an organisation. */
function fromLetterhead(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const lines of edgeLines(ctx.text, 8, 6, (l) => !(l.start < ctx.titleEnd && l.end > ctx.titleStart))) {
    lines.forEach((l, i) => {
      // A digest's item heading may mark the name (■ X市, ### 1) 株式会社X); a numbered section's title is no name.
      const marked = l.text.trim();
      // (A dated bullet's name may say where the body is, or what it runs: ・8月2日 山吹市(神奈川県), 株式会社X（通販サイト「Y」）.)
      const bare = marked.replace(HEADING_MARK, "").replace(/\s*[(（][^()（）]{1,30}[)）]$/, "");
      const t = bare !== marked && isPlainName(bare) ? bare : marked;
      // A shop's name line over its head's (「雑貨店こもれび」 / 「店主 佐々木 花」) signs whatever the name ends in.
      const overHead = HEAD_LINE.test(lines[i + 1]?.text.trim() ?? "");
      const name = letterheadName(t) ?? (overHead && t.length <= 30 && isPlainName(t) && !PERSON_WORDS.test(t) ? t : null);
      if (!name) return;
      const rest = t.slice(t.indexOf(name) + name.length);
      // A name line right above the title heads the notice as a letterhead does (an item's name line on a news page).
      const heads = l.end <= ctx.titleStart && ctx.text.slice(l.end, ctx.titleStart).trim() === "";
      const signs = heads || overHead || SIGN_LINE.test(rest) || [lines[i - 2], lines[i - 1], lines[i + 1], lines[i + 2]].some((n) => n && SIGN_LINE.test(n.text.trim()));
      out.push(ev(name, l.start + l.text.indexOf(name), signs ? "letterhead" : "letterhead-line"));
    });
  }
  return out;
}

// English news names organisations in capitalised words, ending in what they are (Seki Co., a wire's
// Seki Co and Seki Corp without the point, Waseda University, Japan Meteorological Agency) or followed by
// their initials (… for Cybersecurity (NISC)).
const ENGLISH_NAME = new RegExp(String.raw`\b((?:[A-Z][\w&'’.-]*,?\s(?:(?:of|and|for|on)\s)?){0,7}(?:Co\.?|Inc\.?|Corp\.?|Ltd\.|[KG]\.K\.|${ENGLISH_ORG_ENDING})(?:,?\s(?:Ltd\.|Inc\.|Limited))?(?![\w-])|(?:[A-Z][\w’'.-]*\s(?:(?:of|and|for|on)\s)?){2,8}(?=\([A-Z]{2,8}\)))`, "g");
/** The English name a whole phrase is ("Yamabuki Kogyo Co., Ltd."), or null. */
function englishName(phrase: string): string | null {
  ENGLISH_NAME.lastIndex = 0;
  const m = ENGLISH_NAME.exec(phrase);
  return m?.index === 0 && m[0] === phrase.trim() ? m[0] : null;
}

// Initials that report: "NISC said", "According to NISC".
const ENGLISH_INITIALS = /\b[A-Z]{3,6}\b(?= (?:said|says|announced|reported|confirmed))|(?<=According to )[A-Z]{3,6}\b/g;
const ENGLISH_DEFINED = /^\s?\((?:the |hereinafter |hereinafter referred to as )?["“][A-Z][^"”]{1,30}["”]\)/;
// A sentence that reports what its subject said or suffered.
const ENGLISH_REPORT = /\b(?:said|says|announced|announces|reported|reports|confirmed|confirms|incurred|admitted|disclosed|discloses|experienced|suffered|is writing to|are writing to|is notifying|is providing notice|became aware|discovered|detected|mistakenly|accidentally|inadvertently)\b/;

// The capitalised words that open a sentence before what they said: "Nagi Games said attackers…".
const ENGLISH_SAYER = new RegExp(String.raw`^[\s•・\-*]*((?:[A-Z][\w&'’.-]*\s){2,5})(?=(?:${ENGLISH_SAYS})\b)`);

/** Organisations an English report names: the subject of a sentence that says what happened, or a mention. */
function fromEnglish(ctx: RuleContext): Evidence[] {
  if (!/[A-Za-z]{3,} [a-z]{2,} [a-z]{2,}/.test(ctx.text)) return [];
  const out: Evidence[] = [];
  for (const s of ctx.sentences) {
    const kind: Kind = ENGLISH_REPORT.test(s.text) ? "english-subject" : "mentioned";
    const sayer = ENGLISH_SAYER.exec(s.text);
    if (sayer && !/^(?:The|This|That|It|We|Our|Police|Officials?)\s/.test(sayer[1]!)) out.push(ev(sayer[1]!.trim(), s.start + sayer.index + sayer[0].indexOf(sayer[1]!), "english-subject"));
    for (const h of [...hits(ENGLISH_NAME, s.text), ...hits(ENGLISH_INITIALS, s.text)]) {
      // "Japan's National Police Agency": the country's possessive is not part of the name.
      const name = h.text.trim().replace(/^The\s/, "").replace(/^(?:Japan|Tokyo|Osaka)['’]s\s/, "");
      // 'X Inc. ("X")', 'X Co., Ltd. (the "Company")': the writer defines its own short name.
      const defines = ENGLISH_DEFINED.test(s.text.slice(h.end, h.end + 40));
      if (name.split(/\s/).length > 1 || /^[A-Z]{3,6}$/.test(name)) out.push(ev(name, s.start + h.start + h.text.indexOf(name), defines ? "self-definition" : kind));
    }
  }
  return out;
}

const MAIL_HEADER = /^\s*(?:差出人|送信者|送信元|表示名|From|件名|Subject)\s*[:：]\s*["“]?(?<name>[^"”<>\n]{2,40}?)["”]?\s*(?:<[^>\n]*>)?\s*$/gim;

/** The organisation named in the headers of a sample mail (an impersonation notice shows what the fake looks like). */
function fromMailHeaders(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  for (const h of hits(MAIL_HEADER, ctx.reading)) {
    const raw = h.groups.name ?? "";
    const name = orgNameOf(raw.trim());
    if (name && raw.trim().startsWith(name)) out.push(ev(name, h.start + h.text.indexOf(name), "mail-header"));
  }
  return out;
}

// What stands around a vendor's or contractor's name: "委託先の株式会社X", "株式会社Xの提供するシステム".
const VENDOR_BEFORE = /(?:委託先|委託している|委託する|業務委託|運営委託|外部専門会社|専門会社|調査会社|フォレンジック|開発元|提供元|販売元|保守会社|管理会社|事業者)(?:である|の|\s|「|『)*$/;
const VENDOR_AFTER = /^(?:」|』|\s)*(?:\([^)]{0,20}\))?(?:の提供する|が提供する|の提供している|が提供している|に委託|へ委託|に業務委託|に調査|による調査|の調査|に依頼|へ依頼|社製|製の|が開発|の開発|と連携|の協力|を利用|を導入|が運営するシステム|のシステム|のサービス|のサーバ|提供[)）]|提供の|製[)）])/;
const ADDRESSEE = /^(?:様|さま|殿|御中|各位)/;
const ADDRESS = /(?:本社|本店|所在地|住所|〒)\s*[:：]?\s*$/;
const CONTACT = /問い?合わ?せ|ご相談|ご連絡|窓口/;

/** Every other organisation the notice names, told apart: contacts, vendors, mentions. */
function fromMentions(ctx: RuleContext): Evidence[] {
  const out: Evidence[] = [];
  const names = [...orgNamesIn(ctx.reading, 0, ctx.titleStart), ...orgNamesIn(ctx.reading, ctx.titleEnd)];
  for (const h of names) {
    const before = ctx.text.slice(Math.max(0, h.start - 14), h.start);
    const after = ctx.text.slice(h.end, h.end + 16);
    if (ADDRESSEE.test(after) || ADDRESS.test(before)) continue;
    const [ls, le] = lineAround(ctx.text, h.start);
    const kind: Kind = VENDOR_BEFORE.test(before) || VENDOR_AFTER.test(after) ? "vendor" : CONTACT.test(ctx.text.slice(ls, le)) ? "contact" : "mentioned";
    out.push(ev(h.name, h.start, kind));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scoring

/** The candidates of one organisation: every place naming it, and their weight. */
interface Candidate {
  key: string;
  evidence: Evidence[];
  score: number;
}

// Kinds where a regulator or advisory body is the subject of the notice, not a reference in it.
const SUBJECT_KINDS = new Set<Kind>(["heading", "listing", "digest-heading", "title-head", "news-subject", "regulator", "regulator-target", "self-definition", "letterhead"]);
// Mentions add up to this many.
const MENTIONS = 4;
// Places that only mention an organisation in passing.
const PASSING = new Set<Kind>(["mentioned", "contact", "vendor", "subject", "title-name"]);
// A place's name (岡山県, 東京都品川区), and what it weighs named in passing against a body named so.
const PLACE = /[都道府県市区町村]$/;
const PLACE_IN_PASSING = 0.6;

/**
 * The weight of one place naming a candidate: advisory bodies cited in passing count against it, unless
 * the notice is theirs (`own`: a police headquarters' letterhead), and a place named in passing (静岡県の…,
 * 東京都品川区) counts less than a body.
 */
function weightOf(e: Evidence, own = false): number {
  if (!own && !SUBJECT_KINDS.has(e.kind) && isAdvisoryBody(e.name)) return -3;
  return KINDS[e.kind].weight * (PASSING.has(e.kind) && PLACE.test(e.name) ? PLACE_IN_PASSING : 1);
}


// An abbreviation in brackets right after a name: "成田国際空港会社 (NAA)", "株式会社X(XYZ)".
const ABBREVIATION = /^\s?\(([A-Za-z][A-Za-z0-9&.\-]{1,9})\)/;

/** The abbreviations the text gives the names of its evidence, as keys: "naa" → "成田国際空港会社". */
function abbreviationsOf(text: string, evidence: readonly Evidence[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of evidence) {
    const m = e.inSource ? null : ABBREVIATION.exec(text.slice(e.end, e.end + 14));
    if (m && orgKey(m[1]) !== orgKey(e.name)) out.set(orgKey(m[1]), orgKey(e.name));
  }
  return out;
}

/**
 * Group the evidence by organisation: names that contain one another (武蔵小杉病院, 日本医科大学武蔵小杉病院)
 * are one, and so are a name and the abbreviation the text gives it.
 */
function candidatesOf(evidence: Evidence[], abbreviations: ReadonlyMap<string, string>): Candidate[] {
  const groups: Candidate[] = [];
  const keyOf = (e: Evidence) => abbreviations.get(orgKey(e.name)) ?? orgKey(e.name);
  for (const e of [...evidence].sort((a, b) => keyOf(b).length - keyOf(a).length)) {
    const key = keyOf(e);
    if (key.length < 2) continue;
    // A place is not the body it names (岡山県 is not 岡山県精神科医療センター).
    const g = groups.find((c) => c.key === key || (!PLACE.test(key) && (c.key.includes(key) || key.includes(c.key))));
    if (g) g.evidence.push(e);
    else groups.push({ key, evidence: [e], score: 0 });
  }
  for (const g of groups) {
    let mentions = 0;
    // A body the notice heads or signs with is its own, whatever else it is.
    const own = g.evidence.some((e) => e.kind === "letterhead" || e.kind === "heading");
    for (const e of g.evidence) {
      if (e.kind === "mentioned" && ++mentions > MENTIONS) continue;
      g.score += weightOf(e, own);
    }
  }
  return groups.sort((a, b) => b.score - a.score);
}



/**
 * What the notice's self-references (当社, 本学…, as said in the text) say of a candidate: a bonus
 * when they name its kind (当協会 and X協会); a malus when the notice speaks of itself and only
 * mentions the candidate in passing.
 */
function selfMatch(said: ReadonlySet<string>, c: Candidate): number {
  if (said.size === 0) return 0;
  const name = c.evidence[0]!.name;
  if (SELF_REFERENCES.some((r) => r.names?.test(name) && said.has(r.word))) return 1.5;
  return c.evidence.every((e) => PASSING.has(e.kind)) ? -1 : 0;
}

/** The evidence a candidate's value is read from: its weightiest place, with the fullest legal name of it. */
function bestOf(c: Candidate): Evidence {
  const ranked = [...c.evidence].sort((a, b) => weightOf(b) - weightOf(a) || b.name.length - a.name.length);
  const top = ranked[0]!;
  const fuller = ranked.find((e) => e !== top && weightOf(e) > 0 && hasLegalForm(e.name) && !hasLegalForm(top.name) && orgKey(e.name) === orgKey(top.name));
  return fuller && top.kind !== "heading" && top.kind !== "listing" ? { ...fuller, kind: top.kind } : top;
}

// The least a candidate must score to be named: more than one passing mention.
const MIN_SCORE = 1.2;

/** The confidence of the chosen name: its place's, more when other places agree, less when a rival is close. */
function confidenceOf(best: Evidence, top: Candidate, rival: Candidate | undefined): number {
  const kinds = new Set(top.evidence.filter((e) => weightOf(e) > 0).map((e) => e.kind));
  let c: number = KINDS[best.kind].confidence + 0.04 * Math.min(kinds.size - 1, 2);
  if (rival && rival.score > 0.7 * top.score) c -= 0.15;
  return Math.round(Math.max(0.2, Math.min(0.95, c)) * 100) / 100;
}

/** The organisation a roundup names this notice's victim, where the segmenter found it. */
function fromVictim(ctx: RuleContext): Evidence[] {
  const v = ctx.notice.victim;
  return v ? [{ name: v.name, start: v.span[0], end: v.span[1], kind: "named-victim", inSource: true }] : [];
}

/** Every place the notice names an organisation; a passing mention where a stronger place stands is not counted again. */
function evidenceOf(ctx: RuleContext): Evidence[] {
  const heading = fromListing(ctx) ?? fromRegulatorTarget(ctx) ?? fromDigest(ctx) ?? fromHeading(ctx);
  const placed = [
    ...fromVictim(ctx),
    ...(heading ? [heading] : []),
    ...[fromTitleHead(ctx), fromTitleTrailer(ctx), fromSelfDefinition(ctx)].filter((e): e is Evidence => e !== null),
    ...fromSubjects(ctx),
    ...fromLetterhead(ctx),
    ...fromMailHeaders(ctx),
    ...fromOtherDefinitions(ctx),
    ...fromSelfNamed(ctx),
    ...fromEnglish(ctx),
  ];
  const quoted = fromQuotedSubjects(ctx);
  const passing = [...fromTitleNames(ctx), ...fromMentions(ctx)].filter((m) => !placed.some((p) => p.start < m.end && m.start < p.end));
  // "フジサンケイグループの「株式会社サンケイアイ」が": a name before の that describes a quoted subject is its description.
  const describes = (e: Evidence) => quoted.some((q) => e.end <= q.start && ctx.text[e.end] === "の" && !/[。\n]/.test(ctx.text.slice(e.end, q.start)));
  return [...placed, ...quoted, ...passing].filter((e) => e.kind === "quoted-subject" || !describes(e));
}

/** The page's publisher as evidence (its header line, its site name), when it reads as an organisation's name. */
function publisherEvidence(ctx: RuleContext): Evidence | null {
  const pub = ctx.notice.publisher;
  const name = pub && (letterheadName(pub.name.normalize("NFKC")) ?? englishName(pub.name.normalize("NFKC")));
  const at = name ? pub.name.normalize("NFKC").indexOf(name) : -1;
  // NFKC keeps the length of a name's kana, kanji and Latin letters: the offsets hold in the original.
  if (!pub || !name || at < 0 || pub.name.slice(at, at + name.length).normalize("NFKC") !== name) return null;
  return { name, start: pub.span[0] + at, end: pub.span[0] + at + name.length, kind: "page-publisher", inSource: true };
}

/**
 * The organisation the notice is by or about. Every place that names one adds evidence to a
 * candidate (names that contain one another are one candidate); the candidate with the most weight
 * wins, and its value is read from its weightiest place. A notice that names none says unknown.
 */
export const organizationRule: Rule<"organization"> = {
  field: "organization",
  heuristics: [...Object.keys(KINDS).filter((k) => k !== "vendor").map((k) => `organization/${k}`), "organization/case-notice"],
  run(ctx) {
    const own = ownOrganisation(ctx);
    // A case the notice numbers is the notice's organisation's, unless the case names another by its legal name.
    const outer = ctx.framing();
    const framed = outer ? ownOrganisation(outer) : null;
    // A case about a body it does not name (ある会員企業では, 建設業A社) is not the collector's: unknown, unless it names one by its legal name.
    if (outer && tellsOfUnnamedBody(ctx.text)) return own && hasLegalForm(String(own.value)) && own.rule !== "organization/page-publisher" ? [own] : [];
    if (framed && !(own && hasLegalForm(String(own.value)))) {
      // The page's publisher (its header, its signature at the foot) stays what it is: it frames every case.
      return [framed.rule === "organization/page-publisher" ? framed : ctx.findInSource("organization", framed.value, framed.span[0], framed.span[1], framed.confidence, "organization/case-notice")];
    }
    return own ? [own] : [];
  },
};

/** The organisation a notice names as its own, by the evidence in its text and its page. */
function ownOrganisation(ctx: RuleContext): Finding | null {
  const evidence = evidenceOf(ctx);
  const pub = publisherEvidence(ctx);
  // The page header is a line of the notice itself when the letterhead already counted it.
  if (pub && !evidence.some((e) => e.kind.startsWith("letterhead") && e.name === pub.name)) evidence.push(pub);
  const candidates = candidatesOf(evidence, abbreviationsOf(ctx.text, evidence));
  const said = new Set(selfReferencesIn(ctx.reading).map((h) => h.text));
  for (const c of candidates) c.score += selfMatch(said, c);
  candidates.sort((a, b) => b.score - a.score);
  const [top, rival] = candidates;
  if (!top || top.score < MIN_SCORE) return null;
  const best = bestOf(top);
  const confidence = confidenceOf(best, top, rival);
  const rule = `organization/${best.kind}`;
  return best.inSource
    ? ctx.findInSource("organization", best.name, best.start, best.end, confidence, rule)
    : ctx.find("organization", best.name, best.start, best.end, confidence, rule);
}
