import type { IncidentType } from "../../core/types.js";
import type { Evidence, FindOptions, NoticeText } from "./evidence.js";
import { makeTag, quote, type Label, type Tag } from "./tag.js";

/** The three basics of security, as lessons an incident teaches (values as in the gold `basics_violated`). */
export const BASICS = ["close_what_you_open", "clean_up_what_you_use", "manage_what_you_run"] as const;
/** One basic. */
export type Basic = (typeof BASICS)[number];

/** Labels and scope of each basic. */
export const BASIC_INFO: Readonly<Record<Basic, { label: Label; scope: string }>> = {
  close_what_you_open: {
    label: { ja: "開けたら閉める", en: "Close what you open" },
    scope: "ports, remote access and servers left reachable: exposed RDP/VPN, unauthenticated access, public settings, forgotten test servers",
  },
  clean_up_what_you_use: {
    label: { ja: "使ったら片付ける", en: "Clean up what you use" },
    scope: "accounts, credentials, media and data not put away: weak or reused passwords, leftover accounts, lost or unwiped media, data left on PCs",
  },
  manage_what_you_run: {
    label: { ja: "動かすなら管理する", en: "Manage what you run" },
    scope: "services run without management: unpatched vulnerabilities, misconfigured software, no antivirus, unsupervised contractors",
  },
};

/** Words that show a basic was broken, and why that is the lesson. */
interface Cue {
  basic: Basic;
  re: RegExp;
  why: string;
  confidence: number;
  /** Only for incidents of these types. */
  types?: readonly IncidentType[];
  options?: FindOptions;
}

// Media and paper: their management is cleaning up, not running a service.
const MEDIA = /USB|記録媒体|記憶媒体|媒体|メモリ|書類|ハードディスク|HDD/;
const DEVICE = "(?:USBメモリ|USB|SDカード|記録媒体|記憶媒体|外付け|HDD|ハードディスク|DVD|CD|ノートパソコン|パソコン|PC|スマートフォン|携帯電話|タブレット|書類|資料|名簿|台帳|鞄|かばん)";

