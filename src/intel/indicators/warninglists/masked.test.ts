import { test } from "node:test";
import assert from "node:assert/strict";
import { maskedList } from "./masked.js";
import { one } from "./testkit.js";

test("addresses whose local part is only masking characters are masked", () => {
  for (const t of ["xxx@kotori-seisaku.co.jp", "XXXX@gmail.com", "***@kotori-pay.net", "○○@kotori.jp", "●●●●@kotori.jp", "x-xxxxxxx@kotori.jp", "xx.xxx@kotori.jp"]) {
    assert.equal(maskedList.match(one(t)), "the local part is masked", t);
  }
});

test("masked domain names are masked", () => {
  for (const t of ["https://www.xxxx.co.jp/login", "info@xxxxx.com", "xxx.jp"]) assert.ok(maskedList.match(one(t)), t);
});

test("real names that merely contain x are not masked", () => {
  for (const t of ["x@kotori.jp", "max@kotori.jp", "xavier@kotori.jp", "https://xx-kotori.com/", "fox.jp"]) assert.equal(maskedList.match(one(t)), null, t);
});
