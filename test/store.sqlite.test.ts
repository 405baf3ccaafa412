import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { SYSTEM_WRITER as OWNER } from "../src/store/records.js";
import { casefileOf, storeContract } from "./store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "jikenbo-store-"));
let n = 0;

storeContract("sqlite", async () => {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  return s;
});

const CLEAR = ["CLEAR"];
const NOTICE = (org: string, n: number) =>
  `2025年6月${n}日\n株式会社${org}\n\n不正アクセスに関するお知らせ\n\n当社サーバーへの不正アクセスにより、顧客${n}00名の氏名が流出した可能性があります。\n`;

test("facet counts are remembered only while the file is unchanged, whoever writes to it", async () => {
  const file = join(dir, `t${n++}.db`);
  const server = new SqliteStore(file);
  await server.migrate();
  const cli = new SqliteStore(file);
  try {
    await server.saveCasefile(await casefileOf(NOTICE("あおば製作所", 3), "a.txt"), OWNER);
    const first = await server.facets({ q: "不正アクセス", tlp: CLEAR });
    assert.equal(first.total, 1);
    first.total = 99;
    assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 1, "a caller's copy is its own");

    await cli.saveCasefile(await casefileOf(NOTICE("みどり物産", 4), "b.txt"), OWNER);
    assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 2, "another connection's commit is seen");

    await server.saveCasefile(await casefileOf(NOTICE("しらかば工業", 5), "c.txt"), OWNER);
    assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR })).total, 3, "this connection's own write is seen");
    assert.equal((await server.facets({ q: "不正アクセス", tlp: CLEAR, limit: 5, offset: 10, sort: "oldest" })).total, 3, "paging and order do not matter");
    assert.equal((await server.facets({ q: "不正アクセス", tlp: [] })).total, 0, "clearance is part of the question");
  } finally {
    await cli.close();
    await server.close();
  }
});
