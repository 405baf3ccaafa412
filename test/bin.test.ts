import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, tempDir } from "./helpers.js";

// The built command, as `npm start` and `npx jikenbo` run it (dist/ is built by `npm ci` and `npm test`).
const bin = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, "bin/jikenbo.js"), ...args], { cwd: ROOT, env: { ...process.env, ...env } });

test("the built CLI prints its version and help", () => {
  const v = bin(["--version"]);
  assert.equal(v.status, 0);
  assert.match(v.stdout.toString(), /^\d+\.\d+\.\d+/);
  const h = bin(["--help"]);
  assert.equal(h.status, 0);
  for (const c of ["ingest", "extract", "list", "search", "show", "reextract", "demo"]) assert.match(h.stdout.toString(), new RegExp(`\\b${c}\\b`));
});

test("`npm start` (jikenbo demo) ingests the bundled examples into $JIKENBO_DB and shows the casebook", () => {
  const db = join(tempDir(), "demo.db");
  const r = bin(["demo"], { JIKENBO_DB: db });
  assert.equal(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString();
  assert.match(out, new RegExp(`casebook: ${db.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  assert.match(out, /incidents: 12 new/);
  assert.match(out, /医療法人社団青葉会/);
});
