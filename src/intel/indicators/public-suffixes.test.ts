import { test } from "node:test";
import assert from "node:assert/strict";
import { PUBLIC_SUFFIXES, publicSuffixOf, registrableDomain, SPECIAL_USE_TLDS } from "./public-suffixes.js";

test("the list holds generic TLDs, every ccTLD sampled, the Japanese second-level domains and special-use names", () => {
  for (const s of ["com", "net", "org", "info", "xyz", "top", "shop", "jp", "uk", "de", "cn", "ru", "tk", "io", "cc"]) assert.ok(PUBLIC_SUFFIXES.has(s), s);
  for (const s of ["co.jp", "ne.jp", "or.jp", "ac.jp", "ad.jp", "ed.jp", "go.jp", "gr.jp", "lg.jp", "co.uk", "com.au"]) assert.ok(PUBLIC_SUFFIXES.has(s), s);
  for (const s of SPECIAL_USE_TLDS) assert.ok(PUBLIC_SUFFIXES.has(s), s);
  for (const s of ["pdf", "html", "php", "js", "exe", "txt"]) assert.ok(!PUBLIC_SUFFIXES.has(s), s);
});

test("publicSuffixOf takes the longest listed suffix", () => {
  assert.equal(publicSuffixOf("www.kotori-seisaku.co.jp"), "co.jp");
  assert.equal(publicSuffixOf("shop.kotori.jp"), "jp");
  assert.equal(publicSuffixOf("a.b.com.au"), "com.au");
  assert.equal(publicSuffixOf("Mail.Example.COM"), "com");
  assert.equal(publicSuffixOf("report.pdf"), null);
});

test("registrableDomain is the suffix plus one label, null for a bare suffix", () => {
  assert.equal(registrableDomain("mail.kotori-seisaku.co.jp"), "kotori-seisaku.co.jp");
  assert.equal(registrableDomain("login.evil-example.xyz"), "evil-example.xyz");
  assert.equal(registrableDomain("co.jp"), null);
  assert.equal(registrableDomain("index.php"), null);
});
