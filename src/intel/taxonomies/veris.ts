import type { DataType, IncidentType } from "../../core/types.js";
import type { Evidence, NoticeText } from "./evidence.js";
import { makeTag, quote, type Label, type Tag } from "./tag.js";

/** VERIS 1.3.x action categories. */
export const VERIS_ACTIONS = ["hacking", "malware", "social", "misuse", "physical", "error", "environmental", "unknown"] as const;
/** One VERIS action category. */
export type VerisAction = (typeof VERIS_ACTIONS)[number];

/** Labels of the action categories. */
export const VERIS_ACTION_LABELS: Readonly<Record<VerisAction, Label>> = {
  hacking: { ja: "ハッキング", en: "Hacking" },
  malware: { ja: "マルウェア", en: "Malware" },
  social: { ja: "ソーシャルエンジニアリング", en: "Social" },
  misuse: { ja: "内部者による悪用", en: "Misuse" },
  physical: { ja: "物理的行為", en: "Physical" },
  error: { ja: "過失", en: "Error" },
  environmental: { ja: "環境要因", en: "Environmental" },
  unknown: { ja: "不明", en: "Unknown" },
};

/** The VERIS action varieties this module uses, by `category.variety` value, with VERIS's own variety name. */
export const VERIS_VARIETIES = {
  "malware.ransomware": { en: "Ransomware", ja: "ランサムウェア" },
  "malware.capture_app_data": { en: "Capture app data", ja: "アプリケーションデータの窃取" },
  "malware.backdoor": { en: "Backdoor", ja: "バックドア" },
  "malware.spyware_keylogger": { en: "Spyware/Keylogger", ja: "スパイウェア・キーロガー" },
  "hacking.exploit_vuln": { en: "Exploit vuln", ja: "脆弱性の悪用" },
  "hacking.brute_force": { en: "Brute force", ja: "総当たり攻撃" },
  "hacking.use_of_stolen_creds": { en: "Use of stolen creds", ja: "窃取した認証情報の使用" },
  "hacking.dos": { en: "DoS", ja: "サービス妨害" },
  "social.phishing": { en: "Phishing", ja: "フィッシング" },
  "social.scam": { en: "Scam", ja: "詐欺" },
  "misuse.privilege_abuse": { en: "Privilege abuse", ja: "権限の悪用" },
  "misuse.data_mishandling": { en: "Data mishandling", ja: "データの不適切な取扱い" },
  "physical.theft": { en: "Theft", ja: "盗難" },
  "error.misdelivery": { en: "Misdelivery", ja: "誤送付" },
  "error.misconfiguration": { en: "Misconfiguration", ja: "設定ミス" },
  "error.loss": { en: "Loss", ja: "紛失" },
  "error.disposal_error": { en: "Disposal error", ja: "廃棄ミス" },
  "error.malfunction": { en: "Malfunction", ja: "故障" },
} as const satisfies Record<string, Label>;
/** One action value with its variety. */
export type VerisVariety = keyof typeof VERIS_VARIETIES;

/** The VERIS asset varieties this module uses ("S - Web application"…), with a Japanese gloss. */
export const VERIS_ASSETS = {
  "S - Web application": "Webアプリケーション",
  "S - Mail": "メールサーバー・アカウント",
  "S - File": "ファイルサーバー",
  "S - Database": "データベース",
  "S - Remote access": "リモートアクセス",
  "S - Unknown": "サーバー(種類不明)",
  "N - Router or switch": "ネットワーク機器",
  "N - Firewall": "ファイアウォール",
  "U - Laptop": "ノートPC",
  "U - Desktop": "PC",
  "U - Mobile phone": "携帯電話・スマートフォン",
  "U - Tablet": "タブレット",
  "M - Flash drive": "USBメモリ等",
  "M - Disk drive": "ハードディスク",
  "M - Disk media": "光ディスク",
  "M - Documents": "書類",
  "P - Customer": "顧客",
  "P - End-user": "利用者・職員",
} as const;
/** One asset variety. */
export type VerisAsset = keyof typeof VERIS_ASSETS;

