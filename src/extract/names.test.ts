import assert from "node:assert/strict";
import { test } from "node:test";
import { orgNameOf } from "./names.js";

test("a public body's name is read above its departments, and a longer name ending the word wins", () => {
  assert.equal(orgNameOf("かえで市健康福祉部国保年金課"), "かえで市");
  assert.equal(orgNameOf("架空県総務部"), "架空県");
  // Bodies of their own stay whole: a board, a bureau.
  assert.equal(orgNameOf("かえで市教育委員会事務局学務課"), "かえで市教育委員会");
  assert.equal(orgNameOf("かえで市水道局"), "かえで市水道局");
  // A university on an island's name is the university, with its office cut off.
  assert.equal(orgNameOf("北海道みずなら大学事務部"), "北海道みずなら大学");
  assert.equal(orgNameOf("本市総務部"), null);
});
