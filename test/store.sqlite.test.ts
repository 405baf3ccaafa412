import Database from "better-sqlite3";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { FACET_KEY, SQLITE_MIGRATIONS } from "../src/store/sqlite/migrations.js";
import { reextractAll } from "../src/core/reextract.js";
import { SYSTEM_WRITER as OWNER } from "../src/store/records.js";
import { casefileOf, facetCacheContract, facetComboContract, pagedSearchContract, storeContract } from "./store-contract.js";

const dir = mkdtempSync(join(tmpdir(), "jikenbo-store-"));
let n = 0;

storeContract("sqlite", async () => {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  return s;
});

pagedSearchContract("sqlite", async () => {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  return s;
});

facetCacheContract("sqlite", async () => {
  const file = join(dir, `t${n++}.db`);
  const server = new SqliteStore(file);
  await server.migrate();
  // A CLI beside the server: another connection to the same file.
  const other = new SqliteStore(file);
  // A change behind the stores' backs: a third connection that bumps no casebook version.
  const raw = new Database(file);
  const behindTheBack = async (tlp: string) => { raw.prepare("UPDATE incidents SET tlp = ?").run(tlp); };
  return { server, other, behindTheBack, close: async () => { raw.close(); await other.close(); await server.close(); } };
});

facetComboContract("sqlite", async () => {
  const file = join(dir, `t${n++}.db`);
  const store = new SqliteStore(file);
  await store.migrate();
  const raw = new Database(file, { readonly: true });
  return {
    store,
    combos: async () => raw.prepare(`SELECT c.key AS written, ${FACET_KEY} AS computed FROM incidents i LEFT JOIN facet_combos c ON c.id = i.facet_combo ORDER BY i.rowid`).all() as { written: string | null; computed: string }[],
    close: async () => { raw.close(); await store.close(); },
  };
});
test("sqlite: words with a common type, or before a date, walk the text index and find what a filtered search finds", async () => {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  try {
    // More incidents of the type than the rare-type path takes (RARE_TYPE), each organisation its own.
    const letters = (i: number) => [...String(i)].map((d) => "アイウエオカキクケコ"[Number(d)]).join("");
    // Spread over seven years, so that a date splits them.
    for (let i = 0; i < 160; i++) {
      const org = `株式会社${letters(i)}テック`;
      const date = `${2019 + (i % 7)}年${1 + (i % 12)}月${1 + (i % 28)}日`;
      const text = i % 5 === 0
        ? `${date}\n${org}\n\n書類の紛失について\n\n${date}、顧客の氏名を記載した名簿を紛失したことが判明しました。\n`
        : `${date}\n${org}\n\nランサムウェア被害に関するお知らせ\n\n${date}、当社のサーバーがランサムウェアに感染しました。顧客の氏名が流出した可能性があります。\n`;
      await s.saveCasefile(await casefileOf(text, `r${i}.txt`), OWNER);
    }
    const ransom = new Set((await s.listIncidents({ type: "ransomware", limit: -1 })).map((i) => i.id));
    assert.ok(ransom.size > 100, `${ransom.size} ransomware incidents`);
    const expected = (await s.searchIncidents({ q: "氏名", limit: -1 })).map((i) => i.id).filter((id) => ransom.has(id));
    assert.ok(expected.length > 100 && expected.length < (await s.searchIncidents({ q: "氏名", limit: -1 })).length);
    assert.deepEqual((await s.searchIncidents({ q: "氏名", type: "ransomware", limit: -1 })).map((i) => i.id), expected);
    assert.deepEqual((await s.searchIncidents({ q: "氏名", type: "ransomware", limit: 10, offset: 95 })).map((i) => i.id), expected.slice(95, 105));
    assert.equal((await s.facets({ q: "氏名", type: "ransomware" })).total, expected.length);
    // Newest first before a date: pages are the slices of the whole answer, which is oldest first reversed.
    for (const q of [{ q: "氏名", until: "2023-06-30" }, { q: "氏名", until: "2025-12-31", since: "2020-03-01" }, { q: "名簿", until: "2022-01-15" }, { q: "顧客", until: "2019-02-01" }]) {
      const whole = (await s.searchIncidents({ ...q, limit: -1 })).map((i) => i.id);
      assert.deepEqual(whole, (await s.searchIncidents({ ...q, sort: "oldest", limit: -1 })).map((i) => i.id).reverse(), JSON.stringify(q));
      for (const [limit, offset] of [[10, 0], [10, 35], [50, 60], [5, Math.max(0, whole.length - 2)]] as const) {
        assert.deepEqual((await s.searchIncidents({ ...q, limit, offset })).map((i) => i.id), whole.slice(offset, offset + limit), `${JSON.stringify(q)} ${limit}@${offset}`);
      }
    }
  } finally {
    await s.close();
  }
});

test("sqlite: migration 11 marks the documents of incidents with several sources for re-extraction, which makes the joined notice's words searchable", async () => {
  const file = join(dir, `t${n++}.db`);
  const s = new SqliteStore(file);
  await s.migrate();
  const text = "2025年5月2日\n株式会社テスト商会\n\nランサムウェア被害に関するお知らせ\n\n2025年4月28日、当社のファイルサーバーがランサムウェアに感染しました。顧客約2,000名の氏名が流出した可能性があります。\n";
  await s.saveCasefile(await casefileOf(text, "a.txt"), OWNER);
  await s.saveCasefile(await casefileOf(`${text}社内では「くもりぞら計画」と呼んでいます。\n`, "b.txt"), OWNER);
  await s.saveCasefile(await casefileOf("2024年9月10日\nみなと市\n\n書類の紛失について\n\n9月6日、市民120名分の氏名を記載した名簿を紛失しました。\n", "c.txt"), OWNER);
  await s.close();
  // As an older version left it: the joined notice's words were not in the search text.
  const db = new Database(file);
  db.exec("UPDATE documents SET analysis = 'stored'");
  db.exec("UPDATE incident_fts SET body = replace(body, 'くもりぞら計画', '')");
  db.exec(SQLITE_MIGRATIONS[10]!);
  const marked = db.prepare("SELECT s.source, d.analysis IS NULL AS marked FROM documents d JOIN sources s ON s.sha256 = d.sha256 ORDER BY s.source").all();
  assert.deepEqual(marked.map((r) => (r as { marked: number }).marked), [1, 1, 0], JSON.stringify(marked));
  db.close();
  const again = new SqliteStore(file);
  try {
    assert.equal((await again.searchIncidents({ q: "くもりぞら計画" })).length, 0);
    await reextractAll(again, 1);
    assert.equal((await again.searchIncidents({ q: "くもりぞら計画" })).length, 1);
  } finally {
    await again.close();
  }
});
