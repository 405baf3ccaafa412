import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BASIC_INFO, BASICS, basicsTags } from "./basics.js";
import { inputOf, noticeOf } from "./testkit.js";

/** Basics of a fictional notice as value → the words its span covers. */
function basics(text: string): Map<string, string> {
  const input = inputOf(text);
  return new Map(basicsTags(noticeOf(text)).map((t) => [t.value, t.span ? input.source.slice(t.span[0], t.span[1]) : ""]));
}

const GOLD = fileURLToPath(new URL("../../../../shared/corpus/gold", import.meta.url));

test("the values are exactly the gold basics_violated vocabulary, with the Japanese sayings", () => {
  assert.deepEqual([...BASICS], ["close_what_you_open", "clean_up_what_you_use", "manage_what_you_run"]);
  assert.deepEqual(BASICS.map((b) => BASIC_INFO[b].label.ja), ["開けたら閉める", "使ったら片付ける", "動かすなら管理する"]);
});

test("every basics value used in the gold annotations is one of ours", { skip: !existsSync(GOLD) && "shared corpus absent" }, () => {
  for (const name of readdirSync(GOLD)) {
    const gold = JSON.parse(readFileSync(`${GOLD}/${name}`, "utf8")) as { segments: { incident?: { basics_violated: string[] } }[] };
    for (const s of gold.segments) for (const b of s.incident?.basics_violated ?? []) assert.ok((BASICS as readonly string[]).includes(b), b);
  }
});

test("close what you open: unauthenticated remote access, a test server left running, public settings", () => {
  assert.equal(basics("画像サーバーのランサムウェア被害について\n保守用のネットワーク機器で、外部から認証なしでリモートデスクトップ接続が可能な設定となっていました。\n").get("close_what_you_open"), "認証なしでリモートデスクトップ接続が可能");
  const test = basics("予約システムへの不正アクセスについて\n改修作業のため検証環境にテストサーバーを構築し、稼働させていたところ、外部から不正アクセスを受けました。\n");
  assert.equal(test.get("close_what_you_open"), "テストサーバーを構築し、稼働させ");
  assert.equal(basics("クラウドストレージの設定不備について\n顧客名簿を保存したフォルダが公開設定になっており、誰でも閲覧できる状態でした。\n").get("close_what_you_open"), "公開設定になって");
});

test("clean up what you use: lost media, cracked passwords, leftover accounts and data, unwiped disks", () => {
  assert.equal(basics("USBメモリ紛失のお知らせ\n会員の氏名を保存したUSBメモリを紛失しました。\n").get("clean_up_what_you_use"), "USBメモリ紛失");
  assert.equal(basics("不正アクセスについて\n辞書攻撃によりパスワードが破られ、管理画面にログインされました。\n").get("clean_up_what_you_use"), "辞書攻撃");
  assert.equal(basics("不正アクセスについて\n管理画面に推測されやすいパスワードが設定されていたため、ログインされました。\n").get("clean_up_what_you_use"), "推測されやすいパスワード");
  assert.equal(basics("不正アクセスについて\n退職者のアカウントが削除されずに残っており、そのアカウントで不正にログインされました。\n").get("clean_up_what_you_use"), "退職者のアカウント");
  assert.equal(basics("元従業員による持ち出しについて\n従業員が作業用のデータを業務終了後も削除していなかったため、私物の記録媒体に複製されました。\n").get("clean_up_what_you_use"), "データを業務終了後も削除していなかった");
  assert.equal(basics("廃棄予定のパソコンの転売について\n委託業者の作業員が、データ消去をしないまま廃棄予定のパソコンを持ち出して転売していました。\n").get("clean_up_what_you_use"), "廃棄予定のパソコン");
});

test("manage what you run: vulnerabilities, misconfigured software, no antivirus, unsupervised contractors", () => {
  assert.equal(basics("不正アクセスについて\n通販サイトのシステムの脆弱性を突いた不正アクセスを受けました。\n").get("manage_what_you_run"), "脆弱性を突");
  assert.equal(basics("情報の誤表示について\nキャッシュ機能の設定に不備があったことが原因です。\n").get("manage_what_you_run"), "設定に不備");
  assert.equal(basics("ランサムウェア被害について\n当該サーバーにはウイルス対策ソフトが導入されていなかったため、被害が広がりました。\n").get("manage_what_you_run"), "ウイルス対策ソフトが導入されていなかった");
  assert.equal(basics("情報漏えいについて\n原因は委託先の管理が不十分であったことです。\n").get("manage_what_you_run"), "委託先の管理が不十分");
});

test("promised measures, advice and unexplained attacks teach no basic", () => {
  assert.equal(basics("ランサムウェア被害について\n当社サーバーがランサムウェアに感染しました。侵入経路は調査中です。\n・脆弱性管理の徹底\n・委託先管理の強化\n今後はパスワードの使い回しを禁止し、不要なアカウントを削除してまいります。\n").size, 0);
  assert.equal(basics("アカウント乗っ取りについて\n当社のSNSアカウントが乗っ取られました。\nパスワードを他のサイトで使い回している場合は変更してください。\n").size, 0);
});

test("media management failures are cleaning up, not running a service", () => {
  const got = basics("USBメモリ紛失について\n顧客情報を保存したUSBメモリを紛失しました。\nUSBメモリの管理体制が不十分であったことが原因です。\n");
  assert.equal(got.get("clean_up_what_you_use"), "USBメモリ紛失");
  assert.equal(got.has("manage_what_you_run"), false);
});