/** VERIS attributes. */
export const VERIS_ATTRIBUTES = ["confidentiality", "integrity", "availability"] as const;
/** One VERIS attribute. */
export type VerisAttribute = (typeof VERIS_ATTRIBUTES)[number];
const ATTRIBUTE_JA: Readonly<Record<VerisAttribute, string>> = { confidentiality: "機密性", integrity: "完全性", availability: "可用性" };

// Words of the notice that refine an action into a variety.
const VULN = /脆弱性(?:を|が)(?:突|つ|悪用|利用|攻撃)|脆弱性を狙|脆弱性に対する攻撃/;
const BRUTE = /ブルートフォース|総当たり|辞書攻撃|パスワード(?:が|を)?(?:推測され|類推され|破られ|解析され)/;
const STOLEN_CREDS = /リスト型|パスワードリスト|(?:窃取|流出|漏えい)した(?:ID|パスワード|認証情報)|不正ログイン|乗っ取/;
const BACKDOOR = /バックドア|遠隔操作型/;
const SPYWARE = /キーロガー|スパイウェア|情報窃取型/;
const MISHANDLING = /アップロード|持ち出|私用の|個人(?:の)?(?:アドレス|アカウント)|無断で(?:複製|コピー)/;
const DISPOSAL = /誤廃棄|誤って廃棄/;
const ENVIRONMENT = /停電|地震|落雷|火災|水害|浸水|台風|豪雨/;
const LEAK = /流出|漏え?い|漏洩|閲覧(?:され|でき|可能)|表示され|誤表示|持ち出|盗取|窃取|外部に送信|誤送|誤配/;
const POSSIBLY = /可能性|おそれ|恐れ|否定(?:は|が)?(?:でき|出来)|懸念/;
const ENCRYPTED = /暗号化され(?!た状態|て(?:おり|い)(?:ます|る))/;
const STOPPED = /停止|利用できな|つながりにく|遅延|障害|できなくな/;

interface ActionHit {
  value: VerisVariety | VerisAction;
  ev: Evidence | null;
  why: string;
}

/** Evidence for a type: words that refine it if given, else the extractor's words for the type. */
function typeEvidence(nt: NoticeText, type: IncidentType, refine?: RegExp): Evidence | null {
  return (refine ? nt.find(refine) : null) ?? nt.finding("incident_types", type);
}

/** Hacking varieties the words support; plain hacking when an intrusion is stated without how. */
function hackingHits(nt: NoticeText): ActionHit[] {
  const out: ActionHit[] = [];
  const vuln = nt.has("unauthorized_access", "web_skimming", "defacement", "ransomware") ? nt.find(VULN) : null;
  if (vuln) out.push({ value: "hacking.exploit_vuln", ev: vuln, why: "a vulnerability was exploited" });
  const brute = nt.find(BRUTE);
  if (brute) out.push({ value: "hacking.brute_force", ev: brute, why: "passwords were guessed or cracked" });
  if (!brute && nt.has("credential_stuffing", "account_takeover")) {
    const type = nt.has("credential_stuffing") ? "credential_stuffing" : "account_takeover";
    out.push({ value: "hacking.use_of_stolen_creds", ev: typeEvidence(nt, type, STOLEN_CREDS), why: "an account was entered with its credentials" });
  }
  if (nt.has("ddos")) out.push({ value: "hacking.dos", ev: typeEvidence(nt, "ddos"), why: "denial of service" });
  if (out.length === 0 && nt.has("unauthorized_access", "defacement", "web_skimming")) {
    const type = nt.has("unauthorized_access") ? "unauthorized_access" : nt.has("defacement") ? "defacement" : "web_skimming";
    out.push({ value: "hacking", ev: typeEvidence(nt, type), why: "an intrusion is stated without how it was done" });
  }
  return out;
}

