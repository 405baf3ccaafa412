import type { NoticeKind } from "../core/types.js";
import { DATA_SOLD, FOUND_ENCRYPTED, INCIDENT_TYPE_PHRASES, INSIDER_IN_ENGLISH, LOST_IN_ENGLISH, MISDIRECTED, OPEN_TO_ANYONE, OTHER_PERSON, PHISHED_IN_ENGLISH, PRIVATE_USE, PUBLIC_REPOSITORY } from "../core/vocab/incident-types.js";
import { DATA_TYPE_PHRASES, PERSONAL_DATA_WHOLE } from "../core/vocab/data-types.js";
import { SELF_REFERENCE_WORD } from "../core/vocab/organizations.js";
import { selfReferencesIn } from "../extract/names.js";
import { negated } from "../extract/scan.js";
import { subjectOf } from "./subjects.js";

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
  /**
   * The title is a heading or a line that reads as one. When it is not (a page with no title, a news item
   * whose first sentence stands in for one), the lead — the first sentences — is read in its place.
   */
  titled?: boolean;
  /** The post is one of several cases a notice numbers (「(2) …の案件(事案2)」). */
  numberedCase?: boolean;
  /** The post is a row of a table whose columns are about incidents (流出件数, 被害…). */
  tableRow?: boolean;
}

