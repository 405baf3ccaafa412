import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { toSqlite } from "./dialect.js";
import { all, batch, driveSync, q, type Row, type Step } from "./step.js";

test("placeholders become ?, their parameters in the order they appear, a reused one repeated", () => {
  assert.deepEqual(toSqlite(q("SELECT $2 AS b, $1 AS a WHERE x = $2", "a", "b")), { sql: "SELECT ? AS b, ? AS a WHERE x = ?", params: ["b", "a", "b"] });
});

test("casts and the C collation go; a list parameter is read off its JSON; seq is the rowid", () => {
  const t = toSqlite(q(`SELECT id FROM t WHERE id = ANY($1::text[]) AND k = $2::text COLLATE "C" AND v <> '{}'::jsonb ORDER BY seq`, ["a", "b"], "k"));
  assert.deepEqual(t, { sql: "SELECT id FROM t WHERE id IN (SELECT value FROM json_each(?)) AND k = ? AND v <> '{}' ORDER BY rowid", params: ['["a","b"]', "k"] });
});

test("rows from a JSON array keep their order; booleans bind as 0/1, undefined as null, bytes as a Buffer", () => {
  const t = toSqlite(q("INSERT INTO t SELECT $1, r.value->>0 FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(value, key) ORDER BY r.key", true, "[]"));
  assert.equal(t.sql, "INSERT INTO t SELECT ?, r.value->>0 FROM json_each(?) r ORDER BY r.key");
  assert.deepEqual(t.params, [1, "[]"]);
  assert.deepEqual(toSqlite(q("SELECT $1, $2", undefined, new Uint8Array([1]))).params, [null, Buffer.from([1])]);
});

test("a step runs to its end on SQLite, each batch in order", () => {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, on_ INTEGER)");
  function* step(): Step<Row[]> {
    yield* batch([
      q(`INSERT INTO t (v, on_) SELECT r.value->>0, $1 FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(value, key) WHERE true ORDER BY r.key`, false, JSON.stringify([["x"], ["y"]])),
      q("UPDATE t SET on_ = true WHERE v = ANY($1::text[])", ["y"]),
    ]);
    return yield* all("SELECT v, on_ FROM t ORDER BY seq");
  }
  const rows = driveSync(step(), (query) => {
    const { sql, params } = toSqlite(query);
    const s = db.prepare(sql);
    return s.reader ? (s.all(...params) as Row[]) : (s.run(...params), []);
  });
  assert.deepEqual(rows, [{ v: "x", on_: 0 }, { v: "y", on_: 1 }]);
  db.close();
});
