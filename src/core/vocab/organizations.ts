import type { Sector } from "../types.js";

/** Legal forms written before or after an organisation's name, longest first where one starts another. */
export const LEGAL_FORMS: readonly string[] = [
  "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "一般社団法人", "一般財団法人", "公益社団法人", "公益財団法人",
  "国立大学法人", "公立大学法人", "学校法人", "医療法人社団", "医療法人財団", "医療法人", "社会福祉法人",
  "地方独立行政法人", "独立行政法人", "国立研究開発法人", "特定非営利活動法人", "NPO法人", "宗教法人", "弁護士法人",
  "税理士法人", "監査法人", "司法書士法人", "行政書士法人", "社会保険労務士法人", "弁理士法人", "土地家屋調査士法人", "消費生活協同組合", "生活協同組合",
  // Abbreviations in brackets (NFKC turns full-width brackets into ASCII ones).
  "(株)", "(有)", "(一社)", "(公社)", "(一財)", "(公財)", "(社福)", "(特非)",
];

/** Escape a word for use inside a regular expression. */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The legal forms as one regular-expression alternation. */
export const LEGAL_FORM = LEGAL_FORMS.map(escapeRegExp).join("|");

const LEGAL_FORMS_ANYWHERE = new RegExp(LEGAL_FORM, "g");

/** The organisation's name reduced to what identifies it: NFKC, no spaces, no legal form, lower case. */
export function orgKey(name: string | null | undefined): string {
  return (name ?? "").normalize("NFKC").replace(LEGAL_FORMS_ANYWHERE, "").replace(/[\s・･()（）「」]/g, "").toLowerCase();
}

/**
 * Endings that make a word an organisation's name (longest first where one ends another). Single
 * characters (社, 会, 市…) are weak: a name needs two characters before them.
 */
export const ORG_SUFFIXES: readonly string[] = [
  // companies
  "株式会社", "有限会社", "合同会社", "ホールディングス", "グループ", "コーポレーション", "カンパニー",
  "商会", "商店", "商事", "物産", "産業", "工業", "興産", "製作所", "電機", "電産", "電装", "電器", "建設", "工務店", "不動産", "運輸", "運送", "物流", "倉庫", "通運",
  "証券", "銀行", "信用金庫", "信用組合", "生命保険", "損害保険", "新聞社", "出版社", "放送", "鉄道", "電鉄", "航空", "電力",
  "製薬", "乳業", "製菓", "水産", "酒造", "醸造", "ジャパン", "システムズ", "ソリューションズ", "テクノロジーズ", "ネットワークス", "インターナショナル",
  "トラベル", "ツーリスト",
  // care, schools, culture
  "大学病院", "病院", "クリニック", "歯科医院", "医院", "歯科", "診療所", "薬局", "看護ステーション", "整骨院", "接骨院", "大学院", "短期大学", "大学", "高等専門学校", "高専",
  "高等学校", "中学校", "小学校", "特別支援学校", "学校", "学院", "学園", "高校", "幼稚園", "保育園", "こども園",
  "美術館", "博物館", "図書館", "資料館", "記念館", "会館", "旅館", "ホテル", "動物園", "水族館", "神社",
  // bodies, public and private
  "健康保険組合", "広域連合", "企業団", "組合", "協会", "協議会", "連合会", "連盟", "学会", "財団", "機構", "センター", "研究所",
  "研究機構", "委員会", "商工会議所", "会議所", "事務所", "生協", "共済", "公社", "公団",
  // government
  "税務署", "監督署", "職業安定所", "保健所", "児童相談所", "役所", "役場", "県警察本部", "府警察本部", "道警察本部", "県警察", "府警察", "道警察", "県警", "府警", "道警", "警察署", "警察本部", "都", "道", "府", "県", "市", "区", "町", "村", "省", "庁",
  // weak endings (荘: an inn, みさき荘; 屋 and 堂: shops, すずめ屋, ことり堂)
  "社", "会", "館", "局", "団", "荘", "屋", "堂",
];

/**
 * Words that end an organisation's name in English, besides the legal forms (Co., Inc., Corp., Ltd., which each
 * reader writes with its punctuation, and K.K. and G.K., the Japanese kabushiki and godo kaisha): Waseda University, Japan Meteorological Agency, Minato Ward,
 * Sakura Ward Office (a regex source; a local government's office before its place's ending).
 */
export const ENGLISH_ORG_ENDING = "(?:Ward|City|Town|Village|Prefectural) Office|City Hall|" +
  "Corporation|Ministry|University|Agency|Service|Center|Centre|Bank|Hospital|Clinic|Commission|Holdings|Group|" +
  "Institute|Foundation|Association|College|School|Police|City|Prefecture|Ward|Town|Village";