// Title cues, weighed against each other. Event words say something happened to someone; theme
// words only name the subject; the other families mark publications, promotions, warnings to the
// public and how-to topics.
// Papers handed or sent to the wrong people (誤交付, 別の世帯に送付) and others' data shown (他の利用者の配送先が表示);
// data handled wrongly (個人情報の不適切な取扱い, 目的外利用), a setting's flaw (設定不備), data slipped into papers (個人情報の混入).
const EVENT = new RegExp(`${MISDIRECTED}|${PUBLIC_REPOSITORY}|${DATA_SOLD}|${PRIVATE_USE}|${OPEN_TO_ANYONE}|${INSIDER_IN_ENGLISH}|${PHISHED_IN_ENGLISH}|${FOUND_ENCRYPTED}|${LOST_IN_ENGLISH}|[Cc]redential[- ][Ss]tuffing|不適(?:切|正)な(?:取扱|取り扱|管理|投稿|閲覧)|目的外(?:利用|使用|閲覧|照会)|設定(?:の)?(?:不備|ミス|誤り)|(?:個人)?情報(?:の|が)混入|(?:他人|別人|(?:別|他)の${OTHER_PERSON})(?:の|情報の)[^。、\\n]{0,12}(?:が|を)?(?:表示|閲覧|配信)|踏み台(?:に|と)?され|宛先(?:を|の)?(?:誤|間違)|セキュリティインシデント(?!対応|対策|管理|訓練|演習)|インシデント(?:の|が)発生|(?:へ|に)の侵入|侵入を受け|外部(?:から)?(?:の)?閲覧|(?:情報|氏名|名前|住所)[^。、\n]{0,4}(?:の|が)?写り込|(?:インターネット|外部)(?:上)?(?:に|から|で)(?:公開|閲覧)され|アクセス制限(?:が|の)?(?:ない|無い|なし|不備)|不正(?:交換|出金|引き出|購入)|流出|漏えい|漏洩|漏れ|(?<![聞書見言申])漏らし|不正(?:な)?アクセス|不正(?:な)?ログイン|不正サインイン|不正利用|不正使用|不正送信|不正通信|不正閲覧|不正取得|不正に(?:利用|使用|アクセス|ログイン|取得|操作|持ち出)|乗っ取|乗取り|紛失(?!物)|置き忘れ|置忘れ|所在不明|所在が(?:分から|わから)な|行方不明|盗難|盗まれ|盗み出|窃盗|窃取|持ち去|誤送信|誤送付|誤発送|誤配|誤提供|誤表示|誤廃棄|誤掲載|誤公開|誤って|誤った(?:宛先|送付先|住所|相手先?|メールアドレス)|持ち出し|転売|改ざん|改竄|お詫び|おわび|停止事案|閲覧可能|閲覧できる状態|判読(?:できる|可能な)状態|公開状態(?:に|と)(?:な|$)|ウ[イィ]ルス感染|マルウ[ェエ]アに感染|感染被害|攻撃を受け|攻撃か(?=$|[\\s、。])|システム障害|障害(?:が|の)?発生|しづらい状況|(?:つながり|繋がり|利用し)にくい|(?:利用|閲覧|接続|使用)できない状(?:況|態)|(?:一時|一部|全面的に)?(?:利用|閲覧|接続|使用)できず(?=$|[\s、。])|(?:閲覧|接続|利用|使用|アクセス)(?:でき|し)(?:なくな|にくくな)|アクセスしにくい|遠隔操作され|(?:ウ[イィ]ルス|マルウ[ェエ]ア)[^。、\\n]{0,24}に感染(?:し|$|(?=[、。\\s(（]))|設置され|送信され|被害に遭|詐欺被害|情報の?流出|身代金|消失|滅失|詐取|着服|横領|不祥事件|リスト型(?:攻撃|アカウントハッキング)|だまし取|騙し取|不正送金|[Ll]eak(?:ed|s|age)?|[Bb]reach(?:ed|es)?|[Uu]nauthori[sz]ed (?:[Ee]xternal )?[Aa]ccess|[Hh]acked|[Hh]ijacked|(?:[Dd]ata |[Cc]yber ?)?[Ss]ecurity [Ii]ncident|[Cc]yber ?[Ii]ncident|(?:[Dd]ata|[Pp]rivacy) (?:[Ii]ncident|[Ee]vent)|(?:[Pp]ayment )?[Cc]ard [Ii]ncident(?! [Rr]esponse| [Mm]anagement| [Pp]lan)|[Cc]ompromised|[Ss]tolen|[Ii]nfected|[Dd]ata [Tt]heft|[Ss]kimm(?:ing|ed|er)(?![a-z])|[Hh]ackers? (?:stole|accessed|breached)|[Aa]ccount takeovers?|[Ii]ntrusions?\\b|[Ee]xposure of (?:[A-Za-z]+ ){0,3}(?:[Dd]ata|[Ii]nformation|[Rr]ecords|[Ff]iles)|[Dd]ata [Ee]xposure|(?:page|form|site)s? (?:was |were )?(?:altered|tampered with|defaced)\\b|\\b(?:altered|tampered with|defaced) (?:the |its |their )?(?:[a-z]+ ){0,2}(?:pages?|forms?|sites?)\\b|[Ss]ent to (?:all|the wrong|wrong)\\b|[Mm]isdeliver(?:ed|y)|[Mm]istakenly (?:posts?|posted|publishe[sd]|exposes|exposed)`, "g");
const THEME = /[Rr]ansomware|[Cc]yber-? ?[Aa]ttacks?|[Aa]ttacks? [Oo]n|[Mm]alware|[Pp]hishing|ランサムウェア(?!対策)|被害|障害(?!者|児|福祉|年金|手当|基礎|厚生|支援|保健)|サイバー攻撃|不審なメール|不審メール|不審な?メッセージ|フィッシング|なりすまし|マルウ[ェエ]ア|DDoS|感染|不正|事故|事案|不具合|システム停止/g;
// Statistics count incidents in general: 「漏えい等事案の発生状況」, 「不正アクセス行為の認知件数」, 「…(上半期)」.
// A policy or rules page (情報セキュリティ基本方針, プライバシーポリシー) says what would be done, not what happened.
// (A headline closing on who made it public, 「…売却か　X社が公表」, reports an event: that is no publication.)
const PUBLICATION = /(?:基本方針|ポリシー|(?:個人情報|情報セキュリティ)(?:保護)?方針|規程|規約)(?!に?違反)|報告書(?![をが])|改定|改訂|白書|(?:脅威|月次|月例|週次|年次|動向|観測)レポート|月報|年報|調査(?:の)?結果|実態調査|(?:等|行為|犯罪|事案)の(?:発生|報告|届出|相談)状況|(?:認知|発生|報告|相談)件数|上半期|下半期|四半期|ガイドライン|ガイダンス|手引|公開$|の公開(?!範囲|設定|状態|期間)|(?<![をとが]|(?:事案|事故|事象|インシデント|漏えい|漏洩|流出|誤り|ミス|紛失|誤送付|誤送信)(?:等)?の)公表$|(?<!(?:事案|事故|事象|インシデント|漏えい|漏洩|流出|誤り|ミス|紛失|誤送付|誤送信)(?:等)?)の公表(?!事案|事例|案件)|活動報告|統計|集計(?!中)|見直し|(?<![をとが])発表$|ランキング/g;
// Not a press release's label (【プレスリリース】), a helpline opened after an incident (専用窓口開設), results put off by
// one (決算発表の延期), nor business as an incident leaves it (システム障害に伴う営業について).
const PROMOTION = /(?:サービス|製品|ソリューション)(?:の)?(?:ご案内|ご紹介)|セミナー|フォーラム|カンファレンス|シンポジウム|勉強会|講演|参加レポート|参加報告|開催|提供開始|発売|(?<!プレス|ニュース|報道)リリース|キャンペーン|寄付|寄附|寄贈|受賞|認証取得|(?<!窓口|ダイヤル|コールセンター|センター)開設|新製品|募集|リニューアル|決算(?![^、。]{0,10}(?:延期|遅延|遅れ))|人事異動|組織変更|(?<!伴う|による|に関する)営業について|研修(?:会)?を(?:開|開催|実施|行)/g;
const ADVICE = /注意喚起|をかたる|を騙る|かたる|を装[うっ]|ご注意|注意点|の呼びかけ|に関する注意/g;
// What to do if an incident happens (漏えいしたときの対応, 漏えい時の報告, カードを紛失したとき, 紛失・盗難について,
// 紛失されたお客様へ, 不正アクセス防止のためのお願い): the event words are a condition, so this outweighs them.
const HYPOTHETICAL = /(?:した|された|の)?(?:とき|時|場合)の(?:対応|報告|手順|備え)|(?:した|された|にあった|に遭った)(?:とき|場合)$|(?:した|された)(?:お客様|方)へ|紛失・盗難|盗難・紛失|(?<!再発)防止のため|に対する補償|補償(?:について|制度|の対象)/;
// ポイント as key points (3つのポイント, 対策のポイント), not a loyalty scheme's points (ポイントサービス, ポイントが不正に利用).
const TOPIC = /対策(?!本部)|(?:メール|対応|セキュリティ|サイバー|合同|実践)訓練(?!中)|演習(?!中)|導入事例|事例紹介|とは(?=$|[？?、\s]|何|なに)|入門|解説|まとめ|ダイジェスト|[Rr]ound-?up|[Rr]ecap\b|[Dd]igest\b|[Ww]eekly|対応手順|対処法|報告義務|義務化|特集|紹介(?!状)|\d+選|比較|使い方|(?:の|つの)ポイント(?![\u30a1-\u30fc]|\s*(?:が|を)?\s*(?:不正|使われ|使用|利用|残高|交換|失効))|ポイント(?:解説|まとめ)|の基本|手口|傾向|予告|パッチ|修正プログラム|アップデート|更新プログラム|脆弱性(?!を(?:突|つ|悪用|利用))/g;
// An organisation saying it is being impersonated reports phishing against its own name (or its staff's: 弊社社員を装う).
const SELF_IMPERSONATED = new RegExp(`(?:${SELF_REFERENCE_WORD})(?:の名前|の名称|名|の名|(?:の|および|及び)[^。、\\n]{0,12}|の?(?:従業員|社員|職員|役員|スタッフ|担当者|関係者))?を(?:装|かた|騙|名乗)`);
const REGULATOR = /(個人情報保護委員会|総務省|金融庁|経済産業省|厚生労働省|文部科学省|国土交通省|消費者庁|公正取引委員会|監督官庁|[都道府県]知事|教育委員会|財務局|厚生局|総合通信局|経済産業局|運輸局)(?:より|から|による|が|は)?[^。\n]{0,60}?(勧告|指導|命令|行政処分|処分|行政上の対応|立入検査|業務改善)|(?:に対する|への)(?:業務改善命令|業務停止命令|行政処分|勧告|行政指導)/;
const ADVISORY_BODY = /JPCERT|フィッシング対策協議会|フィッシング情報|IPA|情報処理推進機|JNSA|日本ネットワークセキュリティ協会|NISC|内閣サイバー|警察庁|NICT|情報通信研究機構|トレンドマイクロ|カスペルスキー|Microsoft|マイクロソフト|Google|Apple|Adobe|JC3|日本サイバー犯罪対策センター|消費者庁|国民生活センター|セキュリティ協議会|推進センター|対策会議/;

