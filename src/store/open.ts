import { homedir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "./sqlite/index.js";
import type { Store } from "./types.js";

/** Where the casebook lives when neither --db nor $JIKENBO_DB says: a per-user data file. */
export function defaultDbPath(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "jikenbo", "casebook.db");
}

/** Open (and migrate) the store a --db value names: a file path, or a postgres:// URL. */
export async function openStore(spec?: string): Promise<Store> {
  const target = spec || process.env.JIKENBO_DB || defaultDbPath();
  if (/^postgres(?:ql)?:\/\//i.test(target)) {
    throw new Error("postgres:// casebooks need the PostgreSQL backend, which this build does not include yet");
  }
  const store = new SqliteStore(target);
  await store.migrate();
  return store;
}