/**
 * Kinds of business a shop or an inn writes before its name (ホテルくすのき, 美容室ルミエール, カフェこもれび), and the
 * sector each says: eating out and hair salons have none of their own (a café chain is "other" in the gold).
 */
export const BUSINESS_KINDS: readonly (readonly [string, Sector])[] = [
  ["ホテル", "leisure"], ["旅館", "leisure"], ["民宿", "leisure"], ["ペンション", "leisure"], ["ゲストハウス", "leisure"],
  ["レストラン", "other"], ["カフェ", "other"], ["喫茶", "other"], ["居酒屋", "other"], ["料亭", "other"], ["割烹", "other"],
  ["美容室", "other"], ["美容院", "other"], ["ヘアサロン", "other"], ["理容室", "other"],
];

/** The kinds of business as one regular-expression alternation, longest first. */
export const BUSINESS_KIND = BUSINESS_KINDS.map(([w]) => w).sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

/** What an English report's subject does, right after its name: "Nagi Games said…", "X discloses…" (a regex source). */
export const ENGLISH_SAYS = "said|says|announced|announces|reported|reports|disclosed|discloses|confirmed|confirms";

/** The suffixes as one regular-expression alternation. */
export const ORG_SUFFIX = ORG_SUFFIXES.map(escapeRegExp).join("|");

/** A word a notice uses for its own organisation (当院), the sector it implies, and the names it stands for. */
export interface SelfReference {
  word: string;
  /** The sector the word implies; null: any. */
  sector: Sector | null;
  /** How the names of such an organisation end (当院: 病院, クリニック…); null: any name. */
  names: RegExp | null;
}

const HOSPITAL = /(?:病院|クリニック|医院|診療所|医療センター)$/;
const SCHOOL = /(?:大学|学校|学園|高校|高専|学院)$/;
// A company is named with its legal form, before or after the name.
const COMPANY = new RegExp(`(?:${LEGAL_FORM})$|^(?:${LEGAL_FORM})`);

/** The self-references of notices (本社 is left out: it names a head office, not the writer). */
export const SELF_REFERENCES: readonly SelfReference[] = ([
  ["当社", null, COMPANY], ["弊社", null, COMPANY], ["当グループ", null, null], ["当法人", null, null], ["本法人", null, null],
  ["当機構", null, /機構$/], ["当センター", null, /センター$/], ["当研究所", null, /研究所$/], ["弊所", null, /研究所$/],
  ["当所", null, /(?:研究所|会議所|事業所|所)$/], ["当事務所", null, /事務所$/], ["弊事務所", null, /事務所$/], ["当財団", null, /財団$/], ["当組合", null, /組合$/], ["本組合", null, /組合$/],
  ["当行", "finance", /銀行$/], ["弊行", "finance", /銀行$/], ["本行", "finance", /銀行$/], ["当金庫", "finance", /金庫$/], ["弊金庫", "finance", /金庫$/],
  ["当院", "medical", HOSPITAL], ["本院", "medical", HOSPITAL], ["当クリニック", "medical", HOSPITAL], ["当医院", "medical", HOSPITAL],
  ["本学", "education", SCHOOL], ["当大学", "education", SCHOOL], ["本校", "education", SCHOOL], ["当校", "education", SCHOOL], ["当学園", "education", SCHOOL],
  ["本学園", "education", SCHOOL], ["当学院", "education", SCHOOL], ["本学院", "education", SCHOOL],
  ["当協会", "association", /協会$/], ["本協会", "association", /協会$/], ["当会", "association", null], ["本会", "association", null],
  ["本学会", "association", /学会$/], ["当学会", "association", /学会$/], ["当連盟", "association", /連盟$/], ["当団体", "association", null],
  ["弊団体", "association", null], ["当連合会", "association", /連合会$/], ["当協議会", "association", /協議会$/],
  // A museum, a hall, a hotel; a shop.
  ["当館", "leisure", /館$/], ["当ホテル", "leisure", /ホテル$/], ["当店", "retail_ec", null], ["弊店", "retail_ec", null],
  ["本市", "government", /市$/], ["当市", "government", /市$/], ["本町", "government", /町$/], ["当町", "government", /町$/],
  ["本村", "government", /村$/], ["当村", "government", /村$/], ["本区", "government", /区$/], ["当区", "government", /区$/],
  ["本県", "government", /県$/], ["当県", "government", /県$/], ["当庁", "government", /庁$/], ["当省", "government", /省$/],
] as const).map(([word, sector, names]) => ({ word, sector, names }));

/** The self-references as one regular-expression alternation, longest first (本学会 before 本学). */
/**
 * A body a case tells of without naming it, as the case's subject: ある会員企業では, 別の会社が, 建設業A社 (a
 * case collection's placeholder, ending its line or before a particle). A regex source, read with the m flag.
 */