/** Every match of a global pattern in a text. */
function matches(re: RegExp, text: string, unless?: RegExp): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0] === "") re.lastIndex++;
    if (!unless?.test(text.slice(m.index + m[0].length, m.index + m[0].length + 6))) out.push(m[0]);
  }
  return out;
}

// The people of an event or an offer (セミナー参加者, キャンペーン応募者, 講演会申込者) or its papers (募集要項): a notice
// about their data is no promotion.
const ATTENDEES = /^(?:会)?(?:の)?(?:参加|申込|申し込|応募|受講|当選|登録|出席|来場|要項)/;

// What follows an incident word that is prevented, not reported: 「不正利用防止」, 「情報漏えいを防ぐ」, 「流出対策」
// (a recurrence prevented, 「…漏えいへの再発防止策」, reports the incident).
// So is a law or an insurance against it (不正アクセス禁止法, 個人情報漏えい保険), unless it was broken (禁止法違反).
const PREVENTED = /^[^、。\s「」とやへに]{0,2}(?:の)?(?:防止|対策|予防|禁止(?!法違反)|保険|補償|を(?:防|未然に))/;

/** How strongly a title (or, `narrative`, a lead sentence standing in for one) says an incident happened, and the words that decided it. */
export function titleScore(title: string, casebook = false, narrative = false): { score: number; event: string[]; theme: string[]; against: string[]; family: "publication" | "promotion" | "advice" | "topic" | null } {
  const event = [...new Set(matches(EVENT, title, PREVENTED))];
  const theme = [...new Set(matches(THEME, title, PREVENTED))].filter((t) => !event.some((e) => e.includes(t)));
  // A sentence standing in for a title (a lead) that tells what happened names how-tos in passing
  // (「…の手口により」, 「対策を検討」); a title says what the post is. (An event it holds may still be
  // what a promotion is against: 「情報漏えいを防ごうと研修会を開いた」.)
  const told = narrative && event.length > 0;
  const publication = matches(PUBLICATION, title), promotion = matches(PROMOTION, title, ATTENDEES), topic = told ? [] : matches(TOPIC, title);
  const advice = [...new Set(matches(ADVICE, title).map((a) => a.replace(/^を/, "")))];
  const self = SELF_IMPERSONATED.test(title);
  const hypothetical = told ? null : HYPOTHETICAL.exec(title);
  if (hypothetical) topic.push(hypothetical[0]);
  let score = 3 * event.length + Math.min(theme.length, 2) - 3 * publication.length - 4 * promotion.length - (self ? 0 : 2 * advice.length) - 2 * topic.length - (hypothetical ? 3 * event.length : 0);
  if (self) score += 3;
  if (casebook) score += 2;
  const against = [...publication, ...promotion, ...(self ? [] : advice), ...topic];
  const family = promotion.length ? "promotion" : publication.length ? "publication" : advice.length && !self ? "advice" : topic.length ? "topic" : null;
  return { score, event, theme, against, family };
}

