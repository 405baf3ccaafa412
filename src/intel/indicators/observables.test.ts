import { test } from "node:test";
import assert from "node:assert/strict";
import { foldWidth } from "../../core/width.js";
import { hostOf, refang, scanObservables, urlParts, validHost, type Observable } from "./observables.js";

const kv = (text: string) => scanObservables(text).map((o) => [o.kind, o.value]);

/** Every span indexes the scanned text. */
function spansHold(text: string, found: Observable[]): void {
  for (const o of found) assert.equal(text.slice(o.start, o.end), o.text, o.value);
}

test("defanged URLs, emails, domains and IPs are refanged and marked", () => {
  const text = [
    "誘導先 hxxps://kotori-pay[.]com/login と hXXp://kotori-pay(.)net/a?b=1",
    "送信元 billing[at]kotori-pay[dot]com / billing(at)kotori-pay(dot)net / billing[@]kotori-pay.org",
    "通信先 203.0.113[.]9 と fxp://files.kotori-pay[.]com/x と hxxps[:]//kotori-pay[.]info/",
    "偽ドメイン kotori-pay[.]shop",
  ].join("\n");
  const found = scanObservables(text);
  spansHold(text, found);
  assert.deepEqual(found.map((o) => [o.kind, o.value, o.defanged]), [
    ["url", "https://kotori-pay.com/login", true],
    ["url", "http://kotori-pay.net/a?b=1", true],
    ["email", "billing@kotori-pay.com", true],
    ["email", "billing@kotori-pay.net", true],
    ["email", "billing@kotori-pay.org", true],
    ["ipv4", "203.0.113.9", true],
    ["url", "ftp://files.kotori-pay.com/x", true],
    ["url", "https://kotori-pay.info/", true],
    ["domain", "kotori-pay.shop", true],
  ]);
  assert.equal(refang("hxxps://a[.]b(dot)c[:]8080"), "https://a.b.c:8080");
});

test("plain observables are not marked defanged and hosts are lower-cased", () => {
  const found = scanObservables("詳細は https://WWW.Kotori-Seisaku.co.jp/News/A.html 、窓口 Info@Kotori-Seisaku.CO.JP");
  assert.deepEqual(found.map((o) => [o.value, o.defanged]), [
    ["https://www.kotori-seisaku.co.jp/News/A.html", false],
    ["Info@kotori-seisaku.co.jp", false],
  ]);
});

test("full-width forms are found with offsets into the original text", () => {
  const text = "差出人：ｓｕｐｐｏｒｔ＠ｋｏｔｏｒｉ－ｐａｙ．ｃｏｍ、リンク：ｈｘｘｐｓ：／／ｋｏｔｏｒｉ－ｐａｙ［．］ｃｏｍ／ｐ、ＩＰ：２０３．０．１１３．４";
  const found = scanObservables(text);
  spansHold(text, found);
  assert.deepEqual(found.map((o) => [o.kind, o.value, o.defanged]), [
    ["email", "support@kotori-pay.com", false],
    ["url", "https://kotori-pay.com/p", true],
    ["ipv4", "203.0.113.4", false],
  ]);
  assert.equal(foldWidth("ａ＠ｂ．ｃ　"), "a@b.c ");
});

test("IPv6 addresses are found in full and compressed forms, times and MACs are not", () => {
  assert.deepEqual(kv("接続元 2001:db8:0:0:1:0:0:1、2001:DB8::7、fe80::1%eth0、::1、::ffff:192.0.2.5"), [
    ["ipv6", "2001:db8:0:0:1:0:0:1"], ["ipv6", "2001:db8::7"], ["ipv6", "fe80::1"], ["ipv6", "::1"], ["ipv6", "::ffff:192.0.2.5"],
  ]);
  assert.deepEqual(kv("10:56 に検知し、10:56:30 に遮断、12:00〜13:30 は停止。端末 00:1A:2B:3C:4D:5E。比率 1::2"), []);
  assert.deepEqual(kv("通信先 http://[2001:db8::2]:8443/c2"), [["url", "http://[2001:db8::2]:8443/c2"]]);
});

