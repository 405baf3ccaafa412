import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
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

test("`jikenbo demo --no-serve` ingests the bundled examples into $JIKENBO_DB and shows the casebook", () => {
  const db = join(tempDir(), "demo.db");
  const r = bin(["demo", "--no-serve"], { JIKENBO_DB: db });
  assert.equal(r.status, 0, r.stderr.toString());
  const out = r.stdout.toString();
  assert.match(out, new RegExp(`casebook: ${db.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  assert.match(out, /incidents: 12 new/);
  assert.match(out, /医療法人社団青葉会/);
});

test("`npm start` (jikenbo demo) then serves the web UI and the API until SIGINT", async () => {
  const db = join(tempDir(), "demo.db");
  const child = spawn(process.execPath, [join(ROOT, "bin/jikenbo.js"), "demo", "--port", "0"], {
    cwd: ROOT, env: { ...process.env, JIKENBO_DB: db, JIKENBO_LOG: "silent" }, stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let seen = "";
      child.stdout.on("data", (b: Buffer) => {
        seen += b.toString();
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(seen);
        if (m) resolve(m[1]!);
      });
      child.once("exit", () => reject(new Error(`demo exited before serving: ${seen}`)));
    });
    const page = await fetch(`${url}/incidents/inc_0000000000000000`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get("content-security-policy") ?? "", /script-src 'self'/);
    assert.match(await page.text(), /<div id="app">/);
    const list = (await (await fetch(`${url}/api/v1/incidents`)).json()) as { total: number };
    assert.equal(list.total, 12);
  } finally {
    child.kill("SIGINT");
  }
  assert.equal(await exited, 0);
});