// A digest's title: a period's incidents gathered (2024年4月の情報漏えい・事故まとめ, 第23週ダイジェスト), or counted (…事案を3つ).
const DIGEST_TITLE = /(?:(?:19|20)\d{2}\s*年|\d{1,2}\s*月|第\s*\d{1,2}\s*週|上半期|下半期|今週|今月|先週|先月)[^。]{0,40}(?:まとめ|ダイジェスト)\s*(?:[(（][^)）]{1,30}[)）])?\s*$|(?:事案|事件|事故|事例|インシデント)を\s*\d{1,2}\s*(?:つ|件|選)/;
// The header lines of a quoted mail: a warning that shows what was received.
// A threat spreading everywhere: 世界的に拡大, 全国的に確認, 各地で相次ぐ.
const WIDESPREAD = /世界的|全国的|各地で|国内外で|相次いで|多発して|拡大して/;
const SELF_WORD = new RegExp(SELF_REFERENCE_WORD);

// Placeholders of a template or a masked sample: ○○○, ●●, ＊＊, ××, 20**年.
const PLACEHOLDER = /[○●◯×＊*△]{2,}/g;
const MODEL_LABEL = /^\s*[【\[［]\s*(?:文例|例文|記載例|記入例|テンプレート|ひな形|雛形|サンプル)\s*[】\]］]/;
const PLACEHOLDER_IN_TITLE = /[○●◯×＊*△]{2,}/;
// Markdown's strong emphasis (**株式会社X**) marks words, it masks none (a masked date's stars, **年**月**日, stand before its units).
const STRONG = /(?<![年月日時分件名円\d])\*\*(?![年月日時分件名円])(?=\S)([^*\n、。]{2,40}?)\*\*/g;
/** A text without Markdown's strong emphasis marks (read only where a text holds them). */
function unstrong(text: string): string {
  return text.includes("**") ? text.replace(STRONG, "$1") : text;
}
const OTHER_IMPERSONATED = /[」』\w]\s*(?:を|の名を)(?:かた|騙|装|名乗)/;
const SAMPLE_MAIL = /^\s*[・\-]?\s*(?:送信元|差出人|送信者|件名|From|Subject)\s*[:：]\s*\S.*$/m;