/** Malware varieties: ransomware, web skimmer code, or malware named by kind. */
function malwareHits(nt: NoticeText): ActionHit[] {
  const out: ActionHit[] = [];
  if (nt.has("ransomware")) out.push({ value: "malware.ransomware", ev: typeEvidence(nt, "ransomware"), why: "ransomware encrypted data" });
  if (nt.has("web_skimming")) out.push({ value: "malware.capture_app_data", ev: typeEvidence(nt, "web_skimming"), why: "skimming code captured card data entered in the shop" });
  if (!nt.has("malware")) return out;
  const backdoor = nt.find(BACKDOOR);
  const spy = nt.find(SPYWARE);
  if (backdoor) out.push({ value: "malware.backdoor", ev: backdoor, why: "a backdoor gave remote access" });
  if (spy) out.push({ value: "malware.spyware_keylogger", ev: spy, why: "malware captured input or stole information" });
  if (!backdoor && !spy) out.push({ value: "malware", ev: typeEvidence(nt, "malware"), why: "malware infection of unstated kind" });
  return out;
}

/** Social, misuse, physical, error and environmental actions from the incident types. */
function otherHits(nt: NoticeText): ActionHit[] {
  const out: ActionHit[] = [];
  const add = (type: IncidentType, value: VerisVariety | VerisAction, why: string, refine?: RegExp) => {
    if (nt.has(type)) out.push({ value, ev: typeEvidence(nt, type, refine), why });
  };
  add("phishing", "social.phishing", "phishing mails or sites");
  add("support_scam", "social.scam", "a fake virus warning lured the user into calling the scammer");
  add("insider", "misuse.privilege_abuse", "an insider abused the access the job gave");
  const mishandled = nt.has("insider") ? nt.find(MISHANDLING) : null;
  if (mishandled) out.push({ value: "misuse.data_mishandling", ev: mishandled, why: "data were taken or sent outside approved handling" });
  add("theft", "physical.theft", "something holding data was stolen");
  add("misdelivery", "error.misdelivery", "data were sent to the wrong recipient");
  add("misconfiguration", "error.misconfiguration", "a setting exposed data");
  const disposed = nt.find(DISPOSAL);
  if (disposed) out.push({ value: "error.disposal_error", ev: disposed, why: "data were thrown away by mistake" });
  else add("loss", "error.loss", "something holding data was lost");
  const env = nt.has("system_failure") ? nt.find(ENVIRONMENT) : null;
  if (env) out.push({ value: "environmental", ev: env, why: "a natural or environmental event caused the failure" });
  else add("system_failure", "error.malfunction", "equipment or software failed");
  return out;
}

/** Label of an action value: the category, and VERIS's variety name when there is one. */
function actionLabel(value: VerisVariety | VerisAction): Label {
  const category = value.split(".")[0] as VerisAction;
  const cat = VERIS_ACTION_LABELS[category];
  if (!(value in VERIS_VARIETIES)) return cat;
  const v = VERIS_VARIETIES[value as VerisVariety];
  return { ja: `${cat.ja}: ${v.ja}`, en: `${cat.en}: ${v.en}` };
}

/** VERIS action tags (category, with the variety where the words make it clear); "unknown" when nothing is stated. */
export function verisActionTags(nt: NoticeText): Tag[] {
  const hits = [...hackingHits(nt), ...malwareHits(nt), ...otherHits(nt)];
  if (hits.length === 0) return [makeTag("veris_action", "unknown", VERIS_ACTION_LABELS.unknown, "the notice does not say what action caused the incident", 0.5)];
  return hits.map((h) => makeTag("veris_action", h.value, actionLabel(h.value), h.ev ? `${h.why} ${quote(h.ev.text)}` : h.why, h.ev ? 0.8 : 0.6, h.ev?.span));
}

