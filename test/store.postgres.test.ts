import { test } from "node:test";
import assert from "node:assert/strict";
import postgres from "postgres";
import { PostgresStore } from "../src/store/postgres/index.js";
import { SYSTEM_WRITER as OWNER } from "../src/store/records.js";
import { casefileOf, storeContract } from "./store-contract.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

const CLEAR = ["CLEAR"];
const NOTICE = (org: string, n: number) =>
  `2025年6月${n}日\n株式会社${org}\n\n不正アクセスに関するお知らせ\n\n当社サーバーへの不正アクセスにより、顧客${n}00名の氏名が流出した可能性があります。\n`;

await withPostgres("postgres store contract", () => {
  storeContract("postgres", async () => {
    const s = await PostgresStore.connect(await freshDatabase());
    await s.migrate();
    return s;
  });

  test("facet counts are remembered only while the casebook's version stands, whichever process writes", async () => {
    const url = await freshDatabase();
    const server = await PostgresStore.connect(url);
    await server.migrate();
    const other = await PostgresStore.connect(url);
    const raw = postgres(url, { max: 1, onnotice: () => {} });
    try {
      await server.saveCasefile(await casefileOf(NOTICE("あおば製作所", 3), "a.txt"), OWNER);
      const first = await server.facets({ q: "不正アクセス", tlp: CLEAR });
      assert.equal(first.total, 1);
      first.total = 99;
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 1, "a caller's copy is its own");

      // A change behind the store's back (no version bump) is not seen: the counts come from the cache.
      await raw`UPDATE incidents SET tlp = 'RED'`;
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 1, "kept while the version stands");
      await raw`UPDATE incidents SET tlp = 'CLEAR'`;

      await other.saveCasefile(await casefileOf(NOTICE("みどり物産", 4), "b.txt"), OWNER);
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 2, "another process's write is seen");

      await server.saveCasefile(await casefileOf(NOTICE("しらかば工業", 5), "c.txt"), OWNER);
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 3, "this process's own write is seen");
      assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR, limit: 5, offset: 10, sort: "oldest" })).total, 3, "paging and order do not matter");
      assert.equal((await server.facets({ q: "不正アクセス", tlp: [] })).total, 0, "clearance is part of the question");
    } finally {
      await raw.end({ timeout: 5 });
      await other.close();
      await server.close();
    }
  });
});
