import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { PostgresStore } from "../src/store/postgres/index.js";
import type { Store } from "../src/store/types.js";
import { cli, ROOT, tempDir } from "./helpers.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

const examples = join(ROOT, "examples/notices");
const seeds = join(ROOT, "../shared/corpus/seeds");

/** The parsed JSON a CLI command prints. */
async function json(args: string[]): Promise<unknown> {
  const r = await cli(args);
  assert.equal(r.code, 0, `${args.join(" ")}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

await withPostgres("jikenbo migrate", () => {
  test("migrate copies a whole SQLite casebook to PostgreSQL: list, search, show and history read the same", async () => {
    const db = join(tempDir(), "casebook.db");
    const ingest = await cli(["ingest", "--db", db, examples, ...(existsSync(seeds) ? [seeds] : [])]);
    assert.equal(ingest.code, 0, ingest.stderr);
    // Corrections, a merge, users and a polled source travel too.
    const rows = await json(["list", "--db", db, "--json", "--limit", "1000"]) as { id: string }[];
    assert.equal((await cli(["edit", rows[0]!.id, "affected_count=4321", "tlp=AMBER", "--by", "sato", "--why", "press call", "--db", db])).code, 0);
    assert.equal((await cli(["merge", rows[1]!.id, rows[2]!.id, "--by", "tanaka", "--db", db])).code, 0);
    assert.equal((await cli(["user", "add", "ana", "--role", "analyst", "--db", db])).code, 0);
    assert.equal((await cli(["source", "add", "https://news.invalid/rss", "--every", "6h", "--db", db])).code, 0);
    const sqlite = new SqliteStore(db);
    await sqlite.migrate();
    const watch = await sqlite.addWatchlist({ name: "intrusions", kind: "keyword", pattern: "不正アクセス", webhook_url: "https://hooks.invalid/x", secret: "s" }, { who: "ana" });
    const ids = (await sqlite.listIncidents({ limit: -1 })).map((i) => i.id);
    const hits = await sqlite.matchWatchlists(ids);
    assert.ok(hits.length > 0);

    const url = await freshDatabase();
    const migrated = await cli(["migrate", "--from", db, "--to", url]);
    assert.equal(migrated.code, 0, migrated.stderr);
    assert.match(migrated.stdout, new RegExp(`^incidents\\s+${ids.length}$`, "m"));
    assert.match(migrated.stdout, /^incident_aliases\s+1$/m);
    const again = await cli(["migrate", "--from", db, "--to", url]);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /already holds a casebook/);

    const both = async (args: string[]) => assert.deepEqual(await json([...args, "--db", url]), await json([...args, "--db", db]), args.join(" "));
    await both(["list", "--json", "--limit", "1000"]);
    await both(["search", "不正アクセス", "--json"]);
    await both(["search", "紛失", "--json"]);
    await both(["search", "氏名 住所", "--json", "--since", "2024-01-01"]);
    await both(["search", "ランサムウェア", "--json", "--type", "ransomware"]);
    await both(["show", rows[0]!.id, "--json"]);
    await both(["show", rows[2]!.id, "--json"]);
    await both(["history", rows[1]!.id, "--json"]);
    await both(["user", "list", "--json"]);
    await both(["source", "list", "--json"]);

    const pg = await PostgresStore.connect(url);
    try {
      const read = async (s: Store) => Promise.all(ids.map(async (id) => [await s.getIncident(id), await s.history(id)]));
      assert.deepEqual(await read(pg), await read(sqlite), "every incident and its history");
      assert.deepEqual(await pg.auditLog({ limit: 1000 }), await sqlite.auditLog({ limit: 1000 }));
      assert.deepEqual(await pg.hits(watch.id), await sqlite.hits(watch.id));
      for (const q of [{ q: "" }, { q: "不正アクセス" }, { q: "", tlp: ["CLEAR", "GREEN"] }]) {
        assert.deepEqual(await pg.facets(q), await sqlite.facets(q), `facets of ${JSON.stringify(q)}`);
      }
      assert.deepEqual(await pg.matchWatchlists(ids), [], "the incidents' current versions do not hit again");
      assert.equal((await pg.addUser("bob", "viewer", null, { who: "t", clearance: "RED" })).user.id, 2, "ids continue after the copied ones");
    } finally {
      await pg.close();
      await sqlite.close();
    }
  });

  test("migrate refuses a target that is not a postgres:// URL, and a missing source file", async () => {
    assert.equal((await cli(["migrate", "--from", "x.db", "--to", "/tmp/x.db"])).code, 2);
    const r = await cli(["migrate", "--from", join(tempDir(), "missing.db"), "--to", await freshDatabase()]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no casebook file/);
  });
});
