import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { facetCacheContract, storeContract } from "./store-contract.js";

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
