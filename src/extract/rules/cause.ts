import type { CauseCategory } from "../../core/types.js";
import type { Rule } from "../context.js";

/** Cause categories and the words that show them, most specific first. */
const CATEGORIES: readonly (readonly [CauseCategory, RegExp])[] = [
  ["vulnerability", /脆弱性|セキュリティホール|パッチ(?:未適用|が適用されて)|サポート(?:が)?終了/],
  ["misconfiguration", /設定(?:に|の)?(?:不備|ミス|誤り)|設定を誤|誤設定|公開設定|アクセス制限|認証なし|キャッシュ/],
  ["credential", /パスワード(?:が)?(?:破られ|推測|使い回|流出)|ブルートフォース|総当たり|リスト型|認証情報(?:が|の)?(?:窃取|漏えい|流出)|ID・パスワード/],
  ["phishing", /フィッシング|偽サイト|不審なメール(?:の)?(?:添付|リンク)/],
  ["malware", /ランサムウェア|マルウ[ェエ]ア|ウ[イィ]ルス(?!対策)|Emotet/],
  ["insider", /従業員|社員|職員|派遣社員|受託社員|元従業員|内部不正/],
  ["vendor", /委託先|再委託|業務委託|外部業者|ベンダー|システム業者|保守業者/],
  ["loss", /紛失|置き忘れ|所在不明/],
  ["theft", /盗難|窃盗|盗まれ/],
  ["human_error", /誤送信|誤送付|誤って|確認不足|人為的|誤操作|ミス/],
  ["hardware", /故障|ファームウェア|ハードウェア|ストレージ/],
];
const CAUSE_SENTENCE = /原因|起因|ため(?:です|でした|と考え|と推測)|によるもの(?!では)|ことが要因|要因は/;
// A sentence that names the cause only to say it is being looked into.
const NOT_STATED = /^[(（]?原因[)）]?$|原因と|原因の|原因究明|原因調査|原因(?:や|など|等)|原因を(?:調査|確認|究明|特定)(?:中|して(?:おり|い|まいり))|原因(?:は|について(?:は)?)[^。]{0,12}(?:調査中|調査して|確認中|確認して)/;
// 〜を契機に mostly tells what led to finding the incident: its sentence is the cause only when it names one.
const TRIGGER = /契機/;

/** The stated cause: the notice's own words and a category. */
export const causeRule: Rule<"cause"> = {
  field: "cause",
  heuristics: ["cause/stated"],
  run(ctx) {
    const body = ctx.sentences.filter((s) => s.end > ctx.titleEnd);
    const categoryOf = (text: string) => CATEGORIES.find(([, re]) => re.test(text))?.[0] ?? "unknown";
    const stated = body.filter((s) => s.text.length >= 8 && !NOT_STATED.test(s.text) && (CAUSE_SENTENCE.test(s.text) || (TRIGGER.test(s.text) && categoryOf(s.text) !== "unknown")));
    // "(原因)" or "【原因】" headings: the cause is the next sentence.
    const headed = body.findIndex((s) => /^[【(（■□●・\d.．\s]*原因[】)）]?\s*(?:と(?:対策|再発防止))?[】)）]?$/.test(s.text));
    const pick = headed >= 0 && body[headed + 1] ? body[headed + 1]! : stated[0];
    if (!pick) return [];
    const category = categoryOf(pick.text);
    const text = pick.text.replace(/^[・\s]+/, "");
    return [ctx.find("cause", category, pick.end - text.length, pick.end, 0.6, "cause/stated")];
  },
};
