import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { makeDocument } from "../../core/document.js";
import { runPipeline } from "../../core/pipeline.js";
import { TAXONOMY_NAMES, type NoticeInput, type Tag } from "./tag.js";
import { tagNotice, TAXONOMIES } from "./index.js";
import { inputOf, valuesOf } from "./testkit.js";

const FIXTURES = [
  "当社サーバーへのランサムウェア攻撃について\n当社のファイルサーバーが不正アクセスを受け、保存していたファイルが暗号化されました。\n調査の結果、ＶＰＮ機器の脆弱性を突かれて侵入されたことが判明しました。\n顧客の氏名、住所が漏えいした可能性があります。\n",
  "ＵＳＢメモリ紛失に関するお詫び\n当社営業所において、会員の氏名と電話番号を保存したＵＳＢメモリ１本を紛失したことが判明しました。\n",
  "FAX誤送信についてのお詫び\r\n当院職員が、患者様の診療情報を記載した書類を誤って別の医療機関へFAXで送信しました。\r\n",
  "職員の私用パソコンにおけるサポート詐欺被害について\n偽の警告画面に表示された番号に電話をかけ、指示に従い遠隔操作ソフトをインストールしたところ、パソコンを遠隔操作されました。\n当該パソコンには以前の勤務先で作成した名簿データが残っていました。\n",
  "予約システムの個人情報流出の可能性について\n委託先が構築したテスト環境に本番の会員データを移行して検証していたところ、外部から認証なしでアクセスできる状態となっていたテストサーバーに不正アクセスがありました。\n",
  "当社を装ったフィッシングメールについて\n当社のメールアカウントが乗っ取られ、お客様に対し偽サイトへ誘導するリンクを記載したフィッシングメールが送信されました。\n",
  "個人情報に関するお知らせ\n詳細は調査中です。\n",
];

/** Check the invariants every tag list must keep, for one notice. */
function checkInvariants(input: NoticeInput, tags: Tag[], where: string): void {
  const [start, end] = input.span;
  const order = tags.map((t) => TAXONOMY_NAMES.indexOf(t.taxonomy));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), `${where}: tags in taxonomy order`);
  for (const name of ["tsr_cause", "tsr_medium", "tlp"] as const) {
    assert.equal(tags.filter((t) => t.taxonomy === name).length, 1, `${where}: exactly one ${name}`);
  }
  for (const t of tags) {
    const id = `${where}: ${t.taxonomy} ${t.value}`;
    assert.ok(order.every((i) => i >= 0), id);
    assert.ok(t.label.ja && t.label.en, `${id}: labels`);
    assert.ok(t.reason && !t.reason.includes("\n"), `${id}: one-line reason`);
    assert.ok(t.confidence >= 0 && t.confidence <= 1, `${id}: confidence`);
    if (t.taxonomy === "attack") assert.ok(t.span, `${id}: ATT&CK tags always carry their words`);
    if (!t.span) continue;
    const [s, e] = t.span;
    assert.ok(start <= s && s < e && e <= end, `${id}: span ${s}-${e} inside the notice ${start}-${end}`);
    const words = input.source.slice(s, e);
    assert.equal(words, words.trim(), `${id}: span has no stray whitespace`);
    assert.ok(/[\p{L}\p{N}]/u.test(words), `${id}: span holds words`);
  }
}

test("TAXONOMIES describes every taxonomy once, in emission order", () => {
  assert.deepEqual(TAXONOMIES.map((t) => t.name), [...TAXONOMY_NAMES]);
  for (const t of TAXONOMIES) {
    assert.ok(t.title.ja && t.title.en, t.name);
    assert.ok(t.source === null || /^https:\/\//.test(t.source), t.name);
  }
});

test("tagNotice combines the taxonomies for one notice", () => {
  const input = inputOf(FIXTURES[0]!, "前の記事の本文\n");
  const tags = tagNotice(input);
  assert.deepEqual(valuesOf(tags, "incident_type"), ["ransomware", "unauthorized_access"]);
  assert.deepEqual(valuesOf(tags, "tsr_cause"), ["ウイルス感染・不正アクセス"]);
  assert.deepEqual(valuesOf(tags, "tsr_medium"), ["社内システム・サーバー"]);
  assert.deepEqual(valuesOf(tags, "attack").sort(), ["T1133", "T1190", "T1486"]);
  assert.ok(valuesOf(tags, "veris_action").includes("malware.ransomware"));
  assert.deepEqual(valuesOf(tags, "tlp"), ["CLEAR"]);
  assert.deepEqual(valuesOf(tags, "basics"), ["manage_what_you_run"]);
  const vpn = tags.find((t) => t.value === "T1133")!;
  assert.equal(input.source.slice(vpn.span![0], vpn.span![1]), "ＶＰＮ", "NFKC matching, original offsets");
});

test("tagNotice is pure: the same input gives the same tags", () => {
  const input = inputOf(FIXTURES[3]!);
  assert.deepEqual(tagNotice(input), tagNotice(input));
});

test("invariants hold on the fixtures (with a prefix, full-width text and CRLF)", () => {
  for (const [i, text] of FIXTURES.entries()) {
    const input = inputOf(text, "ヘッダー\r\n別の記事\r\n");
    checkInvariants(input, tagNotice(input), `fixture ${i}`);
  }
});

const SHARED = fileURLToPath(new URL("../../../../shared/corpus", import.meta.url));

test("on the dev corpus: invariants hold and basics agree with the gold basics_violated", { skip: !existsSync(SHARED) && "shared corpus absent" }, async (t) => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let matched = 0;
  for (const name of readdirSync(`${SHARED}/seeds`).sort()) {
    const goldPath = `${SHARED}/gold/${name.replace(/\.txt$/, ".json")}`;
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, "utf8")) as { segments: { start_line: number; is_incident: boolean; incident?: { basics_violated: string[] } }[] };
    const bytes = readFileSync(`${SHARED}/seeds/${name}`);
    for (const cf of await runPipeline(makeDocument(new Uint8Array(bytes), { source: name }))) {
      for (const n of cf.notices) {
        if (!n.incident) continue;
        const input: NoticeInput = { fields: n.incident.fields, findings: n.incident.findings, source: cf.text, span: n.span };
        const tags = tagNotice(input);
        checkInvariants(input, tags, `${name}:${n.title.slice(0, 30)}`);
        const line = cf.text.slice(0, n.span[0]).split("\n").length;
        const want = gold.segments.find((s) => s.is_incident && s.start_line === line)?.incident?.basics_violated;
        if (!want) continue;
        matched++;
        const got = valuesOf(tags, "basics");
        tp += got.filter((b) => want.includes(b)).length;
        fp += got.filter((b) => !want.includes(b)).length;
        fn += want.filter((b) => !got.includes(b)).length;
      }
    }
  }
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, tp + fn);
  t.diagnostic(`basics vs gold over ${matched} incidents: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
  assert.ok(matched >= 20, `matched ${matched} gold incidents`);
  assert.ok(precision >= 0.85, `basics precision ${precision}`);
  assert.ok(recall >= 0.85, `basics recall ${recall}`);
});
