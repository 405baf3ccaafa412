import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { synthetic } from "../bench/generate.js";
import type { Writer } from "../src/casebook/authorize.js";
import { makeDocument } from "../src/core/document.js";
import { ingestDocuments } from "../src/core/ingest.js";
import { runPipeline } from "../src/core/pipeline.js";
import type { SourceDocument } from "../src/core/types.js";
import { isFailure, readInputs, type ReadFailure } from "../src/ingest/readers/index.js";
import { SYSTEM_WRITER as OWNER } from "../src/store/records.js";
import { SqliteStore } from "../src/store/sqlite/index.js";
import type { Store } from "../src/store/types.js";
import { ROOT, tempDir } from "./helpers.js";
import { casebookOf } from "./store-contract.js";

const dir = tempDir("jikenbo-ingest-");
let n = 0;
async function fresh(): Promise<Store> {
  const s = new SqliteStore(join(dir, `t${n++}.db`));
  await s.migrate();
  return s;
}

/** A synthetic notice as a read document. */
const notice = (text: string, source: string, fetchedAt = "2025-01-01T00:00:00.000Z") => makeDocument(Buffer.from(text), { source, fetchedAt });

/**
 * The bundled examples (a feed, a listing, Shift_JIS and EUC-JP text, HTML), synthetic notices with a
 * follow-up for some of them, and the same bytes twice: more documents than are analysed in this thread.
 */
async function documents(): Promise<SourceDocument[]> {
  const docs: SourceDocument[] = [];
  for await (const d of readInputs([join(ROOT, "examples")])) if (!isFailure(d)) docs.push(d);
  for (let i = 0; i < 30; i++) docs.push(notice(synthetic(i).text, `synthetic/${i}.txt`));
  for (const i of [3, 17, 25]) {
    const text = synthetic(i).text.replace(/\n\n(.+)\n\n/, "\n\n$1（第2報）\n\n").replace(/約[\d,]+名/, "約12名");
    docs.push(notice(text, `synthetic/${i}-2.txt`, "2026-01-01T00:00:00.000Z"));
  }
  docs.push(notice(synthetic(5).text, "mirror/5.txt"));
  return docs;
}

/** The casebook saving each casefile with the single save leaves: what a batched ingest must leave too. */
async function oneByOne(store: Store, items: (SourceDocument | ReadFailure)[], writer: Writer): Promise<void> {
  for (const item of items) {
    if (isFailure(item)) continue;
    if (await store.hasDocument(item.sha256)) {
      await store.addSource(item.sha256, item.source, item.fetchedAt, writer);
      continue;
    }
    const casefiles = await runPipeline(item).catch(() => null);
    if (!casefiles) continue;
    if (casefiles.length === 0 || casefiles.some((cf) => cf.doc.sha256 !== item.sha256)) await store.saveContainer({ doc: item, messages: [] });
    for (const cf of casefiles) await store.saveCasefile(cf, writer).catch(() => null);
  }
}

test("a batched ingest, analysed on workers, leaves the casebook one-by-one saves leave; ingesting again changes nothing", async () => {
  const docs = await documents();
  const [expected, batched] = [await fresh(), await fresh()];
  try {
    await oneByOne(expected, docs, OWNER);
    const progress: string[] = [];
    const first = await ingestDocuments(batched, docs, OWNER, (done, input) => progress.push(`${done} ${input}`));
    assert.deepEqual(progress, docs.map((d, i) => `${i + 1} ${d.source}`), "progress after each input, in reading order");
    assert.deepEqual(await casebookOf(batched), await casebookOf(expected));
    assert.deepEqual(first.failures, []);
    assert.equal(first.unchanged, 1, "the same bytes read twice are archived once");
    assert.equal(first.incidentsNew, await batched.countIncidents());
    assert.equal(first.incidentsUpdated, 3, "each follow-up updates its incident");
    const changed: string[] = [];
    const again = await ingestDocuments(batched, docs, OWNER, (_done, _input, ids) => changed.push(...ids));
    assert.deepEqual([again.documents, again.unchanged, again.incidentsNew, again.incidentsUpdated, changed], [0, docs.length, 0, 0, []]);
    assert.deepEqual(await casebookOf(batched), await casebookOf(expected));
  } finally {
    await expected.close();
    await batched.close();
  }
});

test("a bad document, in this thread or on a worker, yields a one-line message and the rest are saved", async () => {
  const writer: Writer = { who: "ana", clearance: "AMBER" };
  const pdf = readFileSync(join(ROOT, "test/fixtures/ingest/truncated.pdf"));
  const red = (i: number) => notice(synthetic(i).text.replace(/\n\n(.+)\n\n/, "\n\n$1 TLP:RED\n\n"), `red/${i}.txt`);
  const items: (SourceDocument | ReadFailure)[] = [
    { input: "missing.txt", error: "no such file" },
    makeDocument(pdf, { source: "early.pdf" }),
    red(1),
    ...Array.from({ length: 30 }, (_, i) => notice(synthetic(100 + i).text, `good/${i}.txt`)),
    makeDocument(pdf, { source: "late.pdf" }),
    red(2),
    notice(synthetic(200).text, "good/last.txt"),
  ];
  const [expected, s] = [await fresh(), await fresh()];
  try {
    await oneByOne(expected, items, writer);
    const sum = await ingestDocuments(s, items, writer);
    assert.deepEqual(sum.failures.map((f) => f.input), ["missing.txt", "early.pdf", "red/1.txt", "late.pdf", "red/2.txt"], "in reading order");
    assert.match(sum.failures[1]!.error, /^truncated or corrupt PDF/);
    assert.equal(sum.failures[3]!.error, sum.failures[1]!.error, "a worker gives the reason this thread gives");
    for (const f of sum.failures) assert.ok(!f.error.includes("\n"));
    assert.match(sum.failures[4]!.error, /TLP:RED, above your clearance TLP:AMBER/);
    assert.equal(sum.documents, 31);
    assert.equal(await s.countIncidents(), 31);
    assert.deepEqual(await casebookOf(s), await casebookOf(expected));
  } finally {
    await expected.close();
    await s.close();
  }
});

test("watchlists see each batch as it is written: a long run's first hits come before its last input is read", async () => {
  const s = await fresh();
  try {
    const watch = await s.addWatchlist({ name: "intrusions", kind: "keyword", pattern: "不正アクセス", webhook_url: null, secret: null }, { who: "ana" });
    const seen: number[] = [];
    /** 250 notices; before each is read, the hits recorded so far. */
    async function* notices(): AsyncGenerator<SourceDocument> {
      for (let i = 0; i < 250; i++) {
        seen.push((await s.hits(watch.id, { limit: -1 })).length);
        yield notice(synthetic(i).text, `synthetic/${i}.txt`);
      }
    }
    const reported: string[] = [];
    await ingestDocuments(s, notices(), OWNER, (_done, _input, ids) => reported.push(...ids), runPipeline);
    const hits = await s.hits(watch.id, { limit: -1 });
    const expected = (await s.searchIncidents({ q: "不正アクセス", limit: -1 })).map((i) => i.id).sort();
    assert.ok(expected.length > 10, "the watch has incidents to find");
    assert.deepEqual(hits.map((h) => h.incident_id).sort(), expected, "every matching incident once");
    assert.ok(seen[150]! > 0 && seen[150]! < hits.length, `hits of the first batch while the run goes on (${seen[150]} of ${hits.length})`);
    assert.deepEqual([...new Set(reported)].sort(), (await s.listIncidents({ limit: -1 })).map((i) => i.id).sort(), "progress names every incident opened");
  } finally {
    await s.close();
  }
});