// Cues counted over a whole post: what disclosures say, and what other posts say.
const NOTICE_CUES = new RegExp(`[Ll]eaked|[Bb]reach|[Uu]nauthori[sz]ed|[Rr]ansomware|[Ii]nfected|[Pp]ersonal (?:data|information)|お詫び|漏えい|漏洩|流出|不正アクセス|不正(?:に)?ログイン|判明|個人情報|被害|${SELF_REFERENCE_WORD}|紛失|誤送信|乗っ取|感染|ランサムウェア|発覚|不正利用|盗難|委託先|二次被害|警察|個人情報保護委員会|再発防止|調査`, "g");
const TRAVEL_CUES = /搭乗|マイル|空港|フライト|機内|ラウンジ|ホテル|宿泊|チェックイン|旅行|観光|温泉|新幹線|座席|レストラン|朝食/g;
const CONFERENCE_CUES = /講演|セッション|基調|パネル|登壇|カンファレンス|シンポジウム|参加|アジェンダ|勉強会|聴講|振り返り/g;
const TOOL_CUES = /ツール|プラットフォーム|無料|機能|インテリジェンス|ダウンロード|インストール|API|ソリューション|サービスを提供|フレームワーク|ダッシュボード|統合/g;
// An explainer of attacks and defences: how scams work and what to do, not what happened to someone.
const EXPLAINER_CUES = /とは|手口|紹介します|ご紹介|注意点|ポイント|見分け方|防ぐ|対策として|導入し|強化を実施/g;
const BUSINESS_CUES = /クラウド|戦略|ビジネス|顧客体験|収益|イノベーション|DX|デジタル|パートナー|投資|市場|成長/g;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
}

/** Notice cues per thousand characters of a post body. */
export function noticeDensity(text: string): number {
  return (1000 * count(NOTICE_CUES, text)) / japaneseLength(text);
}

/**
 * A text's length in Japanese characters: English spends about four letters where Japanese spends one, so
 * Latin letters count a quarter (densities per thousand characters then mean the same in both).
 */
function japaneseLength(text: string): number {
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return Math.max(text.length - latin + latin / 4, 1);
}

/** The strongest family of non-incident cues in a text, with its density per thousand characters. */
export function otherTopic(text: string): { kind: NoticeKind; density: number; label: string } {
  const len = japaneseLength(text);
  const families: [NoticeKind, string, RegExp][] = [
    ["unrelated", "travel", TRAVEL_CUES],
    ["conference_notes", "conference", CONFERENCE_CUES],
    ["tool_intro", "tool introduction", TOOL_CUES],
    ["unrelated", "business", BUSINESS_CUES],
    ["advisory", "explainer", EXPLAINER_CUES],
  ];
  let best = { kind: "unrelated" as NoticeKind, density: 0, label: "no incident" };
  for (const [kind, label, re] of families) {
    const density = (1000 * count(re, text)) / len;
    if (density > best.density) best = { kind, density, label };
  }
  return best;
}

// A score of 1 or more needs an event word, a theme word or an organisation saying it is impersonated.
const MAY_SCORE = new RegExp(`${EVENT.source}|${THEME.source}|${SELF_IMPERSONATED.source}`);

