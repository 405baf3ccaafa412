import { test } from "node:test";
import assert from "node:assert/strict";
import { TSR_CAUSE_LABELS, TSR_CAUSES, TSR_MEDIA, TSR_MEDIUM_LABELS, tsrCauseTag, tsrMediumTag } from "./tsr.js";
import { inputOf, noticeOf, wordsOf } from "./testkit.js";

/** The cause and medium tags of a fictional notice, with the words each spans. */
function tsr(text: string) {
  const input = inputOf(text);
  const nt = noticeOf(text);
  const cause = tsrCauseTag(nt);
  const medium = tsrMediumTag(nt);
  return { cause: cause.value, causeWords: wordsOf(input, cause), medium: medium.value, mediumWords: wordsOf(input, medium), causeReason: cause.reason };
}

test("every cause and medium has labels, the Japanese one in the tally's words", () => {
  for (const c of TSR_CAUSES) assert.equal(TSR_CAUSE_LABELS[c].ja, c);
  for (const m of TSR_MEDIA) assert.equal(TSR_MEDIUM_LABELS[m].ja, m);
});

test("ransomware on a server: virus infection / unauthorized access, internal system", () => {
  const r = tsr("当社サーバーへのランサムウェア攻撃について\n当社のファイルサーバーが不正アクセスを受け、保存していたファイルが暗号化されました。\n");
  assert.equal(r.cause, "ウイルス感染・不正アクセス");
  assert.equal(r.causeWords, "ランサムウェア");
  assert.equal(r.medium, "社内システム・サーバー");
  assert.equal(r.mediumWords, "サーバー");
});

test("a lost USB stick: loss, storage media (full-width words keep their source span)", () => {
  const r = tsr("ＵＳＢメモリ紛失に関するお詫び\n当社営業所において、会員の氏名と電話番号を保存したＵＳＢメモリ1本を紛失したことが判明しました。\n");
  assert.equal(r.cause, "紛失・誤廃棄");
  assert.equal(r.medium, "USB等記録媒体");
  assert.equal(r.mediumWords, "ＵＳＢメモリ");
});

test("a misdirected fax: wrong display / misdelivery, paper", () => {
  const r = tsr("FAX誤送信についてのお詫び\n当院職員が、患者様の診療情報を記載した書類を誤って別の医療機関へFAXで送信しました。\n");
  assert.equal(r.cause, "誤表示・誤送信");
  assert.equal(r.causeWords, "誤送信");
  assert.equal(r.medium, "書類");
});

test("a misconfiguration that showed data to others counts as wrong display", () => {
  const r = tsr("お問い合わせフォームにおける個人情報の誤表示について\n当社ウェブサイトのお問い合わせフォームで、他のお客様が入力した氏名が表示される状態となっていました。\n原因はキャッシュ機能の設定に不備があったことです。\n");
  assert.equal(r.cause, "誤表示・誤送信");
  assert.equal(r.medium, "社内システム・サーバー");
});

test("an insider upload: unauthorized removal, from the PC the data came from", () => {
  const r = tsr("元従業員による顧客情報の持ち出しについて\n当社の元従業員が、在職中に業務用パソコンから顧客名簿のデータを個人契約のクラウドストレージへ無断でアップロードしていたことが判明しました。\n");
  assert.equal(r.cause, "不正持ち出し・盗難");
  assert.equal(r.medium, "パソコン・携帯端末");
  assert.equal(r.mediumWords, "パソコン");
});

test("the cause the title names dominates, and the reason says what it was chosen over", () => {
  const r = tsr("社用ノートパソコンの盗難について\n社員が車上荒らしに遭い、社用ノートパソコンを盗まれました。\n翌日、当該パソコンに保存されていたメールアカウントへの不正ログインが確認されました。\n");
  assert.equal(r.cause, "不正持ち出し・盗難");
  assert.match(r.causeReason, /chosen over Virus infection/);
  assert.equal(r.medium, "パソコン・携帯端末");
});

test("exactly one cause and one medium even when nothing is stated", () => {
  const r = tsr("個人情報に関するお知らせ\n詳細は調査中です。\n");
  assert.equal(r.cause, "その他");
  assert.equal(r.medium, "その他");
  assert.equal(r.causeWords, "");
});