/** Words that name an asset, most specific first; an asset matches once, at its first mention. */
const ASSET_WORDS: readonly (readonly [VerisAsset, RegExp])[] = [
  ["S - Web application", /(?:EC|通販|予約|ショッピング|ショップ|ウェブ|Web|WEB|コーポレート|公式|会員|当|弊社|当社)\s?サイト|(?<=」)サイト|ホームページ|オンラインショップ|ネットショップ|(?:Web|WEB|ウェブ)\s?(?:アプリケーション|サービス)|決済(?:画面|ページ|アプリケーション)|ペイメントアプリケーション|(?:入力|問い?合わせ|申込)フォーム|予約システム/],
  ["S - Mail", /メールアカウント|メールサーバー?|メールボックス|Webメール/],
  ["S - File", /ファイルサーバー?|文書管理サーバー?|NAS/],
  ["S - Database", /データベース|DBサーバー?/],
  ["S - Remote access", /VPN|リモートデスクトップ|RDP|リモート(?:接続|アクセス)/],
  ["N - Firewall", /ファイアウォール|UTM/],
  ["N - Router or switch", /ネットワーク機器|ルーター|ルータ/],
  ["U - Laptop", /ノート(?:PC|パソコン)|ラップトップ/],
  ["U - Desktop", /(?<!リモート)デスクトップ(?:PC|パソコン)?|(?<!ノート)パソコン|(?<![A-Za-zト])PC(?![A-Za-z])/],
  ["U - Mobile phone", /スマートフォン|スマホ|携帯電話/],
  ["U - Tablet", /タブレット/],
  ["M - Flash drive", /USBメモリ|USB|SDカード|フラッシュメモリ/],
  ["M - Disk drive", /HDD|ハードディスク|SSD/],
  ["M - Disk media", /DVD|CD-?R(?:OM)?|光ディスク/],
  ["M - Documents", /書類|紙(?:資料|媒体)|名簿|帳票|伝票|申込書|郵便物|FAX|ファックス|封書|はがき/],
];
// Sentences about what happened to what: only assets named in them count.
const AFFECTED = /不正|感染|暗号化|侵入|攻撃|流出|漏え?い|漏洩|紛失|盗|持ち出|誤送|誤配|誤表示|改ざん|乗っ取|遠隔操作|閲覧(?:され|でき|可能)|障害|故障|停止|保存|含まれ|廃棄|転売/;

// Kept as constants, not literals in the functions: a pattern's matches are remembered per pattern object.
const SERVER = /サーバー?/;
const CUSTOMERS = /お客様|顧客|会員/;
const LURED = /フィッシング|偽|誘導|なりすまし/;

/** VERIS asset tags for the assets named where the notice says what happened. */
export function verisAssetTags(nt: NoticeText): Tag[] {
  const tags: Tag[] = [];
  const taken: [number, number][] = [];
  for (const [asset, re] of ASSET_WORDS) {
    const ev = nt.findAll(re, { sentence: AFFECTED }).find((e) => !taken.some(([s, e2]) => e.span[0] < e2 && s < e.span[1]));
    if (!ev) continue;
    taken.push(ev.span);
    tags.push(assetTag(asset, `named where the incident happened ${quote(ev.text)}`, 0.7, ev));
  }
  const server = nt.find(SERVER, { sentence: AFFECTED });
  if (server && !tags.some((t) => t.value.startsWith("S - "))) tags.push(assetTag("S - Unknown", `a server of unstated kind ${quote(server.text)}`, 0.6, server));
  return [...tags, ...personTags(nt)];
}

/** People as assets: the users a scam or phishing worked on. */
function personTags(nt: NoticeText): Tag[] {
  if (nt.has("support_scam")) {
    const ev = nt.finding("incident_types", "support_scam");
    return [assetTag("P - End-user", "the user was deceived by a fake warning", 0.7, ev)];
  }
  if (!nt.has("phishing")) return [];
  const customers = nt.find(CUSTOMERS, { sentence: LURED });
  const ev = customers ?? nt.finding("incident_types", "phishing");
  return [assetTag(customers ? "P - Customer" : "P - End-user", customers ? `phishing aimed at customers ${quote(customers.text)}` : "people were targeted by phishing", 0.6, ev)];
}

/** One asset tag. */
function assetTag(asset: VerisAsset, reason: string, confidence: number, ev: Evidence | null): Tag {
  return makeTag("veris_asset", asset, { ja: VERIS_ASSETS[asset], en: asset }, reason, confidence, ev?.span);
}

