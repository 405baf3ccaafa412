import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthetic } from "../bench/generate.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { FACET_KEY } from "../src/store/sqlite/migrations.js";
import { casefileOf, facetCacheContract, storeContract } from "./store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "jikenbo-store-"));
let n = 0;

storeContract("sqlite", async () => {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  return s;
});

facetCacheContract("sqlite", async () => {
  const file = join(dir, `t${n++}.db`);
  const server = new SqliteStore(file);
  await server.migrate();
  // A CLI beside the server: another connection to the same file.
  const other = new SqliteStore(file);
  return { server, other, close: async () => { await other.close(); await server.close(); } };
});

test("sqlite: the facet combination the writer computes is the one the migration's SQL computes from the row", async () => {
  const file = join(dir, `t${n++}.db`);
  const s = new SqliteStore(file);
  await s.migrate();
  try {
    for (let i = 0; i < 40; i++) await s.saveCasefile(await casefileOf(synthetic(i).text, `s/${i}.txt`), SYSTEM_WRITER);
    const [first] = await s.listIncidents();
    await s.edit(first!.id, [{ field: "incident_types", value: ["ransomware", "loss", "ransomware"] }, { field: "sector", value: null }], { who: "ana", clearance: "RED" });
    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare(`SELECT c.key AS written, ${FACET_KEY} AS computed FROM incidents i LEFT JOIN facet_combos c ON c.id = i.facet_combo`).all() as { written: string | null; computed: string }[];
    raw.close();
    assert.equal(rows.length, await s.countIncidents());
    assert.ok(rows.some((r) => JSON.parse(r.computed)[4].length > 0), "some incidents carry a cause");
    assert.deepEqual(rows.map((r) => r.written), rows.map((r) => r.computed));
  } finally {
    await s.close();
  }
});