test("IPv4: octets up to 255, no leading zeros, no version numbers", () => {
  assert.deepEqual(kv("198.51.100.23 から、198.51.100.24:8080 へ"), [["ipv4", "198.51.100.23"], ["ipv4", "198.51.100.24"]]);
  assert.deepEqual(kv("256.1.2.3、10.01.2.3、1.2.3.4.5、v1.2.3.4、Ver.2.0.1.5、バージョン 1.2.3.4、version 10.0.19041.1"), []);
  assert.deepEqual(kv("2024.11.20 公表"), []);
});

test("MD5, SHA-1 and SHA-256 are hex of exact length, not part of longer hex", () => {
  const md5 = "9e107d9d372bb6826bd81d3542a419d6";
  const sha1 = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12";
  const sha256 = "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592";
  assert.deepEqual(kv(`MD5: ${md5.toUpperCase()}\nSHA-1: ${sha1}\nSHA256：${sha256}`), [["md5", md5], ["sha1", sha1], ["sha256", sha256]]);
  assert.deepEqual(kv(`${md5}a ${sha1}ff ${sha256}0 x${md5}`), []);
  assert.deepEqual(kv("12345678901234567890123456789012 abcdefabcdefabcdefabcdefabcdefab"), []);
});

test("domains need a listed public suffix; file names and code are not domains", () => {
  assert.deepEqual(kv("偽サイト kotori-seisakv.co.jp と login-kotori.xyz"), [["domain", "kotori-seisakv.co.jp"], ["domain", "login-kotori.xyz"]]);
  assert.deepEqual(kv("report.pdf、gate.php、Node.js、setup.py、README.md、PLAN.archive.md、co.jp"), []);
  assert.deepEqual(kv("偽ドメイン kotori-pay[.]py"), [["domain", "kotori-pay.py"]]);
  assert.deepEqual(kv("https://intranet/login と user@server.local"), []);
  assert.ok(validHost("a.example") && validHost("localhost") && !validHost("co.jp") && !validHost("a.b"));
});

test("overlaps resolve to the widest observable: no domain or IP inside a URL or an address", () => {
  const text = "リンク https://login.kotori-pay.com/203.0.113.5/x と 送信元 ops@mail.kotori-pay.com、URL http://198.51.100.9/a.";
  const found = scanObservables(text);
  spansHold(text, found);
  assert.deepEqual(found.map((o) => [o.kind, o.value]), [
    ["url", "https://login.kotori-pay.com/203.0.113.5/x"], ["email", "ops@mail.kotori-pay.com"], ["url", "http://198.51.100.9/a"],
  ]);
});

test("URLs stop at Japanese text, brackets and trailing punctuation", () => {
  assert.deepEqual(kv("（https://x.com/kotori_official）が、「https://kotori-pay.com/a」。https://kotori-pay.com/b.にアクセス"), [
    ["url", "https://x.com/kotori_official"], ["url", "https://kotori-pay.com/a"], ["url", "https://kotori-pay.com/b"],
  ]);
});

test("masked local parts are scanned as addresses", () => {
  assert.deepEqual(kv("宛先: ○○○@kotori-seisaku.co.jp、***@kotori-pay.net"), [["email", "○○○@kotori-seisaku.co.jp"], ["email", "***@kotori-pay.net"]]);
});

test("hostOf and urlParts read the host of each kind", () => {
  const [url, mail, dom, ip, hash] = scanObservables("http://user@Kotori-Pay.com:8080/x a@b.kotori.jp kotori.xyz 192.0.2.1 9e107d9d372bb6826bd81d3542a419d6");
  assert.deepEqual([url, mail, dom, ip, hash].map((o) => hostOf(o!)), ["kotori-pay.com", "b.kotori.jp", "kotori.xyz", "192.0.2.1", null]);
  assert.deepEqual(urlParts("https://[2001:db8::1]:443/p?q"), { scheme: "https", host: "2001:db8::1", rest: ":443/p?q" });
});

test("a domain written after a bare @ is scanned; an address's domain is not scanned again", () => {
  assert.deepEqual(kv("転送先を「@sakuramail.jp」とすべきところを「@sakuramai.jp」としていた。連絡先 info@sakuramail.jp"), [
    ["domain", "sakuramail.jp"],
    ["domain", "sakuramai.jp"],
    ["email", "info@sakuramail.jp"],
  ]);
});
