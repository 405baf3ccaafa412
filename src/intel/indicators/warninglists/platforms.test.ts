import { test } from "node:test";
import assert from "node:assert/strict";
import { platformDomain, platformsList } from "./platforms.js";
import { one } from "./testkit.js";

test("a platform's bare domain, root page and own mailboxes are listed", () => {
  for (const t of ["google.com", "Amazon.co.jp", "https://www.instagram.com/", "https://x.com", "https://github.com:443/", "no-reply@accounts.google.com", "line.me"]) {
    assert.ok(platformsList.match(one(t)), t);
  }
});

test("a URL with a path on a platform (an account page) is specific, not listed", () => {
  for (const t of ["https://x.com/kotori_official", "https://www.instagram.com/kotori_shop/", "https://github.com/kotori/tool", "https://www.dropbox.com/s/abc/invoice.zip"]) {
    assert.equal(platformsList.match(one(t)), null, t);
  }
});

test("tenant hosting and look-alikes are not platforms", () => {
  for (const t of ["kotori.github.io", "kotori-bucket.s3.amazonaws.com", "amazon-co-jp.kotori-pay.com", "x-com.net"]) assert.equal(platformsList.match(one(t)), null, t);
  assert.equal(platformDomain("m.facebook.com"), "facebook.com");
  assert.equal(platformDomain("facebook.com.kotori-pay.xyz"), null);
});
