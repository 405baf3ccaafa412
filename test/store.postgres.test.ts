import postgres from "postgres";
import { PostgresStore } from "../src/store/postgres/index.js";
import { FACET_KEY } from "../src/store/postgres/migrations.js";
import { facetCacheContract, facetComboContract, storeContract } from "./store-contract.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

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

  facetComboContract("postgres", async () => {
    const url = await freshDatabase();
    const store = await PostgresStore.connect(url);
    await store.migrate();
    const raw = postgres(url, { max: 1, onnotice: () => {} });
    return {
      store,
      combos: async () => [...await raw<{ written: string | null; computed: string }[]>`
        SELECT c.key::text AS written, (${raw.unsafe(FACET_KEY)})::text AS computed FROM incidents i LEFT JOIN facet_combos c ON c.id = i.facet_combo ORDER BY i.seq`],
      close: async () => { await raw.end({ timeout: 5 }); await store.close(); },
    };
  });
});
