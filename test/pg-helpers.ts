import { test, after } from "node:test";
import assert from "node:assert/strict";
import postgres from "postgres";

/** The PostgreSQL server the tests use: $JIKENBO_TEST_PG, else the local one with trust auth. */
export const PG_URL = process.env.JIKENBO_TEST_PG || "postgres://postgres@127.0.0.1:5432/postgres";

/** Why the test server cannot be used, or null when it answers. */
async function unreachable(): Promise<string | null> {
  const sql = postgres(PG_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`SELECT 1`;
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  } finally {
    await sql.end({ timeout: 1 });
  }
}

let admin: postgres.Sql | null = null;
const created: string[] = [];
let counter = 0;

/** A new empty database (UTF-8, C.UTF-8) on the test server, dropped when the file's tests end; returns its URL. */
export async function freshDatabase(): Promise<string> {
  admin ??= postgres(PG_URL, { max: 1, onnotice: () => {} });
  const name = `jikenbo_test_${process.pid}_${counter++}_${Math.random().toString(36).slice(2, 8)}`;
  await admin.unsafe(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  created.push(name);
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

after(async () => {
  if (!admin) return;
  for (const name of created) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end({ timeout: 5 });
});

/** Register `body`'s tests when the server answers; otherwise one test that fails under $CI and is skipped elsewhere. */
export async function withPostgres(name: string, body: () => void): Promise<void> {
  const why = await unreachable();
  if (why === null) { body(); return; }
  const message = `PostgreSQL at ${PG_URL} is unreachable (${why}); start it or point $JIKENBO_TEST_PG at a server`;
  if (process.env.CI) test(`${name}: the PostgreSQL test server is reachable`, () => assert.fail(message));
  else test(name, { skip: message }, () => {});
}
