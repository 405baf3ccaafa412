import type { IncidentType } from "../../core/types.js";
import type { NoticeText } from "./evidence.js";
import { makeTag, quote, type Tag } from "./tag.js";

// Names as ATT&CK Enterprise v17 gives them; all IDs exist since v14 at least. T1219 was named
// "Remote Access Software" until v16. T1056.003 is the nearest technique to web skimming, which ATT&CK
// has no technique for: it describes code planted in a web portal to capture what users type.
/** The MITRE ATT&CK (Enterprise) techniques this module may tag, with their official names and a Japanese gloss. */
export const TECHNIQUES = {
  T1056_003: { id: "T1056.003", name: "Input Capture: Web Portal Capture", ja: "入力の取得: Webポータルでの取得" },
  T1078: { id: "T1078", name: "Valid Accounts", ja: "正規アカウントの悪用" },
  T1110: { id: "T1110", name: "Brute Force", ja: "総当たり攻撃" },
  T1110_001: { id: "T1110.001", name: "Brute Force: Password Guessing", ja: "総当たり攻撃: パスワード推測" },
  T1110_004: { id: "T1110.004", name: "Brute Force: Credential Stuffing", ja: "総当たり攻撃: リスト型攻撃" },
  T1114: { id: "T1114", name: "Email Collection", ja: "メールの収集" },
  T1133: { id: "T1133", name: "External Remote Services", ja: "外部リモートサービス" },
  T1190: { id: "T1190", name: "Exploit Public-Facing Application", ja: "公開アプリケーションの脆弱性悪用" },
  T1219: { id: "T1219", name: "Remote Access Tools", ja: "遠隔操作ツール" },
  T1486: { id: "T1486", name: "Data Encrypted for Impact", ja: "影響を与えるためのデータ暗号化" },
  T1491: { id: "T1491", name: "Defacement", ja: "改ざん" },
  T1491_002: { id: "T1491.002", name: "Defacement: External Defacement", ja: "改ざん: 外部公開サイトの改ざん" },
  T1498: { id: "T1498", name: "Network Denial of Service", ja: "ネットワークのサービス妨害" },
  T1566: { id: "T1566", name: "Phishing", ja: "フィッシング" },
  T1566_001: { id: "T1566.001", name: "Phishing: Spearphishing Attachment", ja: "フィッシング: 添付ファイル" },
  T1566_002: { id: "T1566.002", name: "Phishing: Spearphishing Link", ja: "フィッシング: リンク" },
  T1567: { id: "T1567", name: "Exfiltration Over Web Service", ja: "Webサービス経由の持ち出し" },
  T1567_002: { id: "T1567.002", name: "Exfiltration Over Web Service: Exfiltration to Cloud Storage", ja: "Webサービス経由の持ち出し: クラウドストレージ" },
} as const;
/** Key of one technique in `TECHNIQUES`. */
export type TechniqueKey = keyof typeof TECHNIQUES;

/** Words that justify a technique, and the incident types they must come with. */
interface Rule {
  key: TechniqueKey;
  re: RegExp;
  why: string;
  confidence: number;
  /** The incident must have one of these types. */
  types?: readonly IncidentType[];
  /** The sentence of the words must also match this. */
  sentence?: RegExp;
}

const HACKED: readonly IncidentType[] = ["unauthorized_access", "account_takeover", "credential_stuffing", "ransomware", "malware", "web_skimming", "defacement"];
const INTRUSION = /侵入|不正|攻撃|経由|認証なし|(?:接続|アクセス)(?:が)?可能|悪用|脆弱性|ランサム|感染/;
const EXPOSED = /サイト|サーバ|システム|Web|WEB|ウェブ|アプリケーション|VPN|機器|ホームページ|ショップ/;

