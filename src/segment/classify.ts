import type { NoticeKind } from "../core/types.js";

/** The classifier's decision on one post, with the reason shown to analysts. */
export interface Verdict {
  isIncident: boolean;
  kind: NoticeKind;
  reason: string;
}

/** What the splitter knows about a post besides its text. */
export interface PostContext {
  /** The heading carried a casebook marker such as 【セキュリティ事件簿#2024-046】. */
  casebook: boolean;
  /** The post is an entry of a news listing. */
  listing: boolean;
}

// Words that name something that happened to an organisation. Strong ones outweigh an
// advisory word in the same title; weak ones do not.
const STRONG_TITLE = /流出|漏えい|漏洩|漏れ|不正アクセス|不正ログイン|不正利用|不正使用|不正送信|不正通信|乗っ取|乗取り|紛失|盗難|窃盗|誤送信|誤送付|誤配|誤提供|誤表示|誤廃棄|誤掲載|誤公開|誤って|持ち出し|転売|改ざん|改竄|お詫び|おわび|被害|ランサムウェア|身代金|停止事案|閲覧可能|閲覧できる状態|不具合による|障害|ウイルス感染|ウィルス感染|マルウェアに感染|サイバー攻撃を受け|攻撃を受け|設置され|送信され|情報の?流出|個人情報の?取扱い/;
const WEAK_TITLE = /感染|サイバー攻撃|不審なメール|フィッシング|なりすまし|マルウ[ェエ]ア|DDoS|脆弱性|不正/;
const ADVISORY_TITLE = /注意喚起|をかたる|を騙る|かたる|を装[うっ]|報告書|レポート|公表$|の公表|公開$|の公開|開設|活動報告|ガイドライン|ガイダンス|手引|見直し|セミナー|募集|調査結果|白書|アップデート|リリース|提供開始|発売|受賞|認証取得|予告|パッチ|修正プログラム|対策について|対策を|注意点|の呼びかけ|に関する調査/;
const REGULATOR = /(個人情報保護委員会|総務省|金融庁|経済産業省|厚生労働省|文部科学省|国土交通省|消費者庁|公正取引委員会|監督官庁|[都道府県]知事|教育委員会)(?:より|から|による|が|は)?[^。\n]{0,60}?(勧告|指導|命令|行政処分|処分|行政上の対応|立入検査|業務改善)/;
const ADVISORY_BODY = /JPCERT|フィッシング対策協議会|IPA|情報処理推進機|JNSA|日本ネットワークセキュリティ協会|NISC|内閣サイバー|警察庁|NICT|情報通信研究機構|トレンドマイクロ|カスペルスキー|Microsoft|マイクロソフト|Google|Apple|Adobe|JC3|日本サイバー犯罪対策センター|消費者庁|国民生活センター/;

// Cues counted over a whole post: what disclosures say, and what other posts say.
const NOTICE_CUES = /お詫び|漏えい|漏洩|流出|不正アクセス|判明|個人情報|被害|弊社|当社|当院|当組合|当センター|本学|本校|当法人|紛失|誤送信|乗っ取|感染|ランサムウェア|発覚|不正利用|盗難|委託先|二次被害|警察|個人情報保護委員会|再発防止|調査/g;
const TRAVEL_CUES = /搭乗|マイル|空港|フライト|機内|ラウンジ|ホテル|宿泊|チェックイン|旅行|観光|温泉|新幹線|座席|レストラン|朝食/g;
const CONFERENCE_CUES = /講演|セッション|基調|パネル|登壇|カンファレンス|シンポジウム|参加|アジェンダ|勉強会|聴講|振り返り/g;
const TOOL_CUES = /ツール|プラットフォーム|無料|機能|インテリジェンス|ダウンロード|インストール|API|ソリューション|サービスを提供|フレームワーク|ダッシュボード|統合/g;
const BUSINESS_CUES = /クラウド|戦略|ビジネス|顧客体験|収益|イノベーション|DX|デジタル|パートナー|投資|市場|成長/g;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Notice cues per thousand characters of a post body. */
export function noticeDensity(text: string): number {
  const len = Math.max(text.length, 1);
  return (1000 * count(NOTICE_CUES, text)) / len;
}

/** The strongest family of non-incident cues in a text, with its density per thousand characters. */
export function otherTopic(text: string): { kind: NoticeKind; density: number; label: string } {
  const len = Math.max(text.length, 1);
  const families: [NoticeKind, string, RegExp][] = [
    ["unrelated", "travel", TRAVEL_CUES],
    ["conference_notes", "conference", CONFERENCE_CUES],
    ["tool_intro", "tool introduction", TOOL_CUES],
    ["unrelated", "business", BUSINESS_CUES],
  ];
  let best = { kind: "unrelated" as NoticeKind, density: 0, label: "no incident" };
  for (const [kind, label, re] of families) {
    const density = (1000 * count(re, text)) / len;
    if (density > best.density) best = { kind, density, label };
  }
  return best;
}

/** True when a title says something happened to an organisation. */
export function incidentTitle(title: string): boolean {
  return STRONG_TITLE.test(title) || WEAK_TITLE.test(title);
}

/** Decide whether a post is an incident disclosure and what kind of post it is. */
export function classify(title: string, body: string, ctx: PostContext): Verdict {
  const regulator = REGULATOR.exec(title) ?? (ctx.casebook || ctx.listing ? null : REGULATOR.exec(body.slice(0, 600)));
  if (regulator) {
    return { isIncident: true, kind: "regulator_action", reason: `regulator action: ${regulator[0].slice(0, 40)}` };
  }
  const strong = STRONG_TITLE.exec(title);
  const weak = WEAK_TITLE.exec(title);
  const advisory = ADVISORY_TITLE.exec(title);
  const body1k = noticeDensity(body);
  const topic = otherTopic(body);
  const publisher = title.includes("/") ? title.slice(title.lastIndexOf("/") + 1) : "";
  const fromAdvisoryBody = ADVISORY_BODY.test(publisher);

  if (advisory && !strong) {
    return { isIncident: false, kind: "advisory", reason: `advisory wording in title: ${advisory[0]}` };
  }
  if (fromAdvisoryBody && !strong) {
    return { isIncident: false, kind: "advisory", reason: `published by an advisory body: ${publisher}` };
  }
  if (strong) {
    return { isIncident: true, kind: ctx.listing ? "news_entry" : "incident_notice", reason: `incident wording in title: ${strong[0]}` };
  }
  if (ctx.casebook && (weak || body1k >= 3)) {
    return { isIncident: true, kind: "incident_notice", reason: `casebook heading${weak ? ` with ${weak[0]}` : ""}` };
  }
  if (weak && body1k >= 4) {
    return { isIncident: true, kind: ctx.listing ? "news_entry" : "incident_notice", reason: `${weak[0]} in title and notice wording in body` };
  }
  if (body.length >= 200 && body1k >= 8 && topic.density < body1k / 2) {
    return { isIncident: true, kind: ctx.listing ? "news_entry" : "incident_notice", reason: `notice wording (${body1k.toFixed(1)} cues per 1,000 characters)` };
  }
  if (ctx.listing) return { isIncident: false, kind: "news_entry", reason: "news entry without incident wording" };
  return {
    isIncident: false,
    kind: topic.density > 0 ? topic.kind : "unrelated",
    reason: topic.density > 0 ? `${topic.label} post (${topic.density.toFixed(1)} cues per 1,000 characters)` : "no incident wording",
  };
}
