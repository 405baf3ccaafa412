import { test } from "node:test";
import assert from "node:assert/strict";
import { governmentList } from "./government.js";
import { one } from "./testkit.js";

test("government zones and security bodies are listed, with paths and addresses", () => {
  for (const t of ["https://www.ppc.go.jp/news/", "www.city.tsukimidai.lg.jp", "info@jpcert.or.jp", "https://www.ipa.go.jp/security/", "https://www.antiphishing.jp/", "https://www.nisc.go.jp/", "https://www.npa.go.jp/bureau/cyber/", "https://www.cisa.gov/"]) {
    assert.ok(governmentList.match(one(t)), t);
  }
  assert.equal(governmentList.match(one("https://www.antiphishing.jp/news/")), "antiphishing.jp belongs to a government or security body");
});

test("look-alikes of government domains are not listed", () => {
  for (const t of ["jpcert-or-jp.com", "https://npa-go-jp.kotori-pay.net/", "gov-refund.jp"]) assert.equal(governmentList.match(one(t)), null, t);
});