/** Rules in order of preference: the first rule of a technique that finds words wins. */
const RULES: readonly Rule[] = [
  { key: "T1486", types: ["ransomware"], confidence: 0.9, why: "files were encrypted by ransomware",
    re: /(?:ファイル|データ|サーバー?|PC|パソコン|システム|端末)(?:の一部|等|など)?(?:が|を|も)暗号化され/ },
  { key: "T1486", types: ["ransomware"], confidence: 0.85, why: "data were encrypted by ransomware", re: /暗号化され(?!た状態|て(?:おり|い)(?:ます|る))/ },
  { key: "T1486", types: ["ransomware"], confidence: 0.75, why: "ransomware, which encrypts data for ransom", re: /ランサム(?:ウェア|ウエア)|暗号化ウ[イィ]ルス/ },
  { key: "T1566_002", types: ["phishing", "malware", "ransomware"], sentence: /メール|SMS|ショートメッセージ|メッセージ/, confidence: 0.8,
    why: "mails carried a link to a fake or malicious site", re: /偽(?:装)?(?:の)?サイトへ(?:の)?誘導|リンク|URL/ },
  { key: "T1566_001", types: ["phishing", "malware", "ransomware"], confidence: 0.8, why: "a mail attachment was opened",
    re: /添付(?:ファイル)?[^。\n]{0,20}(?:開封|開い|実行)[^。\n]{0,30}(?:感染|ところ|結果)|添付(?:ファイル)?[^。\n]{0,15}(?:により|から|で)感染/ },
  { key: "T1566", types: ["phishing"], confidence: 0.8, why: "phishing", re: /フィッシング(?!対策協議会)|偽(?:装)?(?:の)?(?:サイト|ログイン)/ },
  { key: "T1566", types: ["malware", "ransomware"], confidence: 0.7, why: "malware arrived by mail",
    re: /(?:攻撃|不審な?|なりすまし|標的型|ばらまき型)メール[^。\n]{0,30}(?:感染|開封|開い|実行)/ },
  { key: "T1110_004", confidence: 0.85, why: "credential stuffing with ID/password lists", re: /リスト型|パスワードリスト|クレデンシャル\s?スタッフィング/ },
  { key: "T1110_001", confidence: 0.8, why: "passwords were guessed by brute force", re: /ブルートフォース|総当たり|辞書攻撃|パスワード(?:が|を)?(?:推測|類推)され/ },
  { key: "T1110", confidence: 0.7, why: "a password was cracked", re: /パスワード(?:が|を)?(?:破られ|解析され|突破され)/ },
  { key: "T1133", types: HACKED, sentence: INTRUSION, confidence: 0.75, why: "entry through a remote-access service exposed to the internet",
    re: /リモートデスクトップ|RDP|VPN|保守(?:用)?(?:の)?(?:回線|接続)|リモート(?:接続|アクセス)/ },
  { key: "T1190", types: HACKED, sentence: EXPOSED, confidence: 0.85, why: "a vulnerability of an internet-facing site or server was exploited",
    re: /脆弱性(?:を|が)(?:突|つ|悪用|利用|攻撃)|脆弱性を狙|脆弱性に対する攻撃/ },
  { key: "T1078", types: ["account_takeover", "unauthorized_access", "credential_stuffing"], confidence: 0.8, why: "a legitimate account was used by the attacker",
    re: /乗っ取|ログインを許し|不正ログイン|なりすましログイン|アカウント[^。\n]{0,20}(?:不正(?:に)?(?:利用|使用)|踏み台|悪用)|アカウント(?:へ|に対する)の?不正アクセス/ },
  { key: "T1498", types: ["ddos"], confidence: 0.9, why: "a denial-of-service flood", re: /DDoS|DoS攻撃|サービス妨害|大量(?:の)?(?:アクセス|通信|パケット|リクエスト)/ },
  { key: "T1491_002", types: ["defacement"], confidence: 0.85, why: "a public web page was defaced",
    re: /(?:ホームページ|ウェブサイト|Webサイト|WEBサイト|サイト|ウェブページ|Webページ|ページ)[^。\n]{0,15}(?:改ざん|改竄)/ },
  { key: "T1491", types: ["defacement"], confidence: 0.7, why: "content was defaced", re: /改ざん|改竄/ },
  { key: "T1219", confidence: 0.85, why: "a remote-access tool gave the attacker control",
    re: /遠隔操作(?:ソフト|アプリ|ツール)|リモート(?:操作|サポート|アクセス)(?:用の?)?(?:ソフト|ツール|アプリ)|TeamViewer|AnyDesk|Quick\s?Assist|クイックアシスト/ },
  { key: "T1219", types: ["support_scam"], confidence: 0.6, why: "the scammer took remote control of the PC", re: /遠隔操作/ },
  { key: "T1567_002", types: ["insider"], confidence: 0.85, why: "data were uploaded to a cloud storage service",
    re: /(?:クラウド(?:サービス|ストレージ)?|オンラインストレージ|ファイル共有サービス|ストレージサービス)[^。\n]{0,60}アップロード|アップロード[^。\n]{0,20}(?:クラウド|オンラインストレージ)/ },
  { key: "T1567", types: ["insider"], confidence: 0.7, why: "data were sent out through a web service",
    re: /(?:Webメール|フリーメール|SNS|掲示板|ウェブサービス|Webサービス)[^。\n]{0,40}(?:アップロード|投稿|送信)/ },
  { key: "T1114", types: ["account_takeover", "unauthorized_access", "malware"], confidence: 0.7, why: "mail contents were taken by the attacker",
    re: /メール(?:データ|の内容|内容|本文|ボックス|履歴)[^。\n]{0,30}(?:流出|窃取|盗|悪用|閲覧|抜き取)|過去(?:に)?(?:の)?メール[^。\n]{0,40}(?:流出|窃取|悪用)/ },
  { key: "T1056_003", types: ["web_skimming"], confidence: 0.55, why: "code planted in the payment page captured what buyers typed (closest technique to web skimming)",
    re: /(?:決済|ペイメント|支払い?|カード情報入力)(?:画面|ページ|アプリケーション|フォーム|システム|モジュール)?[^。\n]{0,15}(?:改ざん|改竄)|スキミング|カード情報を(?:窃取|抜き取)/ },
];

/** ATT&CK technique tags, only where the notice's words support them; a sub-technique replaces its parent. */
export function attackTags(nt: NoticeText): Tag[] {
  const found = new Map<TechniqueKey, Tag>();
  for (const rule of RULES) {
    if (found.has(rule.key) || (rule.types && !nt.has(...rule.types))) continue;
    const ev = nt.find(rule.re, rule.sentence ? { sentence: rule.sentence } : {});
    if (!ev) continue;
    const t = TECHNIQUES[rule.key];
    found.set(rule.key, makeTag("attack", t.id, { ja: `${t.id} ${t.ja}`, en: `${t.id} ${t.name}` }, `${rule.why} ${quote(ev.text)}`, rule.confidence, ev.span));
  }
  const ids = [...found.values()].map((t) => t.value);
  return [...found.values()].filter((t) => !ids.some((id) => id.startsWith(`${t.value}.`)));
}
