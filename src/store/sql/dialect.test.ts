import { test } from "node:test";
import assert from "node:assert/strict";
import { toSqlite } from "./dialect.js";
import { q } from "./step.js";

test("placeholders become ?, their parameters in the order they appear, a reused one repeated", () => {
  assert.deepEqual(toSqlite(q("SELECT $2 AS b, $1 AS a WHERE x = $2", "a", "b")), { sql: "SELECT ? AS b, ? AS a WHERE x = ?", params: ["b", "a", "b"] });
});

test("casts and the C collation go; a list parameter is read off its JSON; seq is the rowid", () => {
  const t = toSqlite(q(`SELECT id FROM t WHERE id = ANY($1::text[]) AND k = $2::text COLLATE "C" AND v <> '{}'::jsonb ORDER BY seq`, ["a", "b"], "k"));
  assert.deepEqual(t, { sql: "SELECT id FROM t WHERE id IN (SELECT value FROM json_each(?)) AND k = ? AND v <> '{}' ORDER BY rowid", params: ['["a","b"]', "k"] });
});

test("rows from a JSON array keep their order; booleans bind as 0/1, undefined as null, bytes as a Buffer", () => {
  const t = toSqlite(q("INSERT INTO t SELECT $1, r.value->>0 FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS r(value, key) ORDER BY r.key", true, "[]"));
  assert.equal(t.sql, "INSERT INTO t SELECT ?, r.value->>0 FROM jsonb_each(jsonb(?)) r ORDER BY r.key");
  assert.deepEqual(t.params, [1, "[]"]);
  assert.deepEqual(toSqlite(q("SELECT $1, $2", undefined, new Uint8Array([1]))).params, [null, Buffer.from([1])]);
});
