import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { synthetic } from "../bench/generate.js";
import { cli, cliAsync, tempDir } from "./helpers.js";

const N = 400;

function counts(db: string): { documents: number; notices: number; incidents: number; orphans: number; integrity: string } {
  const d = new Database(db, { readonly: true });
  try {
    const one = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    return {
      documents: one("SELECT count(*) AS n FROM documents"),
      notices: one("SELECT count(*) AS n FROM notices"),
      incidents: one("SELECT count(*) AS n FROM incidents"),
      // A document without its notices, or an incident without its fields, would be half written.
      orphans: one("SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM notices n WHERE n.document = d.sha256)") +
        one("SELECT count(*) AS n FROM incidents WHERE fields = '{}'"),
      integrity: (d.prepare("PRAGMA integrity_check").get() as { integrity_check: string }).integrity_check,
    };
  } finally {
    d.close();
  }
}

test("kill -9 in the middle of an ingest leaves no half-written document; a re-run completes the job", async () => {
  const dir = tempDir();
  const inputs = join(dir, "notices");
  mkdirSync(inputs);
  for (let i = 0; i < N; i++) writeFileSync(join(inputs, `n${String(i).padStart(4, "0")}.txt`), synthetic(i, 7).text);
  const db = join(dir, "casebook.db");
  const child = cliAsync(["ingest", "--db", db, inputs]);
  const exited = new Promise((r) => child.on("exit", r));
  // Wait until some documents are committed, then kill without warning.
  for (let i = 0; i < 600; i++) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      if (counts(db).documents >= 20) break;
    } catch { /* not created yet */ }
  }
  child.kill("SIGKILL");
  await exited;
  const mid = counts(db);
  assert.equal(mid.integrity, "ok");
  assert.ok(mid.documents >= 20 && mid.documents < N, `killed after ${mid.documents} documents`);
  assert.equal(mid.orphans, 0);
  assert.equal(mid.incidents, mid.documents);

  const rerun = await cli(["ingest", "--db", db, inputs]);
  assert.equal(rerun.code, 0, rerun.stdout);
  assert.match(rerun.stdout, new RegExp(`documents read: ${N} \\(${N - mid.documents} new, ${mid.documents} already archived\\)`));
  const end = counts(db);
  assert.deepEqual([end.documents, end.incidents, end.orphans, end.integrity], [N, N, 0, "ok"]);
});
