import { test } from "node:test";
import assert from "node:assert/strict";
import { canonicalIpv6, inIpv4Range, inIpv6Range, ipv4Octets, ipv6Groups } from "./ip.js";

test("ipv4Octets accepts dotted quads up to 255 without leading zeros", () => {
  assert.deepEqual(ipv4Octets("203.0.113.7"), [203, 0, 113, 7]);
  assert.equal(ipv4Octets("256.1.1.1"), null);
  assert.equal(ipv4Octets("10.01.1.1"), null);
  assert.equal(ipv4Octets("1.2.3"), null);
});

test("inIpv4Range tests CIDR membership", () => {
  assert.ok(inIpv4Range("172.20.3.4", "172.16.0.0", 12));
  assert.ok(!inIpv4Range("172.32.0.1", "172.16.0.0", 12));
  assert.ok(inIpv4Range("100.127.255.255", "100.64.0.0", 10));
});

test("ipv6Groups reads full, compressed and IPv4-tailed forms and rejects malformed ones", () => {
  assert.deepEqual(ipv6Groups("2001:db8:0:0:0:0:0:1"), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(ipv6Groups("2001:DB8::1"), [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(ipv6Groups("::1"), [0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(ipv6Groups("::ffff:192.0.2.1"), [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]);
  assert.deepEqual(ipv6Groups("::192.0.2.1"), [0, 0, 0, 0, 0, 0, 0xc000, 0x0201]);
  for (const bad of ["10:56", "10:56:30", "1::2::3", "2001:db8:1:2:3:4:5:6:7", "12345::1", "1:2:3:4:5:6:7::8"]) assert.equal(ipv6Groups(bad), null, bad);
});

test("inIpv6Range tests prefixes of any length", () => {
  assert.ok(inIpv6Range("2001:db8:ffff::1", "2001:db8::", 32));
  assert.ok(!inIpv6Range("2001:db9::1", "2001:db8::", 32));
  assert.ok(inIpv6Range("febf::1", "fe80::", 10));
  assert.ok(inIpv6Range("fd12:3456::1", "fc00::", 7));
});

test("canonicalIpv6 writes the RFC 5952 form", () => {
  assert.equal(canonicalIpv6("2001:0DB8:0000:0000:0000:0000:0000:0001"), "2001:db8::1");
  assert.equal(canonicalIpv6("2001:db8:0:1:0:0:0:1"), "2001:db8:0:1::1");
  assert.equal(canonicalIpv6("2001:db8:1:1:1:1:1:1"), "2001:db8:1:1:1:1:1:1");
  assert.equal(canonicalIpv6("::"), "::");
  assert.equal(canonicalIpv6("nope"), null);
});
