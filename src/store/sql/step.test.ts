import { test } from "node:test";
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { toSqlite } from "./dialect.js";
import { all, batch, driveAsync, driveSync, later, q, type Query, type Row, type Step } from "./step.js";

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

test("a query's error is thrown where the step yielded it, on either driver", async () => {
  function* step(): Step<string> {
    try {
      yield* all("SELECT broken");
      return "no error";
    } catch (e) {
      return (yield* all<{ v: string }>("SELECT $1 AS v", (e as Error).message))[0]!.v;
    }
  }
  const exec = (query: { sql: string; params: unknown[] }): Row[] => {
    if (query.sql.includes("broken")) throw new Error("no column broken");
    return [{ v: query.params[0] }];
  };
  assert.equal(driveSync(step(), exec), "no column broken");
  assert.equal(await driveAsync(step(), async (query) => exec(query)), "no column broken");
});

test("later writes run before the next query, go out with it on PostgreSQL's driver, and are sent at the end if nothing follows", async () => {
  function* step(): Step<unknown> {
    yield* later([q("INSERT 1"), q("INSERT 2")]);
    yield* later([q("INSERT 3")]);
    const [rows] = yield* batch([q("SELECT a")]);
    yield* later([q("INSERT 4")]);
    return rows;
  }
  const sync: string[] = [];
  assert.deepEqual(driveSync(step(), (query) => { sync.push(query.sql); return [{ sql: query.sql }]; }), [{ sql: "SELECT a" }]);
  assert.deepEqual(sync, ["INSERT 1", "INSERT 2", "INSERT 3", "SELECT a", "INSERT 4"]);

  // The async driver: the writes held, then sent in the same turn as the query (one round trip), each batch in order.
  const turns: string[][] = [];
  let turn: string[] | null = null;
  const exec = async (query: Query): Promise<Row[]> => {
    if (!turn) { turn = []; turns.push(turn); queueMicrotask(() => { turn = null; }); }
    turn.push(query.sql);
    return [{ sql: query.sql }];
  };
  assert.deepEqual(await driveAsync(step(), exec), [{ sql: "SELECT a" }]);
  assert.deepEqual(turns, [["INSERT 1", "INSERT 2", "INSERT 3", "SELECT a"], ["INSERT 4"]]);
});

test("a later write's error is thrown where the step next yields", async () => {
  function* step(): Step<string> {
    yield* later([q("INSERT broken")]);
    try {
      yield* all("SELECT 1");
      return "no error";
    } catch (e) {
      return (e as Error).message;
    }
  }
  const exec = (query: { sql: string }): Row[] => {
    if (query.sql.includes("broken")) throw new Error("broken insert");
    return [];
  };
  // SQLite runs it at once: the error comes at the later write's own yield, outside the try.
  assert.throws(() => driveSync(step(), exec), /broken insert/);
  assert.equal(await driveAsync(step(), async (query) => exec(query)), "broken insert");
});
