import { test } from "node:test";
import assert from "node:assert/strict";
import { synthetic } from "../bench/generate.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import postgres from "postgres";
import { PostgresStore } from "../src/store/postgres/index.js";
import { FACET_KEY, PAIRS } from "../src/store/postgres/migrations.js";
import { casefileOf, facetCacheContract, facetComboContract, pagedSearchContract, storeContract } from "./store-contract.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

/** A migrated store on a database of its own, and a raw connection to read it behind the store's back. */
async function storeWithRaw(): Promise<{ store: PostgresStore; raw: postgres.Sql }> {
  const url = await freshDatabase();
  const store = await PostgresStore.connect(url);
  await store.migrate();
  return { store, raw: postgres(url, { max: 1, onnotice: () => {} }) };
}

await withPostgres("postgres store contract", () => {
  storeContract("postgres", async () => {
    const s = await PostgresStore.connect(await freshDatabase());
    await s.migrate();
    return s;
  });

  facetCacheContract("postgres", async () => {
    const url = await freshDatabase();
    const server = await PostgresStore.connect(url);
    await server.migrate();
    // Another process on the same database, and a raw connection that writes without the store.
    const other = await PostgresStore.connect(url);
    const raw = postgres(url, { max: 1, onnotice: () => {} });
    return {
      server, other,
      behindTheBack: async (tlp) => { await raw`UPDATE incidents SET tlp = ${tlp}`; },
      close: async () => { await raw.end({ timeout: 5 }); await other.close(); await server.close(); },
    };
  });

  test("postgres: each incident's characters and character pairs as the writer keeps them are the ones the migration's SQL computes", async () => {
    const { store, raw } = await storeWithRaw();
    try {
      for (let i = 0; i < 12; i++) await store.saveCasefile(await casefileOf(synthetic(i).text, `s/${i}.txt`), SYSTEM_WRITER);
      const rows = await raw<{ n: number; same: number; filled: number }[]>`SELECT count(*)::int AS n,
        count(*) FILTER (WHERE i.pairs @> ${raw.unsafe(PAIRS)} AND i.pairs <@ ${raw.unsafe(PAIRS)})::int AS same,
        count(*) FILTER (WHERE cardinality(i.pairs) > 100)::int AS filled FROM incidents i`;
      assert.deepEqual(rows[0], { n: 12, same: 12, filled: 12 });
    } finally {
      await raw.end({ timeout: 5 });
      await store.close();
    }
  });

  test("postgres: large values are stored compressed with LZ4 where the server has it", async () => {
    const { store, raw } = await storeWithRaw();
    try {
      await store.saveCasefile(await casefileOf(synthetic(0).text.repeat(8), "s/0.txt"), SYSTEM_WRITER);
      const [v] = await raw<{ version: number }[]>`SELECT current_setting('server_version_num')::int AS version`;
      const [c] = await raw<{ column: string; value: string | null }[]>`SELECT
        (SELECT string_agg(attcompression::text, '' ORDER BY attname) FROM pg_attribute WHERE (attrelid, attname) IN
          (('documents'::regclass, 'bytes'), ('incidents'::regclass, 'body'), ('incidents'::regclass, 'pairs'))) AS column,
        (SELECT pg_column_compression(text) FROM documents) AS value`;
      // 'l': lz4 (the document's bytes, the incident's text and its pairs); a PostgreSQL 13 server (or one built without lz4) keeps its default.
      if (v!.version >= 140000) assert.deepEqual(c, { column: "lll", value: "lz4" });
    } finally {
      await raw.end({ timeout: 5 });
      await store.close();
    }
  });

  pagedSearchContract("postgres", async () => {
    const s = await PostgresStore.connect(await freshDatabase());
    await s.migrate();
    return s;
  });

  facetComboContract("postgres", async () => {
    const { store, raw } = await storeWithRaw();
    return {
      store,
      combos: async () => [...await raw<{ written: string | null; computed: string }[]>`
        SELECT c.key::text AS written, (${raw.unsafe(FACET_KEY)})::text AS computed FROM incidents i LEFT JOIN facet_combos c ON c.id = i.facet_combo ORDER BY i.seq`],
      close: async () => { await raw.end({ timeout: 5 }); await store.close(); },
    };
  });
});
