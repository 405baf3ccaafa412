import Database from "better-sqlite3";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { Checkpointer } from "./checkpointer.js";

test("the checkpointer copies a file's committed log into it on its own thread", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jikenbo-ckpt-"));
  try {
    const file = join(dir, "c.db");
    const db = new Database(file);
    db.pragma("journal_mode = WAL");
    db.pragma("wal_autocheckpoint = 0");
    db.exec("CREATE TABLE t (x TEXT)");
    db.transaction(() => { for (let i = 0; i < 500; i++) db.prepare("INSERT INTO t VALUES (?)").run("あ".repeat(2000)); })();
    // Everything committed is still in the log: the file holds its first pages only.
    assert.ok(statSync(file).size < 100_000);
    const failures: string[] = [];
    const c = new Checkpointer(file, (why) => failures.push(why));
    c.nudge();
    c.nudge();
    await c.close();
    assert.deepEqual(failures, []);
    assert.ok(statSync(file).size > 2_000_000, `file is ${statSync(file).size} bytes`);
    assert.equal((db.prepare("SELECT count(*) AS n FROM t").get() as { n: number }).n, 500);
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a checkpointer that cannot open its file says so once and closes", async () => {
  // The thread does not keep the process alive: the test does, as a store's writes would.
  const alive = setInterval(() => {}, 1000);
  const failed = new Promise<string>((resolve) => {
    const c = new Checkpointer(join(tmpdir(), "jikenbo-no-such-dir", "x", "c.db"), (why) => { resolve(why); void c.close(); });
    c.nudge();
  });
  assert.match(await failed, /directory does not exist|unable to open/i);
  clearInterval(alive);
});
