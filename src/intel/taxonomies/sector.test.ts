import { test } from "node:test";
import assert from "node:assert/strict";
import { SECTORS } from "../../core/types.js";
import { SECTOR_LABELS, sectorTags } from "./sector.js";
import { inputOf, noticeOf, wordsOf } from "./testkit.js";

test("every sector of the vocabulary has a Japanese and an English label", () => {
  assert.equal(Object.keys(SECTOR_LABELS).length, 15);
  for (const s of SECTORS) assert.ok(SECTOR_LABELS[s].ja && SECTOR_LABELS[s].en, s);
});

test("the extracted sector becomes one tag spanning its cue", () => {
  const text = "みなと台病院 電子カルテサーバーへの不正アクセスについて\n当院の電子カルテサーバーが不正アクセスを受けました。\n";
  const input = inputOf(text);
  const tags = sectorTags(noticeOf(text));
  assert.equal(tags.length, 1);
  assert.equal(tags[0]!.value, "medical");
  assert.equal(tags[0]!.label.en, "Healthcare");
  assert.match(wordsOf(input, tags[0]), /病院|電子カルテ/);
});

test("no sector, no tag", () => {
  assert.deepEqual(sectorTags(noticeOf("お知らせ\n詳細は調査中です。\n")), []);
});
