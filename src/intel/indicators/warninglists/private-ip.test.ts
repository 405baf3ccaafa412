import { test } from "node:test";
import assert from "node:assert/strict";
import { privateIpList } from "./private-ip.js";
import { one } from "./testkit.js";

test("RFC 1918, loopback, link-local, CGNAT and ULA addresses are listed", () => {
  const cases: [string, RegExp][] = [
    ["10.20.0.5", /RFC 1918/], ["172.31.255.1", /RFC 1918/], ["192.168.10.2", /RFC 1918/], ["127.0.0.1", /loopback/],
    ["169.254.1.1", /link-local/], ["100.100.1.1", /CGNAT/], ["::1", /loopback/], ["fe80::2a", /link-local/], ["fd00:1::5", /ULA/],
    ["http://192.168.0.1/admin", /RFC 1918/],
  ];
  for (const [t, re] of cases) assert.match(privateIpList.match(one(t)) ?? "", re, t);
});

test("public addresses and names are not listed", () => {
  for (const t of ["172.32.0.1", "100.128.0.1", "203.0.113.9", "2001:db8::1", "kotori.jp"]) assert.equal(privateIpList.match(one(t)), null, t);
});
