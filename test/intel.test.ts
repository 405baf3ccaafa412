import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cli, tempDir } from "./helpers.js";

const SEEDS = fileURLToPath(new URL("../../shared/corpus/seeds", import.meta.url));
const skip = !existsSync(SEEDS) && "../shared/corpus is not present";
const db = join(tempDir(), "casebook.db");
const json = async <T>(args: string[]): Promise<T> => JSON.parse((await cli([...args, "--db", db, "--json"])).stdout) as T;

test("the four dev seeds hold exactly 25 distinct incidents (000 and 001 share four)", { skip }, async () => {
  const r = await cli(["ingest", "--db", db, SEEDS]);
  assert.equal(r.code, 0, r.stdout);
  assert.equal((await json<unknown[]>(["list", "--limit", "1000"])).length, 25);
  const [hit] = await json<{ id: string }[]>(["search", "建設連合国民健康保険組合"]);
  const show = (await cli(["show", hit!.id, "--db", db])).stdout;
  assert.match(show, /merged automatically \(score 1\): same casebook number 2024-046/);
});

test("indicators on the dev corpus are real ones only", { skip }, async () => {
  const values = (await json<{ value: string }[]>(["indicators"])).map((i) => i.value).sort();
  assert.deepEqual(values, ["https://twitter.com/aichisenkyo", "shopmaster@zojirushi.co.jp", "x-xxxxxxxxx@kankyou-hozen.jp"]);
});

test("an analyst's correction survives reextract and shows in the history", { skip }, async () => {
  const [inc] = await json<{ id: string; affected_count: number }[]>(["search", "ダイヤモンド社"]);
  const e = await cli(["edit", inc!.id, "affected_count=68000", "tlp=green", "--why", "second report", "--by", "suzuki", "--db", db]);
  assert.equal(e.code, 0, e.stderr);
  assert.equal((await cli(["reextract", "--db", db])).code, 0);
  const shown = await json<{ fields: { affected_count: number }; tlp: string }>(["show", inc!.id]);
  assert.deepEqual([shown.fields.affected_count, shown.tlp], [68000, "GREEN"]);
  const h = (await cli(["history", inc!.id, "--db", db])).stdout;
  assert.match(h, /suzuki\s+edited\s+affected_count: 70000 → 68000 — second report/);
  assert.equal((await cli(["edit", inc!.id, "sector=moon", "--db", db])).code, 2);
  assert.equal((await cli(["edit", "inc_nope", "sector=media", "--db", db])).code, 1);
});

test("merge and unmerge from the command line", { skip }, async () => {
  const ids = (await json<{ id: string; sources: number }[]>(["search", "ランサムウェア"])).filter((i) => i.sources === 1).map((i) => i.id);
  assert.ok(ids.length >= 2);
  const m = await cli(["merge", ids[0]!, ids[1]!, "--why", "test", "--db", db]);
  assert.equal(m.code, 0, m.stderr);
  assert.equal((await json<unknown[]>(["list", "--limit", "1000"])).length, 24);
  const u = await cli(["unmerge", ids[0]!, "--db", db]);
  assert.equal(u.code, 0, u.stderr);
  assert.equal((await json<unknown[]>(["list", "--limit", "1000"])).length, 25);
});

test("stats agree with list and break down by every dimension", { skip }, async () => {
  const total = (await json<unknown[]>(["list", "--limit", "1000"])).length;
  for (const by of ["type", "cause", "medium", "sector", "month", "year", "basics"]) {
    const s = await json<{ total: number; rows: { key: string; label: string; incidents: number; people: number; unknown_count: number }[] }>(["stats", "--by", by]);
    assert.equal(s.total, total, by);
    for (const r of s.rows) assert.ok(r.key && r.label && r.incidents > 0 && r.people >= 0 && r.unknown_count >= 0, `${by}: ${JSON.stringify(r)}`);
  }
  const since = (await json<{ total: number }>(["stats", "--by", "year", "--since", "2024-01-01"])).total;
  assert.equal(since, (await json<unknown[]>(["list", "--limit", "1000", "--since", "2024-01-01"])).length);
  const table = (await cli(["stats", "--by", "cause", "--db", db])).stdout;
  assert.match(table, /ウイルス感染・不正アクセス\s+\d+/);
  assert.match(table, /█/);
  assert.equal((await cli(["stats", "--by", "colour", "--db", db])).code, 2);
});
