import { PostgresStore } from "../src/store/postgres/index.js";
import { storeContract } from "./store-contract.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

await withPostgres("postgres store contract", () =>
  storeContract("postgres", async () => {
    const s = await PostgresStore.connect(await freshDatabase());
    await s.migrate();
    return s;
  }));
