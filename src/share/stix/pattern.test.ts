import { test } from "node:test";
import assert from "node:assert/strict";
import { escapePatternString, indicatorOfPattern, indicatorPattern, kindOfIndicator, parsePattern, PatternError } from "./pattern.js";

test("indicator kinds: email, URL, domain, IPv4, IPv6 and hashes by length", () => {
  assert.equal(kindOfIndicator("a@b.example.jp"), "email");
  assert.equal(kindOfIndicator("https://x.example/a"), "url");
  assert.equal(kindOfIndicator("login-x.net"), "domain");
  assert.equal(kindOfIndicator("203.0.113.5"), "ipv4");
  assert.equal(kindOfIndicator("2001:db8::1"), "ipv6");
  assert.equal(kindOfIndicator("d41d8cd98f00b204e9800998ecf8427e"), "md5");
  assert.equal(kindOfIndicator("da39a3ee5e6b4b0d3255bfef95601890afd80709"), "sha1");
  assert.equal(kindOfIndicator("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), "sha256");
});

test("patterns for each kind, with hash algorithms quoted as STIX requires", () => {
  assert.equal(indicatorPattern("a@b.example.jp"), "[email-addr:value = 'a@b.example.jp']");
  assert.equal(indicatorPattern("login-x.net"), "[domain-name:value = 'login-x.net']");
  assert.equal(indicatorPattern("203.0.113.5"), "[ipv4-addr:value = '203.0.113.5']");
  assert.equal(indicatorPattern("2001:db8::1"), "[ipv6-addr:value = '2001:db8::1']");
  assert.equal(indicatorPattern("D41D8CD98F00B204E9800998ECF8427E"), "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']");
  assert.equal(indicatorPattern("da39a3ee5e6b4b0d3255bfef95601890afd80709"), "[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']");
  assert.match(indicatorPattern("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), /^\[file:hashes\.'SHA-256' = '[0-9a-f]{64}'\]$/);
});

test("a URL with a quote and a backslash is escaped, parses, and reads back unchanged", () => {
  const url = "https://evil.example/it's\\here?q='1'";
  assert.equal(escapePatternString(url), "https://evil.example/it\\'s\\\\here?q=\\'1\\'");
  const pattern = indicatorPattern(url);
  assert.equal(pattern, "[url:value = 'https://evil.example/it\\'s\\\\here?q=\\'1\\'']");
  assert.deepEqual(parsePattern(pattern), [{ objectType: "url", path: ["value"], op: "=", negated: false, value: url }]);
  assert.deepEqual(indicatorOfPattern(pattern), { value: url, kind: "url" });
});

test("the grammar: boolean and observation operators, qualifiers, sets, typed literals", () => {
  for (const p of [
    "[file:hashes.'SHA-256' = 'aa' OR file:name = 'x.exe']",
    "[email-addr:value = 'a@b.example' AND email-addr:display_name != 'x'] FOLLOWEDBY [url:value LIKE 'https://%']",
    "([ipv4-addr:value = '198.51.100.1'] OR [ipv4-addr:value = '198.51.100.2']) WITHIN 300 SECONDS",
    "[file:size > 1024] REPEATS 3 TIMES",
    "[url:value MATCHES '^https?://evil'] START t'2024-01-01T00:00:00Z' STOP t'2024-02-01T00:00:00.000Z'",
    "[ipv4-addr:value ISSUBSET '198.51.100.0/24']",
    "[domain-name:value IN ('a.example', 'b.example')]",
    "[file:magic_number_hex = h'ffd8']",
    "[x-custom:thing[*].name NOT = 'y']",
    "[file:extensions.'windows-pebinary-ext'.sections[0].entropy > 7.0]",
  ]) assert.doesNotThrow(() => parsePattern(p), p);
});

test("invalid patterns are refused with a reason", () => {
  for (const [p, why] of [
    ["url:value = 'x'", /expected \[ or \(/],
    ["[url:value = 'x'", /expected \]/],
    ["[url:value = 'it's']", /unexpected|expected/],
    ["[url:value = 'a\\b']", /invalid escape/],
    ["[url:value = x]", /expected a literal/],
    ["[fil:name = 'x']", /unknown cyber-observable type/],
    ["[url:href = 'x']", /no property href/],
    ["[file:hashes.'SHA256' = 'aa']", /unknown hash algorithm/],
    ["[url:value = 'x'] START t'2024-02-01T00:00:00Z' STOP t'2024-01-01T00:00:00Z'", /START must be before STOP/],
    ["[url:value = 'x'] WITHIN 0 SECONDS", /positive/],
    ["[url:value MATCHES '(']", /regular expression/],
    ["", /empty/],
  ] as const) assert.throws(() => parsePattern(p), (e: unknown) => e instanceof PatternError && why.test(e.message), p);
  assert.equal(indicatorOfPattern("[url:value = 'a'] AND [url:value = 'b']"), null);
  assert.equal(indicatorOfPattern("not a pattern"), null);
});
