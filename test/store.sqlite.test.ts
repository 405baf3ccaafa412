import Database from "better-sqlite3";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { FACET_KEY } from "../src/store/sqlite/migrations.js";
import { facetCacheContract, facetComboContract, storeContract } from "./store-contract.js";

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

facetComboContract("sqlite", async () => {
  const file = join(dir, `t${n++}.db`);
  const store = new SqliteStore(file);
  await store.migrate();
  const raw = new Database(file, { readonly: true });
  return {
    store,
    combos: async () => raw.prepare(`SELECT c.key AS written, ${FACET_KEY} AS computed FROM incidents i LEFT JOIN facet_combos c ON c.id = i.facet_combo ORDER BY i.rowid`).all() as { written: string | null; computed: string }[],
    close: async () => { raw.close(); await store.close(); },
  };
});