// A date the body says the incident was announced on: 「7月18日に公表いたしました」, 「10月6日付でお知らせした」.
// Also by the earlier notice's title (「9月5日付「当社サーバーへの不正アクセスについて」にてお知らせいたしました」), or
// without its date (「先般お知らせいたしました」).
// Papers of an event or an offer, what a mail or a letter carried: 講習会の開催案内文書, セミナーのご案内メール, キャンペーンのチラシ.
const PROMOTION_SENT = /(?:開催|ご?案内|募集|申込み?|参加)(?:の)?(?:文書|通知|メール|チラシ|はがき|ハガキ|資料|書類|状)/;
// A later report's number in a title: 第2報, (第三報), 続報, 最終報 (not 第1報: the first report announces the incident itself).
const REPORT_NUMBER = /第\s*(?:[2-9２-９]|[二三四五六七八九])\s*報|続報|最終報/;
const ANNOUNCED_BEFORE = /(?:\d{1,2}\s*日(?:付け?)?(?:の)?\s*(?:「[^」\n]{1,80}」\s*)?(?:で|に|にて)|先般|先日|既に|すでに)\s*(?:お知らせ|公表|発表|ご報告|報告|公開|ご案内)(?:いた|致)?し(?:まし)?た/;

/** The first word of a text that speaks of an incident (an event, a theme or a regulator's action), or null. */
export function incidentCue(text: string): string | null {
  return MAY_SCORE.exec(text)?.[0] ?? REGULATOR.exec(text)?.[0] ?? null;
}

/** True when a title says something happened to an organisation. */
export function incidentTitle(title: string): boolean {
  return MAY_SCORE.test(title) && titleScore(title).score >= 1;
}

const KIND_OF_FAMILY: Record<string, NoticeKind> = { publication: "advisory", advice: "advisory", promotion: "unrelated", topic: "unrelated" };

// Lines above a lead that say nothing of it: a date or label line, a short numbered heading (a salutation is
// never taken for a post's first line: segment/index.ts passes it over).
const NOT_A_LEAD = /^(?:(?:[^\n。]{0,8}[:：]\s*[^\n。]{0,24}\d{1,2}\s*日[^\n。]{0,8}|\s*(?:\d{1,2}|[(（]\d{1,2}[)）]|[①-⑳])[.．、\s]\s*[^\n。、]{1,16})\s*(?:\n|$)\s*)+/;

/**
 * The lead of a post with no title of its own: its first sentence, without the titles it quotes (a
 * report 「…漏えい事故の発生状況」 or a seminar 「ランサムウェア対策」 is not an incident of the writer's).
 */
function leadOf(title: string, body: string): string {
  // A hard-wrapped first sentence runs on over its line breaks. Lines above the prose that say nothing
  // (a date or label line 「更新日:…」, a section heading 「1 事案の概要」) are passed over.
  const whole = (/^\s*\n/.test(body) ? title + body : `${title}\n${body}`).trimStart();
  const text = whole.replace(NOT_A_LEAD, "").slice(0, 300);
  // (A first sentence that only says what the body is, 「食品卸。」, leads to the one that tells what happened.)
  const sentence = /^[^。]{1,15}。[^。]+。?|^[^。]+。?/.exec(text)?.[0] ?? "";
  const paragraph = sentence.split(/\n\s*\n/)[0]!;
  return paragraph.replace(/\n/g, "").replace(/「[^」]*」|『[^』]*』/g, "「」");
}

// An apology (お詫び) says only that something went wrong: a delay, a misprint, a recall as well as an incident.
const APOLOGY = /^(?:お詫び|おわび)$/;
// What says nothing of an incident on its own in a body, besides the apology itself: a mistake of any kind.
const NOT_TOLD = /^(?:誤って|誤った.*)$/;
/**
 * True when a body tells of an incident in its first paragraphs: an event it does not deny, a way incidents
 * happen (the incident types' phrases) or people's data (氏名, 個人情報).
 */
function toldIncident(body: string): boolean {
  const head = body.slice(0, 1500);
  if (INCIDENT_TYPE_PHRASES.some(([, re]) => re.test(head)) || DATA_TYPE_PHRASES.some(([, re]) => re.test(head)) || PERSONAL_DATA_WHOLE.test(head)) return true;
  EVENT.lastIndex = 0;
  for (let m = EVENT.exec(head); m; m = EVENT.exec(head)) {
    if (m[0] === "") { EVENT.lastIndex++; continue; }
    if (!NOT_TOLD.test(m[0]) && !APOLOGY.test(m[0]) && !negated(head, m.index, m.index + m[0].length)) return true;
  }
  return false;
}

