import assert from "node:assert/strict";
import { fsReason } from "./file.js";
import { mkdir, mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import type { SourceDocument } from "../../core/types.js";
import { isFailure, readInputs, type ReadFailure, type ReadOptions } from "./index.js";

let dir = "";

before(async () => {
  dir = await mkdtemp(join(tmpdir(), "jikenbo-readers-"));
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(inputs: string[], opts: ReadOptions = {}): Promise<(SourceDocument | ReadFailure)[]> {
  const out: (SourceDocument | ReadFailure)[] = [];
  for await (const x of readInputs(inputs, opts)) out.push(x);
  return out;
}

async function write(path: string, text: string): Promise<void> {
  await writeFile(join(dir, path), text);
}

test("a directory is walked recursively in sorted order, skipping dot-files and node_modules", async () => {
  await mkdir(join(dir, "tree/b/inner"), { recursive: true });
  await mkdir(join(dir, "tree/.git"), { recursive: true });
  await mkdir(join(dir, "tree/node_modules/x"), { recursive: true });
  await write("tree/c.txt", "c");
  await write("tree/a.html", "<p>a</p>");
  await write("tree/b/inner/z.txt", "z");
  await write("tree/b/y.txt", "y");
  await write("tree/B.txt", "upper");
  await write("tree/.hidden.txt", "hidden");
  await write("tree/.git/config", "git");
  await write("tree/node_modules/x/index.txt", "dep");
  const out = await collect([join(dir, "tree")]);
  assert.deepEqual(out.map((d) => (isFailure(d) ? d.error : d.source.slice(dir.length + 1))), [
    "tree/B.txt", "tree/a.html", "tree/b/inner/z.txt", "tree/b/y.txt", "tree/c.txt",
  ]);
  const html = out[1] as SourceDocument;
  assert.equal(html.mediaType, "text/html");
  assert.equal(html.sha256.length, 64);
});

test("a missing file is a one-line failure and the batch goes on", async () => {
  await write("ok.txt", "本文");
  const out = await collect([join(dir, "nope.txt"), join(dir, "ok.txt")]);
  assert.deepEqual(out[0], { input: join(dir, "nope.txt"), error: "no such file" });
  assert.ok(!isFailure(out[1]!));
  assert.equal(Buffer.from((out[1] as SourceDocument).bytes).toString("utf8"), "本文");
});

test("empty and whitespace-only files are failures", async () => {
  await write("empty.txt", "");
  await write("blank.txt", " \n\t\r\n");
  const out = await collect([join(dir, "empty.txt"), join(dir, "blank.txt")]);
  assert.deepEqual(out.map((x) => (x as ReadFailure).error), ["empty file", "empty file"]);
});

test("a file over the size limit is refused from its size, without reading it", async () => {
  const path = join(dir, "huge.txt");
  const fh = await open(path, "w");
  await fh.truncate(50 * 1024 * 1024); // sparse: no 50 MB written
  await fh.close();
  const [out] = await collect([path]);
  assert.deepEqual(out, { input: path, error: "too large: 50.0 MB > 25.0 MB limit" });
});

test("file-system errors become one-line reasons (permission denied cannot be provoked as root, so the mapping is tested)", () => {
  const err = (code: string) => Object.assign(new Error(`${code}: something\nstack`), { code });
  assert.equal(fsReason(err("EACCES")), "permission denied");
  assert.equal(fsReason(err("EPERM")), "permission denied");
  assert.equal(fsReason(err("ENOENT")), "no such file");
  assert.equal(fsReason(err("EISDIR")), "is a directory");
  assert.equal(fsReason(new Error("disk on fire\nat x")), "disk on fire");
});

test("`-` reads standard input", async () => {
  const stdin = Readable.from([Buffer.from("不正アクセスの"), Buffer.from("お知らせ")]);
  const [doc] = await collect(["-"], { stdin });
  assert.ok(doc && !isFailure(doc));
  assert.equal(doc.source, "stdin");
  assert.equal(Buffer.from(doc.bytes).toString("utf8"), "不正アクセスのお知らせ");
});

test("standard input over the limit, or empty, is a failure", async () => {
  const big = Readable.from([Buffer.alloc(600, 0x61), Buffer.alloc(600, 0x61)]);
  assert.deepEqual((await collect(["-"], { stdin: big, maxBytes: 1000 }))[0], { input: "-", error: "too large: more than 1000 bytes" });
  const empty = Readable.from([]);
  assert.deepEqual((await collect(["-"], { stdin: empty }))[0], { input: "-", error: "empty file" });
});

test("an unsupported URL scheme is a failure, not a file lookup", async () => {
  const [out] = await collect(["ftp://example.jp/notice.txt"]);
  assert.deepEqual(out, { input: "ftp://example.jp/notice.txt", error: "unsupported URL scheme ftp" });
});
