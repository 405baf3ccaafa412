import { test } from "node:test";
import assert from "node:assert/strict";
import { synthetic } from "../bench/generate.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import postgres from "postgres";
import { PostgresStore } from "../src/store/postgres/index.js";
import { FACET_KEY, PAIRS } from "../src/store/postgres/migrations.js";
import { casefileOf, facetCacheContract, facetComboContract, storeContract } from "./store-contract.js";
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

  test("postgres: pages of a search for several words are slices of its whole answer, whether the words go together or are rare", async () => {
    const store = await PostgresStore.connect(await freshDatabase());
    await store.migrate();
    try {
      const letters = (i: number) => [...String(i)].map((d) => "アイウエオカキクケコ"[Number(d)]).join("");
      // 160 incidents over seven years: 氏名 and 流出 go together in four of five; USB and 紛失 in two only, far apart.
      for (let i = 0; i < 160; i++) {
        const date = `${2019 + (i % 7)}年${1 + (i % 12)}月${1 + (i % 28)}日`;
        const text = i % 5 === 0
          ? `${date}\n株式会社${letters(i)}テック\n\n書類の紛失について\n\n${date}、顧客の名簿${i === 5 || i === 150 ? "を保存したUSBメモリ" : ""}を紛失したことが判明しました。\n`
          : `${date}\n株式会社${letters(i)}テック\n\nランサムウェア被害に関するお知らせ\n\n${date}、当社のサーバーがランサムウェアに感染しました。顧客の氏名が流出した可能性があります。\n`;
        await store.saveCasefile(await casefileOf(text, `r${i}.txt`), SYSTEM_WRITER);
      }
      const queries = [{ q: "氏名 流出" }, { q: "氏名 流出", sort: "oldest" as const }, { q: "流出 顧客", until: "2023-06-30" }, { q: "氏名 流出", type: "ransomware" as const },
        { q: "usb 紛失" }, { q: "usb 紛失", sort: "oldest" as const }, { q: "名簿 紛失", since: "2021-01-01" }, { q: "漏えい 氏名" }];
      for (const q of queries) {
        const whole = (await store.searchIncidents({ ...q, limit: -1 })).map((i) => i.id);
        assert.ok(whole.length > 0 || q.q === "漏えい 氏名", JSON.stringify(q));
        for (const [limit, offset] of [[10, 0], [10, 35], [50, 60], [1, 0], [1, 1], [5, Math.max(0, whole.length - 2)]] as const) {
          assert.deepEqual((await store.searchIncidents({ ...q, limit, offset })).map((i) => i.id), whole.slice(offset, offset + limit), `${JSON.stringify(q)} ${limit}@${offset}`);
        }
      }
    } finally {
      await store.close();
    }
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
