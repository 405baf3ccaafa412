import type { Query } from "./step.js";

// The shared queries are spelled for PostgreSQL; SQLite (3.38+: ->, ->>, NULLS FIRST/LAST, RETURNING,
// upserts, TRUE/FALSE) reads them after these rewrites. Rows and JSON come back alike from both:
// JSON columns as text, booleans as SQLite's 0/1 or PostgreSQL's true/false (read with Boolean()).

const REWRITES: [RegExp, string][] = [
  // A list parameter: PostgreSQL takes an array, SQLite its JSON text.
  [/= ANY\((\$\d+)::\w+\[\]\)/g, "IN (SELECT value FROM json_each($1))"],
  // Rows passed as one JSON array, in order: read as JSONB, whose rows' values are not parsed again for each column.
  [/jsonb_array_elements\((\$\d+)::jsonb\) WITH ORDINALITY AS (\w+)\(value, key\)/g, "jsonb_each(jsonb($1)) $2"],
  // Casts and byte-wise collation (SQLite's is byte-wise already).
  [/::\w+(\[\])?/g, ""],
  [/ COLLATE "C"/g, ""],
  // Insertion order: PostgreSQL's seq columns are SQLite's rowids.
  [/\bseq\b/g, "rowid"],
];

const cache = new Map<string, { sql: string; order: number[] }>();

/** A shared query as SQLite takes it: `$n` placeholders become `?` (their parameters reordered), arrays and booleans become JSON text and 0/1. */
export function toSqlite(query: Query): { sql: string; params: unknown[] } {
  let t = cache.get(query.sql);
  if (!t) {
    const order: number[] = [];
    const sql = REWRITES.reduce((s, [from, to]) => s.replace(from, to), query.sql).replace(/\$(\d+)/g, (_, n: string) => {
      order.push(Number(n) - 1);
      return "?";
    });
    t = { sql, order };
    cache.set(query.sql, t);
  }
  return { sql: t.sql, params: t.order.map((i) => sqliteValue(query.params[i])) };
}

/** A parameter as better-sqlite3 binds it. */
function sqliteValue(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (Array.isArray(v)) return JSON.stringify(v);
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v);
  return v;
}
