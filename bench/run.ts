// `npm run bench [-- --scale 100k|1m|N] [--db postgres://…] [--no-reextract] [--keep]`: ingest, re-extract and search throughput on
// synthetic notices from the team's templates, peak RSS, and a bare read + NFKC + one regex pass as reference.
// The casebook is a SQLite file in a temporary folder, or with `--db postgres://…` the database
// `jikenbo_bench_<pid>` created on that server (UTF-8, C.UTF-8) and dropped at the end, unless `--keep`.
// It measures the compiled modules in dist/ (what `jikenbo` runs; `npm run bench` builds them first):
// worker threads started under tsx would each pay for its loader.
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { synthetic } from "./generate.js";

/** A compiled module of dist/, typed as its source. */
const compiled = <T>(path: string): Promise<T> => import(new URL(`../dist/${path}`, import.meta.url).href) as Promise<T>;
const { makeDocument } = await compiled<typeof import("../src/core/document.js")>("core/document.js");
const { analyse, openDocument } = await compiled<typeof import("../src/core/pipeline.js")>("core/pipeline.js");
const { ingestDocuments } = await compiled<typeof import("../src/core/ingest.js")>("core/ingest.js");
const { reextractAll } = await compiled<typeof import("../src/core/reextract.js")>("core/reextract.js");
const { SqliteStore } = await compiled<typeof import("../src/store/sqlite/index.js")>("store/sqlite/index.js");
const { PostgresStore } = await compiled<typeof import("../src/store/postgres/index.js")>("store/postgres/index.js");
const { SYSTEM_WRITER } = await compiled<typeof import("../src/store/records.js")>("store/records.js");

function scaleArg(): number {
  const i = process.argv.indexOf("--scale");
  const v = i >= 0 ? process.argv[i + 1] ?? "100k" : "100k";
  const m = /^(\d+)(k|m)?$/i.exec(v);
  if (!m) throw new Error(`--scale takes 100k, 1m or a number (got ${v})`);
  return Number(m[1]) * (m[2]?.toLowerCase() === "m" ? 1_000_000 : m[2] ? 1_000 : 1);
}

