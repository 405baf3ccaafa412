import { test } from "node:test";
import assert from "node:assert/strict";
import { freeMailList } from "./free-mail.js";
import { one } from "./testkit.js";

test("free and carrier mail domains are listed, as addresses and on their own", () => {
  for (const t of ["kotori.desk@gmail.com", "a@yahoo.co.jp", "b@outlook.com", "c@hotmail.co.jp", "d@icloud.com", "e@docomo.ne.jp", "f@ezweb.ne.jp", "g@au.com", "h@softbank.ne.jp", "i@i.softbank.jp", "j@ymobile.ne.jp", "k@proton.me", "gmail.com"]) {
    assert.ok(freeMailList.match(one(t)), t);
  }
  assert.equal(freeMailList.match(one("k@proton.me")), "proton.me is a free or carrier mail provider");
});

test("company domains and look-alikes of providers are not free mail", () => {
  for (const t of ["a@kotori-seisaku.co.jp", "a@gmail-support.com", "a@softbank.jp", "a@mygmail.com"]) assert.equal(freeMailList.match(one(t)), null, t);
});
