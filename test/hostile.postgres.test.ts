import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { openStore } from "../src/store/open.js";
import { ROOT } from "./helpers.js";
import { hostileSuite } from "./hostile.js";
import { inScene, jikenbo, noticeFile, POSTGRES, SQLITE, submit, type Scene } from "./hostile-kit.js";
import { bearer, EXAMPLES, HTTP_FIXTURES, seed } from "./http-kit.js";
import { freshDatabase, withPostgres } from "./pg-helpers.js";
import { ODD, ODD_QUERIES } from "./store-contract.js";
import { propertySuite } from "./tlp-property.js";

const SEEDS = join(ROOT, "../shared/corpus/seeds");

await withPostgres("postgres hostile-analyst suite", () => {
  hostileSuite(POSTGRES);
  propertySuite(POSTGRES);

  test("sqlite ↔ postgres search: the same queries over the same casebook return the same incidents and counts", async () => {
    const inputs = [EXAMPLES, join(HTTP_FIXTURES, "shared-indicator.txt"), noticeFile(ODD), ...(existsSync(SEEDS) ? [SEEDS] : [])];
    const answers = async (s: Scene) => {
      await seed(s.store, inputs);
      const out: Record<string, unknown> = {};
      for (const q of ["正", "不%", ...ODD_QUERIES, "不正アクセス", "個人情報", "メール 送信", "ランサム ウェア"]) {
        for (const path of [`/api/v1/incidents?limit=500&q=${encodeURIComponent(q)}`, `/api/v1/stats?q=${encodeURIComponent(q)}`]) {
          const res = await s.app.request(path, { headers: bearer(s.tokens.red) });
          const body = (await res.json()) as { items?: { id: string }[]; total: number };
          out[`${path}`] = { status: res.status, total: body.total, ids: body.items?.map((i) => i.id).sort() };
        }
      }
      return out;
    };
    let lite: Record<string, unknown> = {};
    await inScene(SQLITE, async (s) => { lite = await answers(s); });
    await inScene(POSTGRES, async (s) => assert.deepEqual(await answers(s), lite));
    assert.ok(Object.values(lite).some((a) => (a as { total: number }).total > 20), "the casebook is big enough to tell");
  });

  test("sqlite → postgres L3: jikenbo migrate copies TAXII submissions and their status records", () => inScene(SQLITE, async (s) => {
    const status = await submit(s, "ana", { name: "L3移行案件", org: "架空移行株式会社", tlp: "AMBER", count: 7 });
    const levels = ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"];
    const objects = await s.store.taxiiObjects({ tlp: levels });
    assert.equal(objects.length, 5);
    const url = await freshDatabase();
    const r = await jikenbo("migrate", "--from", s.db, "--to", url, "--json");
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([JSON.parse(r.stdout).taxii_objects, JSON.parse(r.stdout).taxii_status], [5, 1]);
    const pg = await openStore(url);
    try {
      assert.deepEqual(await pg.taxiiObjects({ tlp: levels }), objects);
      assert.deepEqual(await pg.taxiiStatus(status.id), await s.store.taxiiStatus(status.id));
    } finally {
      await pg.close();
    }
  }));
});