/** Cues in order of preference within each basic: the first that finds words gives the tag. */
const CUES: readonly Cue[] = [
  // 開けたら閉める: a door left open to the outside.
  { basic: "close_what_you_open", confidence: 0.85, why: "access from outside was possible without authentication",
    re: /認証(?:なし|なく|を経ず)(?:で|に)?[^。\n]{0,40}(?:接続|アクセス|ログイン|閲覧)(?:が)?(?:可能|でき)/ },
  { basic: "close_what_you_open", confidence: 0.8, why: "a remote-access port or line was left open to the internet",
    re: /(?:リモートデスクトップ|RDP|VPN|SSH|Telnet|ポート|保守(?:用)?(?:回線|接続))[^。\n]{0,30}(?:開放|(?:外部|インターネット)(?:から|に|上に)[^。\n]{0,10}(?:接続|アクセス|公開)(?:が)?(?:可能|でき|され))/ },
  { basic: "close_what_you_open", confidence: 0.8, why: "a test or old server was left running and reachable",
    re: /(?:テスト|検証|開発|評価|旧)(?:用の?)?(?:サーバー?|環境|サイト|システム)(?:(?!テスト|検証|開発)[^。\n]){0,40}?(?:稼働(?:させ|し|中)|公開(?:され|して)|放置|残(?:って|存|され))/ },
  { basic: "close_what_you_open", confidence: 0.75, why: "an unused port, server or service was left open",
    re: /(?:不要|未使用|使用(?:して)?いない|利用(?:して)?いない)(?:な|の)?(?:ポート|サーバー?|サービス|機器|通信経路)[^。\n]{0,20}(?:開放|公開|放置|稼働|残)/ },
  { basic: "close_what_you_open", confidence: 0.75, why: "data were set public or open to anyone",
    re: /(?<!非)公開設定(?:に|と|の)?(?:なって|されて|のまま)|誰でも(?:閲覧|アクセス|ダウンロード)(?:でき|可能)|アクセス制限(?:が|を)?(?:かけ|設定|実施)?(?:され|して|られ)?(?:い)?(?:なかった|ておらず|ない状態)/ },
  { basic: "close_what_you_open", confidence: 0.75, why: "a sharing or access-permission setting left data open",
    re: /(?:閲覧|アクセス|共有|公開)(?:権限|範囲|設定)[^。\n]{0,20}(?:誤|不備|ミス|全員|誰でも|外部から|公開)|(?:リンクを知っている全員|全員が閲覧|外部から(?:の)?閲覧(?:が)?可能)/ },
  { basic: "close_what_you_open", confidence: 0.7, why: "a system was reachable from outside",
    re: /外部から(?:の)?(?:接続|アクセス)(?:が)?可能(?:な|という)?(?:状態|設定)/ },

  // 使ったら片付ける: credentials, accounts, media and data not put away.
  { basic: "clean_up_what_you_use", confidence: 0.8, why: "a password was weak, reused or cracked",
    re: /パスワード(?:が|を)?(?:破られ|推測され|類推され|解析され|初期(?:設定|値)のまま)|(?:推測|類推)(?:され)?(?:やす|が容易)[^。\n]{0,5}パスワード|(?:脆弱|簡易|単純)な(?:パスワード|ID)|パスワード(?:が|は)?(?:単純|簡易|脆弱)|ブルートフォース|総当たり|辞書攻撃|(?:共用|共有)(?:して|の)?(?:いた)?(?:管理者)?(?:アカウント|ID|パスワード)|(?:管理者|職員|従業員|社員)[^。\n]{0,15}(?:ID|パスワード|認証情報)[^。\n]{0,10}(?:使い回|共用|流用)/ },
  { basic: "clean_up_what_you_use", confidence: 0.8, why: "an account no longer needed was left enabled",
    re: /(?:退職者|異動者|元従業員|元社員|不要(?:な|となった)|未使用の|使用(?:して)?いない|利用(?:して)?いない)[^。\n]{0,10}アカウント|アカウント[^。\n]{0,15}(?:削除|無効化|停止)(?:されて|して)?(?:い)?(?:なかった|おらず|せず|されず)/ },
  { basic: "clean_up_what_you_use", confidence: 0.8, why: "media were not wiped before disposal",
    re: /(?:消去|初期化|破壊|破砕)(?:証明)?[^。\n]{0,10}(?:受領|確認|実施)?(?:して|されて)?(?:い)?(?:なかった|おらず|ず)|廃棄(?:処分)?(?:する|すべき|するべき|予定の?)[^。\n]{0,10}(?:ハードディスク|HDD|記録媒体|記憶媒体|パソコン|PC|サーバー?)/ },
  { basic: "clean_up_what_you_use", confidence: 0.8, why: "media or documents holding data were lost", types: ["loss"],
    re: new RegExp(`${DEVICE}[^。\\n]{0,12}(?:紛失|置き忘れ|所在不明|誤廃棄)|紛失|置き忘れ|所在不明`) },
  { basic: "clean_up_what_you_use", confidence: 0.75, why: "data were left on a PC or system after use",
    re: /(?:データ|個人情報|ファイル|ツール)[^。\n]{0,20}(?:を|が)?(?:削除(?:して|されて)?(?:い)?(?:なかった|おらず)|削除せず|削除されず|残(?:って|して|されて)(?:い|お)(?:た|り)|残存|放置)/ },
  { basic: "clean_up_what_you_use", confidence: 0.7, why: "personal data were kept on a private or old device",
    re: /私用(?:の)?(?:パソコン|PC|端末|スマートフォン)[^。\n]{0,30}(?:個人情報|データ)|過去[^。\n]{0,60}(?:個人情報|データ|ファイル)(?:が|も)?(?:含まれ|保存され|残って|残存)/ },

  // 動かすなら管理する: services run without management.
  { basic: "manage_what_you_run", confidence: 0.85, why: "a known vulnerability was left open to exploitation",
    re: /脆弱性(?:を|が)(?:突|つ|悪用|利用|攻撃)|脆弱性を狙|脆弱性に対する攻撃|脆弱性が(?:あった|存在|残)/ },
  { basic: "manage_what_you_run", confidence: 0.85, why: "patches or updates were not applied",
    re: /(?:パッチ|修正プログラム|セキュリティ更新|アップデート|バージョンアップ)[^。\n]{0,10}(?:未適用|適用(?:されて|して)?(?:い)?(?:なかった|おらず|ず)|(?:されて|して)(?:い)?なかった)|サポート(?:期限)?(?:が)?(?:終了|切れ)した|古いバージョン/ },
  { basic: "manage_what_you_run", confidence: 0.8, why: "software was misconfigured",
    re: /設定(?:に|の)?(?:不備|ミス|誤り)|設定を誤|誤った設定|誤設定|(?:プラグイン|キャッシュ)[^。\n]{0,20}設定(?:と|に)?なって/ },
  { basic: "manage_what_you_run", confidence: 0.8, why: "no antivirus or security software was running",
    re: /(?:ウ[イィ]ルス対策|マルウェア対策|セキュリティ対策|アンチウ[イィ]ルス|EDR)(?:ソフト(?:ウェア|ウエア)?|製品)?[^。\n]{0,8}(?:が|を)?(?:導入|設定|インストール|稼働|更新)(?:されて|して)?(?:い)?(?:なかった|おらず|ない状態)/ },
  { basic: "manage_what_you_run", confidence: 0.75, why: "a contractor's work was not supervised",
    re: /(?:委託先|再委託先?)の?(?:監督|管理)(?:の|が)?(?:不備|不十分)|(?:委託先|再委託)[^。\n]{0,120}(?:不備|不十分|課題があ|把握(?:して)?(?:おらず|いなかった))/ },
  { basic: "manage_what_you_run", confidence: 0.7, why: "staff could take or look at data without control", types: ["insider"],
    re: /持ち出|不正に(?:取得|閲覧|複製)|目的外|業務上の必要(?:が|も)?ない|無断で|転売|売却|私用|個人アカウント/ },
  { basic: "manage_what_you_run", confidence: 0.75, why: "real customer data were put on a test system",
    re: /(?:テスト|検証|開発)(?:用の?)?(?:サーバー?|環境)[^。\n]{0,10}(?:に|へ)[^。\n]{0,10}(?:お客様|顧客|本番|個人|実|会員)[^。\n]{0,6}?(?:情報|データ)[^。\n]{0,5}(?:を)?(?:投入|使用|利用|コピー|移行|格納)/ },
  { basic: "manage_what_you_run", confidence: 0.65, why: "operations were not managed or monitored",
    options: { unlessClause: MEDIA },
    re: /(?:管理|監視|監査|点検)(?:体制)?(?:が|の|を)?(?:不備|不十分|不足|(?:行われて|されて|して|実施(?:されて|して)?)(?:い)?(?:なかった|おらず))/ },
];

/** The first cue of a basic that finds words in the notice. */
function firstCue(nt: NoticeText, basic: Basic): { cue: Cue; ev: Evidence } | null {
  for (const cue of CUES) {
    if (cue.basic !== basic || (cue.types && !nt.has(...cue.types))) continue;
    const ev = nt.find(cue.re, cue.options);
    if (ev) return { cue, ev };
  }
  return null;
}

/** Basics tags: each basic the notice shows was broken, with the words that show it. */
export function basicsTags(nt: NoticeText): Tag[] {
  const out: Tag[] = [];
  for (const basic of BASICS) {
    const hit = firstCue(nt, basic);
    if (hit) out.push(makeTag("basics", basic, BASIC_INFO[basic].label, `${hit.cue.why} ${quote(hit.ev.text)}`, hit.cue.confidence, hit.ev.span));
  }
  return out;
}
