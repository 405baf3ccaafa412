import { test } from "node:test";
import assert from "node:assert/strict";
import { attackTags, TECHNIQUES } from "./attack.js";
import { inputOf, noticeOf } from "./testkit.js";

/** ATT&CK tags of a fictional notice as id → the words each spans. */
function attack(text: string): Map<string, string> {
  const input = inputOf(text);
  const tags = attackTags(noticeOf(text));
  for (const t of tags) assert.ok(t.span, `${t.value} has no span`);
  return new Map(tags.map((t) => [t.value, input.source.slice(t.span![0], t.span![1])]));
}

test("the technique table holds well-formed, unique IDs with names", () => {
  const ids = Object.values(TECHNIQUES).map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const [key, t] of Object.entries(TECHNIQUES)) {
    assert.match(t.id, /^T\d{4}(?:\.\d{3})?$/);
    assert.equal(key, t.id.replace(".", "_"));
    assert.ok(t.name && t.ja);
    assert.equal(t.id.includes("."), t.name.includes(": "), `${t.id}: a sub-technique is named "Parent: Sub"`);
  }
  assert.equal(TECHNIQUES.T1486.name, "Data Encrypted for Impact");
  assert.equal(TECHNIQUES.T1190.name, "Exploit Public-Facing Application");
  assert.equal(TECHNIQUES.T1110_004.name, "Brute Force: Credential Stuffing");
});

test("ransomware through a VPN vulnerability: encryption, exploit and remote service, each with its words", () => {
  const got = attack("当社サーバーへのランサムウェア攻撃について\n当社のファイルサーバーが第三者による不正アクセスを受け、保存していたファイルが暗号化されました。\n調査の結果、VPN機器の脆弱性を突かれて侵入されたことが判明しました。\n不審なメールの添付ファイルは開かないようご注意ください。\n");
  assert.equal(got.get("T1486"), "ファイルが暗号化され");
  assert.equal(got.get("T1190"), "脆弱性を突");
  assert.equal(got.get("T1133"), "VPN");
  assert.equal(got.has("T1566.001"), false, "advice to readers is not evidence");
  assert.equal(got.has("T1566"), false);
});

test("a phishing link replaces the parent technique; a hijacked account is a valid account", () => {
  const got = attack("当社を装ったフィッシングメールについて\n当社のメールアカウントが乗っ取られ、お客様に対し偽サイトへ誘導するリンクを記載したフィッシングメールが送信されました。\n");
  assert.equal(got.get("T1566.002"), "偽サイトへ誘導");
  assert.equal(got.has("T1566"), false);
  assert.equal(got.get("T1078"), "乗っ取");
});

test("brute force and credential stuffing map to their sub-techniques", () => {
  assert.equal(attack("ウェブサーバーへの不正アクセスについて\n総当たり攻撃により管理用アカウントのパスワードが破られ、第三者にログインされました。\n").get("T1110.001"), "総当たり");
  const stuffing = attack("会員サイトへの不正ログインについて\n他社サービスから流出したIDとパスワードを使ったリスト型攻撃により、会員アカウントへの不正ログインが確認されました。\n");
  assert.equal(stuffing.get("T1110.004"), "リスト型");
  assert.equal(stuffing.get("T1078"), "不正ログイン");
});

test("an insider upload to cloud storage is exfiltration to cloud storage", () => {
  const got = attack("元従業員による顧客情報の持ち出しについて\n当社の元従業員が、業務用パソコンから顧客名簿のデータを個人契約のクラウドストレージへ無断でアップロードしていたことが判明しました。\n");
  assert.equal(got.get("T1567.002"), "クラウドストレージへ無断でアップロード");
  assert.equal(got.has("T1567"), false);
});

test("DDoS, defacement, support scams and web skimming", () => {
  assert.equal(attack("ホームページの閲覧障害について\n当市のホームページがDDoS攻撃を受け、閲覧しにくい状態となりました。\n").get("T1498"), "DDoS");
  assert.equal(attack("ホームページ改ざんのお知らせ\n当協会のホームページが第三者により改ざんされました。\n").get("T1491.002"), "ホームページ改ざん");
  assert.equal(attack("職員の私用パソコンにおけるサポート詐欺被害について\n偽の警告画面に表示された番号に電話をかけ、指示に従って遠隔操作ソフトをインストールしました。\n").get("T1219"), "遠隔操作ソフト");
  const shop = attack("オンラインショップへの不正アクセスについて\n通販サイトのシステムの脆弱性を突いた不正アクセスにより決済画面が改ざんされ、カード情報が漏えいした可能性があります。\n");
  assert.equal(shop.get("T1056.003"), "決済画面が改ざん");
  assert.equal(shop.get("T1190"), "脆弱性を突");
});

test("no technique without words: an unexplained intrusion gets none", () => {
  assert.equal(attack("不正アクセスについて\n当社サーバーが不正アクセスを受けました。詳細は調査中です。\n").size, 0);
});

test("data stored encrypted is not data encrypted for impact", () => {
  const got = attack("ランサムウェア被害のお知らせ\n当社のサーバーがランサムウェアに感染しました。\nなお、会員のパスワードは暗号化された状態で保管しております。\n");
  assert.equal(got.get("T1486"), "ランサムウェア");
});
