import { test } from "node:test";
import assert from "node:assert/strict";
import { isNarrative } from "./evidence.js";
import { inputOf, noticeOf } from "./testkit.js";

test("the fixture helper runs the real extractor over the notice", () => {
  const input = inputOf("USBメモリ紛失のお知らせ\n当社職員が、顧客の氏名と住所を保存したUSBメモリを紛失しました。\n", "前置き\n");
  assert.deepEqual(input.fields.incident_types, ["loss"]);
  assert.equal(input.span[0], "前置き\n".length);
  assert.ok(input.findings.length > 0 && input.findings.every((f) => f.span[0] >= input.span[0]));
});

test("isNarrative keeps what happened and why", () => {
  assert.equal(isNarrative("調査の結果、VPN機器の脆弱性を突かれて侵入されたことが判明しました。"), true);
  assert.equal(isNarrative("・アクセス制限がされていなかったこと"), true);
  assert.equal(isNarrative("被害状況をお知らせいたします。"), true);
});

test("isNarrative drops advice, hypotheticals and promised measures", () => {
  assert.equal(isNarrative("不審なメールの添付ファイルは開かないようご注意ください。"), false);
  assert.equal(isNarrative("添付ファイルを開封すると、感染するおそれがあります。"), false);
  assert.equal(isNarrative("今後はパッチの適用を徹底してまいります。"), false);
  assert.equal(isNarrative("・脆弱性管理の徹底"), false);
  assert.equal(isNarrative("委託先に対し適切な監督を行うこと。"), false);
});

test("isNarrative judges the part of a compound sentence that holds the words", () => {
  const s = "原因は委託先の管理に課題があったためと考えており、再発防止策を順次実施してまいります。";
  assert.equal(isNarrative(s, s.indexOf("課題")), true);
  assert.equal(isNarrative(s, s.indexOf("再発防止策")), false);
});

test("NoticeText matches NFKC text and maps spans back to the full-width source", () => {
  const prefix = "別の記事\n";
  const input = inputOf("ＵＳＢメモリ紛失のお詫び\n会員の氏名を保存したＵＳＢメモリを紛失しました。\n", prefix);
  const nt = noticeOf("ＵＳＢメモリ紛失のお詫び\n会員の氏名を保存したＵＳＢメモリを紛失しました。\n", prefix);
  const all = nt.findAll(/USBメモリ/);
  assert.equal(all.length, 2);
  assert.deepEqual(all.map((e) => input.source.slice(e.span[0], e.span[1])), ["ＵＳＢメモリ", "ＵＳＢメモリ"]);
  assert.equal(all[0]!.inTitle, true);
  assert.equal(all[1]!.inTitle, false);
  assert.ok(all.every((e) => e.span[0] >= prefix.length));
});

test("NoticeText skips denied words and, unless asked, advice", () => {
  const nt = noticeOf("不正アクセスについて\n顧客情報の流出は確認されておりません。\n社内情報の漏洩は一切ない。\n身に覚えのないメールのリンクはクリックしないでください。\n");
  assert.equal(nt.find(/流出|漏洩/), null);
  assert.equal(nt.find(/リンク/), null);
  assert.equal(nt.find(/リンク/, { anywhere: true })?.text, "リンク");
});

test("NoticeText reads the sentence and clause conditions", () => {
  const nt = noticeOf("サーバーへの不正アクセスについて\n保守用のVPN経由で侵入されました。\n社内の説明会でVPNの仕組みを紹介しました。\n");
  assert.equal(nt.findAll(/VPN/, { sentence: /侵入/ }).length, 1);
  assert.equal(nt.findAll(/VPN/, { unlessClause: /説明会/ }).length, 1);
});

test("NoticeText gives the extractor's own evidence for a field value", () => {
  const input = inputOf("ランサムウェア被害のお知らせ\n当社のファイルサーバーがランサムウェアに感染しました。\n");
  const nt = noticeOf("ランサムウェア被害のお知らせ\n当社のファイルサーバーがランサムウェアに感染しました。\n");
  const f = nt.finding("incident_types", "ransomware");
  assert.ok(f);
  assert.equal(input.source.slice(f.span[0], f.span[1]), f.text);
  assert.equal(f.inTitle, true);
  assert.equal(nt.finding("incident_types", "loss"), null);
});