/** The --db value: a postgres:// server to bench on, else none (SQLite). */
function dbArg(): string | null {
  const i = process.argv.indexOf("--db");
  if (i < 0) return null;
  const v = process.argv[i + 1] ?? "";
  if (!/^postgres(?:ql)?:\/\//i.test(v)) throw new Error(`--db takes a postgres:// URL (got ${v}); without it the bench uses a SQLite file`);
  return v;
}

const N = scaleArg();
const PG = dbArg();
const dir = mkdtempSync(join(tmpdir(), "jikenbo-bench-"));
const rows: [string, string][] = [];
const rssMb = () => process.resourceUsage().maxRSS / 1024;
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

/** The casebook: a SQLite file, or a database of its own on the --db server; `raw` runs SQL behind the store's back, `end` drops the database unless kept. */
async function casebook(): Promise<{ where: string; url: string; raw: (sql: string) => Promise<void>; end: (keep: boolean) => Promise<void> }> {
  if (!PG) {
    const file = join(dir, "bench.db");
    return { where: file, url: file, raw: async (sql) => { const db = new Database(file); db.exec(sql); db.close(); }, end: async () => {} };
  }
  const name = `jikenbo_bench_${process.pid}`;
  const admin = postgres(PG, { max: 1, onnotice: () => {} });
  // As docs/DEPLOY.md creates one: C.UTF-8, else the trigram index does not index Japanese text.
  await admin.unsafe(`CREATE DATABASE ${name} ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
  const u = new URL(PG);
  u.pathname = `/${name}`;
  return {
    where: `PostgreSQL database ${name}`, url: u.toString(),
    raw: async (sql) => { const db = postgres(u.toString(), { max: 1, onnotice: () => {} }); await db.unsafe(sql); await db.end({ timeout: 5 }); },
    end: async (keep) => {
      if (!keep) await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}
const cb = await casebook();

console.error(`jikenbo bench: ${fmt(N)} synthetic notices in ${cb.where}`);

// Reference: the same bytes through a bare read + NFKC + one regex pass.
let bytes = 0;
let t = performance.now();
let refHits = 0;
for (let i = 0; i < Math.min(N, 50_000); i++) {
  const b = Buffer.from(synthetic(i).text);
  bytes += b.length;
  const text = new TextDecoder().decode(b).normalize("NFKC");
  refHits += (text.match(/不正アクセス|漏えい|流出/g) ?? []).length;
}
const refSecs = (performance.now() - t) / 1000;
const refRate = Math.min(N, 50_000) / refSecs;
const refMbs = bytes / 1e6 / refSecs;

// Ingest as `jikenbo ingest` runs it (ingestDocuments): archive, decode, split, extract on worker
// threads, and store in batches of casefiles, one transaction each.
const store = PG ? await PostgresStore.connect(cb.url) : new SqliteStore(cb.url);
await store.migrate();
bytes = 0;
/** The synthetic notices as read documents. */
function* documents() {
  for (let i = 0; i < N; i++) {
    const b = Buffer.from(synthetic(i).text);
    bytes += b.length;
    yield makeDocument(b, { source: `synthetic/${i}.txt`, fetchedAt: "2025-01-01T00:00:00.000Z" });
  }
}
t = performance.now();
let lap = t;
const ingested = await ingestDocuments(store, documents(), SYSTEM_WRITER, (done) => {
  if (done % 10_000 !== 0) return;
  const now = performance.now();
  console.error(`  ingested ${fmt(done)}: ${fmt(10_000 / ((now - lap) / 1000))}/s over the last 10,000, RSS ${fmt(process.memoryUsage().rss / 1048576)} MB`);
  lap = now;
});
if (ingested.failures.length) throw new Error(`ingest failed: ${ingested.failures[0]!.input}: ${ingested.failures[0]!.error}`);
const notices = ingested.notices;
let secs = (performance.now() - t) / 1000;
const ingestRate = notices / secs;
rows.push(["ingest", `${fmt(ingestRate)} notices/s, ${fmt(bytes / 1e6 / secs, 2)} MB/s (${fmt(secs, 1)} s)`]);
const incidents = await store.countIncidents();
// What autovacuum would soon do on PostgreSQL (docs/DEPLOY.md), done now and not timed: some servers run without it.
if (PG) await cb.raw("VACUUM ANALYZE");

// Re-extract: the current rules over the archived bytes, as `jikenbo reextract` runs them. At 1M the
// two passes take as long as the ingest; `--no-reextract` leaves them out of a run that measures the rest.
if (process.argv.includes("--no-reextract")) rows.push(["re-extract", "not run (--no-reextract)"]);
else {
  t = performance.now();
  let re = (await reextractAll(store)).notices;
  secs = (performance.now() - t) / 1000;
  rows.push(["re-extract", `${fmt(re / secs)} notices/s, ${fmt(bytes / 1e6 / secs, 2)} MB/s (${fmt(secs, 1)} s; rules unchanged, nothing rewritten)`]);
  // The same after the rules changed every result: every document and incident is rewritten.
  await cb.raw("UPDATE documents SET analysis = NULL");
  t = performance.now();
  re = (await reextractAll(store)).notices;
  secs = (performance.now() - t) / 1000;
  rows.push(["re-extract, all changed", `${fmt(re / secs)} notices/s, ${fmt(bytes / 1e6 / secs, 2)} MB/s (${fmt(secs, 1)} s; every document rewritten)`]);
}

// Extraction alone, without the store, for the ratio to the reference pass.
t = performance.now();
const sample = Math.min(N, 50_000);
for (let i = 0; i < sample; i++) {
  for (const cf of await openDocument(makeDocument(Buffer.from(synthetic(i).text), { source: "x" }))) analyse(cf);
}
const pureRate = sample / ((performance.now() - t) / 1000);
rows.push(["extract only", `${fmt(pureRate)} notices/s (in this thread)`]);
rows.push(["ingest / extract only", `${fmt(ingestRate / pureRate, 2)}`]);
rows.push(["reference pass", `${fmt(refRate)} notices/s, ${fmt(refMbs, 2)} MB/s (read + NFKC + one regex; ${refHits} hits)`]);
rows.push(["extract / reference", `${fmt(pureRate / refRate, 3)}`]);

// Search latency over a mix of long and two-character queries, with and without filters.
const queries = [
  { q: "不正アクセス" }, { q: "ランサムウェア" }, { q: "紛失" }, { q: "漏えい" }, { q: "メール誤送信" },
  { q: "さくら" }, { q: "USB" }, { q: "パスワード", type: "phishing" as const }, { q: "不正アクセス", since: "2024-01-01" },
  { q: "病院" }, { q: "個人情報保護委員会" }, { q: "クレジットカード番号", sector: "retail_ec" as const },
  { q: "パスワード 不正", sector: "retail_ec" as const }, { q: "紛失 USB" }, { q: "不正アクセス", until: "2019-06-30" },
  { q: "個人情報", type: "ransomware" as const, offset: 100 }, { q: "簿" }, { q: "存在しない語句です" },
];
const lat: number[] = [];
for (let round = 0; round < 20; round++) {
  for (const q of queries) {
    const s = performance.now();
    await store.searchIncidents({ ...q, limit: 50 });
    lat.push(performance.now() - s);
  }
}
/** The p-th percentile of latencies. */
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
rows.push(["search", `p50 ${fmt(pct(lat, 50), 2)} ms, p95 ${fmt(pct(lat, 95), 2)} ms (${lat.length} queries over ${fmt(incidents)} incidents)`]);

// Facets (the total and counts per type, sector, year, TLP, cause and basics) as the HTTP API asks
// for them with every search: the same mix plus no words at all, within a viewer's clearance. The
// store remembers counts until the file changes: "counted" rounds write one source row first, so
// every query is counted afresh; "remembered" rounds ask again on an unchanged file.
const viewer = ["CLEAR", "GREEN"];
const facetLat = { counted: [] as number[], remembered: [] as number[] };
const typical = new Map<string, number[]>();
const [someDocument] = await store.listIncidents({ limit: 1 });
const touch = (await store.getIncident(someDocument!.id))!.notices[0]!.document;
for (let round = 0; round < 10; round++) {
  const counted = round < 5;
  if (counted) await store.addSource(touch, `bench/touch-${round}`, new Date().toISOString(), SYSTEM_WRITER);
  for (const q of [{ q: "" }, ...queries]) {
    const s = performance.now();
    await store.facets({ ...q, tlp: viewer });
    const ms = performance.now() - s;
    facetLat[counted ? "counted" : "remembered"].push(ms);
    if (counted && ["", "不正アクセス", "ランサムウェア", "紛失"].includes(q.q) && Object.keys(q).length === 1) typical.set(q.q, [...(typical.get(q.q) ?? []), ms]);
  }
}
for (const [kind, xs] of Object.entries(facetLat)) {
  rows.push([`facets, ${kind}`, `p50 ${fmt(pct(xs, 50), 2)} ms, p95 ${fmt(pct(xs, 95), 2)} ms (${xs.length} queries)`]);
}
rows.push(["facets, counted, typical (p50)", [...typical].map(([q, xs]) => `${q || "(all)"} ${fmt(pct(xs, 50), 1)} ms`).join(", ")]);
rows.push(["peak RSS", `${fmt(rssMb())} MB`]);
await store.close();
const keep = process.argv.includes("--keep");
if (keep) console.error(`kept ${PG ? cb.url : join(dir, "bench.db")}`);
else rmSync(dir, { recursive: true, force: true });
await cb.end(keep);

const w = Math.max(...rows.map(([k]) => k.length));
console.log(`\njikenbo benchmark — ${fmt(N)} notices, ${fmt(incidents)} incidents, ${PG ? "PostgreSQL" : "SQLite"}, node ${process.version}`);
for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
console.log(`targets: ingest >= 0.8 x extract only, re-extract >= 1,700 notices/s, search p95 < 20 ms, facets well under 100 ms, RSS < 500 MB`);
