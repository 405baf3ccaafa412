import { test } from "node:test";
import assert from "node:assert/strict";
import type { Tag } from "./tag.js";
import { VERIS_ACTION_LABELS, VERIS_ACTIONS, VERIS_ASSETS, VERIS_VARIETIES, verisActionTags, verisAssetTags, verisAttributeTags } from "./veris.js";
import { inputOf, noticeOf, valuesOf, wordsOf } from "./testkit.js";

/** All VERIS tags of a fictional notice, and the source. */
function veris(text: string): { tags: Tag[]; words: (t: Tag | undefined) => string } {
  const input = inputOf(text);
  const nt = noticeOf(text);
  return { tags: [...verisActionTags(nt), ...verisAssetTags(nt), ...verisAttributeTags(nt)], words: (t) => wordsOf(input, t) };
}
const find = (tags: Tag[], value: string) => tags.find((t) => t.value === value);

test("varieties belong to a VERIS action category and carry VERIS's own names", () => {
  for (const a of VERIS_ACTIONS) assert.ok(VERIS_ACTION_LABELS[a].en);
  for (const [value, label] of Object.entries(VERIS_VARIETIES)) {
    assert.ok((VERIS_ACTIONS as readonly string[]).includes(value.split(".")[0]!), value);
    assert.equal(value.split(".")[1], label.en.toLowerCase().replace(/[ /]/g, "_"), value);
  }
  for (const asset of Object.keys(VERIS_ASSETS)) assert.match(asset, /^[SNUMP] - \S/);
});

test("ransomware: malware.ransomware, availability obscured, confidentiality when a leak is possible", () => {
  const { tags, words } = veris("ランサムウェア被害のお知らせ\n当社のファイルサーバーがランサムウェアに感染し、ファイルが暗号化されました。\n顧客情報が漏えいした可能性があります。\n");
  assert.ok(valuesOf(tags, "veris_action").includes("malware.ransomware"));
  const avail = find(tags, "availability");
  assert.equal(avail?.label.en, "Availability: Obscuration");
  assert.equal(words(avail), "暗号化され");
  assert.match(find(tags, "confidentiality")!.reason, /possibly/);
  assert.equal(words(find(tags, "S - File")), "ファイルサーバー");
});

test("a vulnerability exploited on a shop: hacking.exploit_vuln, skimmer malware, web application, integrity", () => {
  const { tags, words } = veris("オンラインショップへの不正アクセスについて\n通販サイトのシステムの脆弱性を突いた不正アクセスにより決済画面が改ざんされ、カード情報が漏えいした可能性があります。\n");
  assert.equal(words(find(tags, "hacking.exploit_vuln")), "脆弱性を突");
  assert.ok(find(tags, "malware.capture_app_data"));
  assert.ok(find(tags, "S - Web application"));
  assert.equal(find(tags, "integrity")?.label.en, "Integrity: Software installation");
  assert.equal(valuesOf(tags, "veris_action").includes("hacking"), false, "plain hacking only when no variety is known");
});

test("errors: misdelivery breaks confidentiality; a lost USB stick is error.loss on a flash drive", () => {
  const fax = veris("FAX誤送信についてのお詫び\n当院職員が、患者様の診療情報を記載した書類を誤って別の医療機関へFAXで送信しました。\n");
  assert.ok(find(fax.tags, "error.misdelivery"));
  assert.ok(find(fax.tags, "confidentiality"));
  assert.ok(find(fax.tags, "M - Documents"));
  const usb = veris("USBメモリ紛失のお知らせ\n会員の氏名を保存したUSBメモリを紛失しました。\n");
  assert.ok(find(usb.tags, "error.loss"));
  assert.equal(usb.words(find(usb.tags, "M - Flash drive")), "USBメモリ");
  assert.equal(find(usb.tags, "availability")?.label.en, "Availability: Loss");
});

test("defacement hits integrity; a support scam is social.scam on an end-user and a desktop", () => {
  const deface = veris("ホームページ改ざんのお知らせ\n当協会のホームページが第三者により改ざんされました。\n");
  assert.equal(find(deface.tags, "integrity")?.label.en, "Integrity: Defacement");
  const scam = veris("職員の私用パソコンにおけるサポート詐欺被害について\n偽の警告画面に表示された番号に電話をかけ、パソコンを遠隔操作されました。\n");
  assert.ok(find(scam.tags, "social.scam"));
  assert.ok(find(scam.tags, "P - End-user"));
  assert.equal(scam.words(find(scam.tags, "U - Desktop")), "パソコン");
});

test("brute force is a hacking variety; an account takeover misrepresents its owner", () => {
  const { tags } = veris("ウェブサーバーへの不正アクセスについて\n総当たり攻撃によりアカウントのパスワードが破られ、アカウントが乗っ取られました。\n");
  assert.ok(find(tags, "hacking.brute_force"));
  assert.equal(find(tags, "hacking.use_of_stolen_creds"), undefined);
  assert.equal(find(tags, "integrity")?.label.en, "Integrity: Misrepresentation");
});

test("nothing stated: the action is unknown and no asset is guessed", () => {
  const { tags } = veris("個人情報に関するお知らせ\n詳細は調査中です。\n");
  assert.deepEqual(valuesOf(tags, "veris_action"), ["unknown"]);
  assert.deepEqual(valuesOf(tags, "veris_asset"), []);
});
