import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { storeContract } from "./store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "jikenbo-store-"));
let n = 0;

storeContract("sqlite", async () => {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  return s;
});
