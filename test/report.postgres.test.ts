// The reports on PostgreSQL: the same casebook gives the same reports as on SQLite, anonymous readers included.
import assert from "node:assert/strict";
import { test } from "node:test";
import { tally } from "../src/intel/stats.js";
import { annualReport, lessonsReport, monthlyReport } from "../src/report/load.js";
import { PostgresStore } from "../src/store/postgres/index.js";
import type { Store } from "../src/store/types.js";
import { emptyStore, seed } from "./http-kit.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";

await withPostgres("reports on postgres", () => {
  test("monthly, annual and lessons reports are the same on PostgreSQL as on SQLite, for the owner and for anonymous readers", async () => {
    const sqlite = await emptyStore();
    const pg: Store = await PostgresStore.connect(await freshDatabase());
    try {
      await pg.migrate();
      await seed(sqlite);
      await seed(pg);
      const inputs = await sqlite.statInputs();
      const keys = (by: "month" | "year") => tally(inputs, by).rows.map((r) => r.key).filter((k) => k !== "unknown");
      assert.ok(keys("month").length > 3);
      for (const scope of [{ lang: "ja" as const }, { lang: "en" as const, tlp: ["CLEAR"] }]) {
        for (const m of keys("month")) assert.deepEqual(await monthlyReport(pg, m, scope), await monthlyReport(sqlite, m, scope), m);
        for (const y of keys("year")) {
          assert.deepEqual(await annualReport(pg, y, scope), await annualReport(sqlite, y, scope), y);
          assert.deepEqual(await lessonsReport(pg, y, scope), await lessonsReport(sqlite, y, scope), y);
        }
      }
    } finally {
      await pg.close();
      await sqlite.close();
    }
  });
});