export const UNNAMED_PARTY = String.raw`(?:ある|とある|別の|他の|某)(?:会員)?(?:企業|会社|団体|法人|病院|医療機関|自治体|学校|大学|事業者|店舗|組織|メーカー|事業所)(?=で|では|において|が|は|にて|の(?:社員|職員|従業員|担当者|役員))|(?<![A-Za-z])[A-Z](?:社|法人|病院|大学|学校|市|町|村)(?=で|では|において|が|は|にて|\s*$)`;

export const SELF_REFERENCE_WORD = SELF_REFERENCES.map((r) => r.word).sort((a, b) => b.length - a.length).map(escapeRegExp).join("|");

/**
 * Kanji that make a word with the 本 or 当 after them, so that no self-reference starts there:
 * 日本学術 holds no 本学, 担当社員 no 当社.
 */
export const BEFORE_NO_SELF_REFERENCE: Readonly<Record<string, string>> = { 本: "日基根資見標脚謄抄原副正絵台", 当: "担相該適正手見妥配弁本抵充割" };

/** Words that refer to the writer, the reader or organisations in general, never a name: 当社, 貴社, 同社, 各社… */
export const SELF_REFERENCE = new RegExp(
  `^(?:${SELF_REFERENCE_WORD}|(?:貴|御|同|自|各|他|親|子|関係|関連)(?:社|院|学|校|組合|センター|法人|協会|館|店|会|機構|財団|市|町|村|県|区|庁|省|行))$`,
);

/** An organisation name with a legal form in front or behind. */
export const LEGAL_NAME = new RegExp(
  `(?:${LEGAL_FORM}) ?[^\\s、。,()「」『』【】:：/]{1,30}?(?= ?(?:\\(|（|は|が|の|に|と|及び|および|並びに|を|より|から|、|。|\\s|$))|(?<![^\\s、。「『(（【/・:：はがをにのとへでもや])(?![^\\s]*?(?:して|された|される|する|した|いる|ある|れる|った|ない|です|ます))[^\\s、。,()「」『』【】:：/のはがにとを]{1,30}? ?(?:${LEGAL_FORM})`,
  "g",
);

/** Bodies that act on others' incidents (a regulator's notice names its target separately), as an alternation. */
export const REGULATOR_NAME = "個人情報保護委員会|総務省|金融庁|経済産業省|厚生労働省|文部科学省|国土交通省|消費者庁|公正取引委員会";

/** A regulator's whole name. */
export const REGULATORS = new RegExp(`^(?:${REGULATOR_NAME})$`);

/**
 * Bodies a notice cites for advice, reports or alerts (regulators, police, CERTs, consumer and
 * security bodies), as an alternation: named as a reference, they are not the organisation the
 * notice is about.
 */
export const ADVISORY_BODY_NAME = `${REGULATOR_NAME}|警察庁|警視庁|[^\\s]{1,4}県警(?:察)?|[^\\s]{1,6}警察署|情報処理推進機構|IPA|JPCERT/CC|JPCERTコーディネーションセンター|JPCERT|` +
  "内閣サイバーセキュリティセンター|NISC|国民生活センター|フィッシング対策協議会|日本サイバー犯罪対策センター|JC3|日本ネットワークセキュリティ協会|JNSA|" +
  "情報通信研究機構|NICT|日本情報経済社会推進協会|JIPDEC|プライバシーマーク事務局|" +
  // English names, matched with their spaces taken out.
  "NationalPoliceAgency|PersonalInformationProtectionCommission|JapanComputerEmergencyResponseTeamCoordinationCenter|Information-technologyPromotionAgency";

/**
 * Initials that name a thing, a role or a field, never an organisation: a news sentence's 「職員のPCが」
 * or 「IDが」 has no victim in it. Two-letter initials are left out as a rule; these are the longer ones.
 */
export const NOT_ORGANIZATION_INITIALS: readonly string[] = [
  "URL", "USB", "SNS", "VPN", "DNS", "SSL", "TLS", "PDF", "CSV", "API", "NAS", "UTM", "EDR", "XDR", "SOC", "CSIRT", "CEO", "CTO", "CIO", "CISO",
  "ICT", "SMS", "ATM", "POS", "ERP", "CRM", "SaaS", "DDoS", "WAF", "HTTP", "HTTPS", "HTML", "CMS", "FAQ", "PIN", "OTP", "MFA", "GPS", "RDP", "SQL", "XSS",
  // A mail's address fields: 「BCCではなくTOに入力」.
  "BCC", "FAX", "SSO", "LAN", "WiFi", "CPU", "OCR",
];

/** An advisory body's whole name (legal form taken off). */
export const ADVISORY_BODIES = new RegExp(`^(?:${ADVISORY_BODY_NAME})$`);