/** VERIS confidentiality data varieties of the extracted data types. */
function dataVarieties(types: readonly DataType[]): string[] {
  const out = new Set<string>();
  for (const t of types) {
    if (["credit_card_number", "card_expiry", "security_code", "cardholder_name", "credit_card_info"].includes(t)) out.add("Payment");
    else if (t === "login_id" || t === "password") out.add("Credentials");
    else if (t === "health") out.add("Medical");
    else if (t === "bank_account") out.add("Bank");
    else if (t === "email_content" || t === "business_info") out.add("Internal"); // mail and business records, not about a person
    else out.add("Personal");
  }
  return [...out];
}

/** Confidentiality: data disclosed, or possibly disclosed, to someone who should not have it. */
function confidentialityTag(nt: NoticeText): Tag | null {
  const leak = nt.find(LEAK);
  const leakTypes: IncidentType[] = ["misdelivery", "loss", "theft", "insider", "web_skimming", "misconfiguration"];
  const typed = leakTypes.find((t) => nt.has(t));
  const ev = leak ?? (typed ? nt.finding("incident_types", typed) : null);
  if (!leak && !typed) return null;
  const possibly = leak ? POSSIBLY.test(nt.sentenceAt(leak.at)?.text ?? "") : false;
  const data = dataVarieties(nt.input.fields.data_types);
  const variety = data.length ? `: ${data.join(", ")}` : "";
  const how = possibly ? "data possibly disclosed" : "data disclosed";
  const words = ev ? ` ${quote(ev.text)}` : typed ? ` (${typed.replace(/_/g, " ")})` : "";
  return makeTag("veris_attribute", "confidentiality", { ja: ATTRIBUTE_JA.confidentiality, en: `Confidentiality${variety}` }, `${how}${words}`, possibly ? 0.7 : 0.8, ev?.span);
}

/** Integrity: content defaced, code planted, software installed, or an account that spoke for its owner. */
function integrityTag(nt: NoticeText): Tag | null {
  const cases: [IncidentType, string, string][] = [
    ["defacement", "Defacement", "web content was altered"],
    ["web_skimming", "Software installation", "the shop's payment code was modified"],
    ["malware", "Software installation", "malware was installed"],
    ["account_takeover", "Misrepresentation", "the attacker posed as the account's owner"],
  ];
  const hit = cases.find(([t]) => nt.has(t));
  if (!hit) return null;
  const ev = nt.finding("incident_types", hit[0]);
  return makeTag("veris_attribute", "integrity", { ja: ATTRIBUTE_JA.integrity, en: `Integrity: ${hit[1]}` }, `${hit[2]}${ev ? ` ${quote(ev.text)}` : ""}`, 0.75, ev?.span);
}

/** Availability: data encrypted, service flooded or failed, or the thing holding the data gone. */
function availabilityTag(nt: NoticeText): Tag | null {
  const cases: [IncidentType, string, string, RegExp | null][] = [
    ["ransomware", "Obscuration", "data were encrypted and unusable", ENCRYPTED],
    ["ddos", "Interruption", "the service was flooded", STOPPED],
    ["system_failure", "Interruption", "the service stopped", STOPPED],
    ["loss", "Loss", "the thing holding the data is gone", null],
    ["theft", "Loss", "the thing holding the data is gone", null],
  ];
  const hit = cases.find(([t]) => nt.has(t));
  if (!hit) return null;
  const ev = typeEvidence(nt, hit[0], hit[3] ?? undefined);
  return makeTag("veris_attribute", "availability", { ja: ATTRIBUTE_JA.availability, en: `Availability: ${hit[1]}` }, `${hit[2]}${ev ? ` ${quote(ev.text)}` : ""}`, 0.75, ev?.span);
}

/** VERIS attribute tags: which of confidentiality, integrity and availability the incident hit, and why. */
export function verisAttributeTags(nt: NoticeText): Tag[] {
  return [confidentialityTag(nt), integrityTag(nt), availabilityTag(nt)].filter((t): t is Tag => t !== null);
}