// Another's incident as it touches the writer (…事案に関する当社への影響について), and a body saying it did not.
const SELF_EFFECT = new RegExp(`(?:${SELF_REFERENCE_WORD})(?:へ|に対する|における)の?影響`);
const NO_EFFECT = /影響(?:は|も)(?:ない|なく|ありません|ございません)|影響がない|被害は(?:ない|ありません|ございません|確認されて(?:い|お)りません)|(?:流出|漏えい|漏洩)(?:は|も)(?:ない|なく|ありません|ございません|確認されて(?:い|お)りません)/;

/** Decide whether a post is an incident disclosure and what kind of post it is. */
export function classify(title: string, body: string, ctx: PostContext): Verdict {
  const titled = ctx.titled ?? true;
  // (A board of education as the subject of a body's instruction, 「市教育委員会では、全ての市立学校に対し…指導する」, takes a
  // measure over its own schools: no regulator acts on the writer.)
  const inBody = ctx.casebook || ctx.listing ? null : REGULATOR.exec(body.slice(0, 600));
  const regulator = REGULATOR.exec(title) ?? (inBody && !(inBody[1] === "教育委員会" && /^(?:で)?は/.test(inBody[0].slice(inBody[1].length))) ? inBody : null);
  if (regulator) {
    return { isIncident: true, kind: "regulator_action", reason: `regulator action: ${regulator[0].slice(0, 40)}` };
  }
  // Without a title, the lead says what the post is about.
  const heading = titled ? title : leadOf(title, body);
  const t = titleScore(heading, ctx.casebook, !titled);
  const publisher = title.includes("/") ? title.slice(title.lastIndexOf("/") + 1) : "";
  if (ADVISORY_BODY.test(publisher) && t.event.length === 0) {
    return { isIncident: false, kind: "advisory", reason: `published by an advisory body: ${publisher}` };
  }
  const incidentKind: NoticeKind = ctx.listing ? "news_entry" : "incident_notice";
  const lead = titled ? "title" : "lead";
  const words = [...t.event, ...t.theme].join(", ");
  // A casebook files incidents, a notice that numbers its cases reports each of them, and a table of incidents lists them.
  if ((ctx.casebook || ctx.numberedCase || ctx.tableRow) && t.family !== "promotion") {
    const why = ctx.casebook ? `casebook heading${words ? `: ${words}` : ""}` : ctx.tableRow ? "row of a table of incidents" : "numbered case of an incident notice";
    return { isIncident: true, kind: incidentKind, reason: why };
  }
  // A template (「弊社が運営する○○○への不正アクセス」) shows how to write a notice; it reports nothing.
  const placeholders = unstrong(`${title}\n${body}`).match(PLACEHOLDER)?.length ?? 0;
  if (placeholders >= 6 || PLACEHOLDER_IN_TITLE.test(unstrong(title))) return { isIncident: false, kind: "unrelated", reason: `template with placeholders (${placeholders})` };
  // A title labelled as a model (【文例】, 【記載例】, 【テンプレート】) shows how to write a notice too.
  const model = MODEL_LABEL.exec(title);
  if (model) return { isIncident: false, kind: "unrelated", reason: `template: ${model[0]}` };
  const impersonated = SELF_IMPERSONATED.exec(heading) ?? SELF_IMPERSONATED.exec(body.slice(0, 800));
  if (impersonated) return { isIncident: true, kind: incidentKind, reason: `the organisation reports being impersonated: ${impersonated[0]}` };
  // A warning that quotes the mails actually received (sender, subject) reports a phishing run against the
  // writer, unless it names the third party the mails pretend to be (an advisory about someone else).
  const sample = t.family === "advice" && !ctx.listing && !OTHER_IMPERSONATED.test(heading) ? SAMPLE_MAIL.exec(body) : null;
  if (sample) return { isIncident: true, kind: incidentKind, reason: `warning quoting a mail that was sent: ${sample[0].trim()}` };
  // A warning about a threat spreading everywhere, naming no one it happened to (not even the writer, 弊社においても…), reports no incident.
  if (!titled && WIDESPREAD.test(heading) && !SELF_WORD.test(`${title}${body.slice(0, 300)}`) && subjectOf(heading, 200, false) === null) {
    return { isIncident: false, kind: "advisory", reason: `warning about a widespread threat: ${WIDESPREAD.exec(heading)![0]}` };
  }
  // A digest of a period's incidents (or of a few, counted) that names no one in its title gathers others' incidents: each is a post of its own.
  if (titled && DIGEST_TITLE.test(title) && subjectOf(title, 80, false) === null) {
    return { isIncident: false, kind: "unrelated", reason: `digest of incidents: ${DIGEST_TITLE.exec(title)![0].trim()}` };
  }
  // Another's incident that, the body says, left the writer unharmed is no incident of the writer's.
  const unharmed = SELF_EFFECT.test(title) ? NO_EFFECT.exec(body.slice(0, 800)) : null;
  if (unharmed) return { isIncident: false, kind: "advisory", reason: `another's incident that left the writer unharmed: ${unharmed[0]}` };
  // An apology and nothing else in the title is an incident's only when the body tells one.
  if (t.event.length > 0 && t.event.every((w) => APOLOGY.test(w)) && t.theme.length === 0 && !toldIncident(`${title}\n${body}`)) {
    return { isIncident: false, kind: "unrelated", reason: `apology with no incident in the body: ${t.event.join(", ")}` };
  }
  const body1k = noticeDensity(body);
  const topic = otherTopic(body);
  if (t.score >= 2) return { isIncident: true, kind: incidentKind, reason: `incident wording in ${lead}: ${words}` };
  // A lead that tells an event names what it was about, seminars included (「講習会の開催案内文書を…誤って「To」で送信したもの」).
  if (!titled && t.event.length > 0 && t.family === "promotion" && PROMOTION_SENT.test(heading) && body1k >= 4) {
    return { isIncident: true, kind: incidentKind, reason: `${words} in lead and notice wording in body (${t.against.join(", ")}: what the event was about)` };
  }
  // (A short item's body may tell what happened in few words a notice uses: 「データが暗号化されていることを確認」.)
  if (t.score === 1 && (t.family === null || t.family === "advice") && (body1k >= 4 || ctx.listing || (t.family === null && body.trim().length <= 300 && toldIncident(body)))) {
    return { isIncident: true, kind: incidentKind, reason: `${words} in ${lead}${ctx.listing ? "" : " and notice wording in body"}` };
  }
  // An organisation's report of its investigation of an incident it announced on a date before
  // (「…への不正アクセスに関する調査結果のご報告」 over 「7月18日に公表いたしました…」): a follow-up, not a study.
  // A title that numbers its report (…のご報告(第3報), 続報, 最終報) follows one before it too.
  const earlier = t.family === "publication" && t.event.length + t.theme.length > 0 ? ANNOUNCED_BEFORE.exec(body.slice(0, 800)) ?? REPORT_NUMBER.exec(title) : null;
  if (earlier) return { isIncident: true, kind: incidentKind, reason: `follow-up on an incident announced before: ${words}; ${earlier[0]}` };
  // The organisation's own report on its incident (…被害に関する調査報告書): it speaks of itself, in a notice's words.
  const own = t.family === "publication" && t.event.length + t.theme.length > 0 && body1k >= 8 ? selfReferencesIn(body.slice(0, 1500)) : [];
  if (own.length >= 2) return { isIncident: true, kind: incidentKind, reason: `the organisation's own report on its incident: ${words}; ${own[0]!.text}` };
  if (t.against.length > 0) {
    return { isIncident: false, kind: KIND_OF_FAMILY[t.family!] ?? "unrelated", reason: `${t.family} wording in ${lead}: ${t.against.join(", ")}` };
  }
  if (t.score === 0 && body.length >= 200 && body1k >= 8 && topic.density < body1k / 2) {
    return { isIncident: true, kind: incidentKind, reason: `notice wording (${body1k.toFixed(1)} cues per 1,000 characters)` };
  }
  if (ctx.listing) return { isIncident: false, kind: "news_entry", reason: "news entry without incident wording" };
  return {
    isIncident: false,
    kind: topic.density > 0 ? topic.kind : "unrelated",
    reason: topic.density > 0 ? `${topic.label} post (${topic.density.toFixed(1)} cues per 1,000 characters)` : "no incident wording",
  };
}
