import { test } from "node:test";
import assert from "node:assert/strict";
import { reservedList } from "./reserved.js";
import { one } from "./testkit.js";

test("RFC 2606/6761 names and example.* placeholders are reserved", () => {
  for (const t of ["user@example.com", "https://www.example.net/login", "example.org", "a@example.jp", "https://example.co.jp/", "mail.corp.test", "x@host.invalid", "http://localhost:8080/", "https://app.example/"]) {
    assert.ok(reservedList.match(one(t)), t);
  }
});

test("documentation address ranges are reserved, neighbours are not", () => {
  for (const t of ["192.0.2.10", "198.51.100.255", "203.0.113.1", "2001:db8:ab::1", "http://203.0.113.5/gate"]) assert.match(reservedList.match(one(t)) ?? "", /documentation/, t);
  for (const t of ["192.0.3.10", "203.0.114.1", "2001:db9::1", "kotori-example.com", "examples.com", "user@example-shop.jp"]) assert.equal(reservedList.match(one(t)), null, t);
});

test("hashes are never on it", () => {
  assert.equal(reservedList.match(one("9e107d9d372bb6826bd81d3542a419d6")), null);
});
