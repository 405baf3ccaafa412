import type { Rule } from "../context.js";
import { hits } from "../scan.js";

/** Responses a notice reports, by label. */
const RESPONSES: readonly (readonly [string, RegExp])[] = [
  ["network_isolation", /ネットワーク(?:から|を)?(?:の)?(?:遮断|切断|隔離)|(?:遮断|隔離)(?:措置|し)|インターネット接続を停止|LANケーブルを抜/],
  ["service_suspension", /(?:サイト|サービス|システム|サーバー?|決済|カード決済|運用|業務)(?:を|の)?(?:一時)?(?:停止|閉鎖|休止|中止)|閉鎖しました|停止いたしました/],
  ["password_reset", /パスワード(?:を|の)?(?:変更|リセット|再設定|初期化)/],
  ["account_suspension", /アカウント(?:を|の)?(?:停止|凍結|削除|無効化|ロック)/],
  ["forensic_investigation", /フォレンジック|第三者(?:調査)?機関|外部(?:の)?専門(?:機関|企業|事業者|家)|調査会社|セキュリティ(?:専門)?(?:会社|企業)(?:に|へ)/],
  ["notification", /個別に(?:ご)?連絡|個別の(?:ご)?(?:通知|連絡)|お詫びとお知らせ(?:を|の)(?:送付|送信)|(?:メール|郵送|書面)(?:にて|で)(?:ご連絡|通知|お知らせ)|順次(?:ご)?連絡/],
  ["authority_report", /(?:個人情報保護委員会|警察|警察署|監督官庁)(?:に|へ|への)(?:報告|相談|通報|届出|被害申告)/],
  ["card_monitoring", /カード会社と連携|モニタリング|不正利用(?:の)?(?:防止|監視)/],
  ["recovery", /復旧(?:しました|いたしました|作業|対応)|再開(?:しました|いたしました)|新たなサーバ|移行し/],
  ["contact_desk", /(?:専用)?(?:お問い合わせ|問合せ)窓口(?:を)?(?:設置|開設)|コールセンター(?:を)?(?:設置|開設)/],
  ["takedown_request", /(?:削除|停止)を(?:申請|依頼|要請)|テイクダウン/],
];

/** What the organisation did in response (isolation, suspension, resets, investigation…). */
export const responseRule: Rule<"response"> = {
  field: "response",
  heuristics: RESPONSES.map(([label]) => `response/${label}`),
  run(ctx) {
    return RESPONSES.flatMap(([label, re]) => {
      const h = hits(re, ctx.reading, ctx.titleEnd)[0];
      return h ? [ctx.find("response", label, h.start, h.end, 0.65, `response/${label}`)] : [];
    });
  },
};
