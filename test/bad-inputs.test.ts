import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import Encoding from "encoding-japanese";
import { cli, ROOT, tempDir } from "./helpers.js";

const GOOD = "2025年2月1日\n株式会社テスト商会\n\n不正アクセスに関するお知らせ\n\n2025年1月30日、当社サーバーへの不正アクセスを確認しました。\n";

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

test("each bad input gets a one-line reason; the good input in the same batch is stored; exit 1", async () => {
  const dir = tempDir();
  const db = join(dir, "casebook.db");
  const f = (name: string) => join(dir, name);
  writeFileSync(f("good.txt"), GOOD);
  writeFileSync(f("empty.txt"), "");
  writeFileSync(f("binary.bin"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, ...Array(200).fill(0)]));
  writeFileSync(f("huge.txt"), Buffer.alloc(50 * 1024 * 1024, Buffer.from("不正アクセスに関するお知らせ。\n")));
  copyFileSync(join(ROOT, "test/fixtures/ingest/truncated.pdf"), f("truncated.pdf"));
  copyFileSync(join(ROOT, "test/fixtures/ingest/all-script.html"), f("scripts.html"));
  copyFileSync(join(ROOT, "test/fixtures/ingest/broken-feed.xml"), f("broken-feed.xml"));
  const url = `http://127.0.0.1:${await closedPort()}/notice.html`;
  const r = await cli(["ingest", "--db", db, "--allow-private", f("good.txt"), f("empty.txt"), f("binary.bin"), f("huge.txt"), f("truncated.pdf"), f("scripts.html"), f("broken-feed.xml"), f("missing.txt"), url]);
  assert.equal(r.code, 1, r.stdout + r.stderr);
  const failures = r.stdout.split("failures: ")[1]!.split("\n");
  assert.equal(failures[0], "8");
  const reason = (name: string) => failures.find((l) => l.includes(name)) ?? "";
  assert.match(reason("empty.txt"), /empty file/);
  assert.match(reason("binary.bin"), /binary/);
  assert.match(reason("huge.txt"), /too large: 50\.0 MB/);
  assert.match(reason("truncated.pdf"), /truncated or corrupt PDF/);
  assert.match(reason("scripts.html"), /no readable text/);
  assert.match(reason("broken-feed.xml"), /broken feed XML/);
  assert.match(reason("missing.txt"), /no such file/);
  assert.match(reason(url), /unreachable|refused/);
  for (const l of failures.slice(1).filter(Boolean)) assert.ok(!l.includes("\n") && l.length < 400);
  const list = JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { organization: string }[];
  assert.deepEqual(list.map((i) => i.organization), ["株式会社テスト商会"]);
});

test("a URL to a private address is refused unless --allow-private", async () => {
  const r = await cli(["ingest", "--db", join(tempDir(), "c.db"), "http://127.0.0.1:9/x"]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /refused private address 127\.0\.0\.1/);
});

test("invalid UTF-8 and a wrong declared charset are read with a warning, not lost", async () => {
  const dir = tempDir();
  const bad = Buffer.concat([Buffer.from(GOOD.replace("テスト商会", "いろは商会")), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from("以上\n")]);
  writeFileSync(join(dir, "invalid-utf8.txt"), bad);
  const html = `<html><head><meta charset="utf-8"><title>お知らせ</title></head><body><p>${GOOD.replace("テスト商会", "ほしぞら商会").replace(/\n/g, "</p><p>")}</p></body></html>`;
  writeFileSync(join(dir, "wrong-charset.html"), Buffer.from(Encoding.convert(Encoding.stringToCode(html), { to: "SJIS", from: "UNICODE" }) as number[]));
  const db = join(tempDir(), "c.db");
  const r = await cli(["ingest", "--db", db, dir]);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /invalid-utf8\.txt: 3 byte sequence\(s\) invalid in utf-8/);
  assert.match(r.stdout, /wrong-charset\.html: declared charset utf-8 does not decode these bytes/);
  const orgs = (JSON.parse((await cli(["list", "--db", db, "--json"])).stdout) as { organization: string }[]).map((i) => i.organization).sort();
  assert.deepEqual(orgs, ["株式会社いろは商会", "株式会社ほしぞら商会"]);
});

test("HTML full of scripts and event handlers never lets them into the text", async () => {
  const r = await cli(["extract", "--json", join(ROOT, "test/fixtures/ingest/hostile.html")]);
  assert.equal(r.code, 0);
  assert.doesNotMatch(r.stdout, /<script|onerror|alert\(|javascript:/i);
});
