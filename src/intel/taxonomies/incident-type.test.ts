import { test } from "node:test";
import assert from "node:assert/strict";
import { INCIDENT_TYPES } from "../../core/types.js";
import { INCIDENT_TYPE_LABELS, incidentTypeTags } from "./incident-type.js";
import { inputOf, noticeOf, wordsOf } from "./testkit.js";

const RANSOM = "ランサムウェア被害のお知らせ\n当社のファイルサーバーが第三者による不正アクセスを受け、保存していたファイルが暗号化されました。\n";

test("every incident type of the vocabulary has a Japanese and an English label", () => {
  assert.equal(Object.keys(INCIDENT_TYPE_LABELS).length, 18);
  for (const t of INCIDENT_TYPES) {
    assert.ok(INCIDENT_TYPE_LABELS[t].ja.length > 0 && INCIDENT_TYPE_LABELS[t].en.length > 0, t);
  }
});

test("one tag per extracted incident type, spanning the words the extractor read it from", () => {
  const input = inputOf(RANSOM, "前の記事\n");
  const tags = incidentTypeTags(noticeOf(RANSOM, "前の記事\n"));
  assert.deepEqual(tags.map((t) => t.value), input.fields.incident_types);
  const ransom = tags.find((t) => t.value === "ransomware");
  assert.equal(ransom?.label.ja, "ランサムウェア");
  assert.equal(wordsOf(input, ransom), "ランサムウェア");
  assert.match(ransom!.reason, /in its title/);
  assert.equal(wordsOf(input, tags.find((t) => t.value === "unauthorized_access")), "不正アクセス");
});

test("a notice with no incident type gets no incident-type tag", () => {
  assert.deepEqual(incidentTypeTags(noticeOf("お知らせ\n詳細は調査中です。\n")), []);
});
