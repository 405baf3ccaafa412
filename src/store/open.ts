import { homedir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "./sqlite/index.js";
import type { Store } from "./types.js";

/** Where the casebook lives when neither --db nor $JIKENBO_DB says: a per-user data file. */
export function defaultDbPath(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), ".local", "share");
  return join(base, "jikenbo", "casebook.db");
}

/** Whether a --db value names a PostgreSQL casebook (a postgres:// or postgresql:// URL). */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(spec);
}

/** Open (and migrate) the store a --db value names: a file path, or a postgres:// URL. */
export async function openStore(spec?: string): Promise<Store> {
  const target = spec || process.env.JIKENBO_DB || defaultDbPath();
  // The PostgreSQL driver loads only for a postgres:// casebook.
  const store = isPostgresUrl(target) ? await (await import("./postgres/index.js")).PostgresStore.connect(target) : new SqliteStore(target);
  try {
    await store.migrate();
  } catch (e) {
    await store.close();
    throw e;
  }
  return store;
}
