import { test } from "node:test";
import assert from "node:assert/strict";
import { warninglistHits, WARNINGLISTS } from "./index.js";
import { listedParent } from "./list.js";
import { one } from "./testkit.js";

test("every warninglist has a name and a description", () => {
  assert.deepEqual(WARNINGLISTS.map((w) => w.name), ["reserved", "masked", "private-ip", "government", "platforms", "free-mail"]);
  for (const w of WARNINGLISTS) assert.ok(w.description.length > 20, w.name);
});

test("warninglistHits reports every list an observable is on, with reasons", () => {
  assert.deepEqual(warninglistHits(one("xxxx@example.com")).map((h) => h.list), ["reserved", "masked"]);
  assert.deepEqual(warninglistHits(one("taro@yahoo.co.jp")).map((h) => h.list), ["platforms", "free-mail"]);
  assert.deepEqual(warninglistHits(one("203.0.113.5")), [{ list: "reserved", reason: "203.0.113.0/24 is a documentation range (RFC 5737)" }]);
  assert.deepEqual(warninglistHits(one("hxxps://kotori-pay[.]com/login")), []);
});

test("listedParent finds the listed domain a host is or lies under", () => {
  const set = new Set(["kotori.jp", "go.jp"]);
  assert.equal(listedParent("kotori.jp", set), "kotori.jp");
  assert.equal(listedParent("a.b.kotori.jp", set), "kotori.jp");
  assert.equal(listedParent("www.ppc.go.jp", set), "go.jp");
  assert.equal(listedParent("notkotori.jp", set), null);
});
