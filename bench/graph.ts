// `node --import tsx bench/graph.ts [N]`: time /api/v1/graph (overview and expansions) and the
// dashboard's /api/v1/stats calls on a synthetic casebook of N notices (default 10,000), one in ten
// naming one of a few shared contractors and one in twenty an attacker address shared by many.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeDocument } from "../src/core/document.js";
import { analyse, openDocument } from "../src/core/pipeline.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import { createApp } from "../src/http/app.js";
import { SqliteStore } from "../src/store/sqlite/index.js";
import { synthetic } from "./generate.js";

const N = Number(process.argv[2] ?? 10_000);
const VENDORS = ["株式会社ほくと計算センター", "株式会社なぎさクラウド", "株式会社こもれびデータ"];
// $JIKENBO_BENCH_DB keeps the casebook between runs (it is built only when the file is new).
const keep = process.env.JIKENBO_BENCH_DB;
const dir = mkdtempSync(join(tmpdir(), "jikenbo-graph-"));
const store = new SqliteStore(keep ?? join(dir, "graph.db"));
await store.migrate();
let t = performance.now();
for (let i = (await store.countIncidents()) ? N : 0; i < N; i++) {
  let text = synthetic(i, 7).text;
  if (i % 10 === 0) text += `本件は、業務委託先である${VENDORS[i % 3]}のサーバーへの不正アクセスに起因するものです。\n`;
  if (i % 20 === 0) text += `差出人 alert${i % 7}@kakuu-haisou-mail.net を名乗る不審なメールにご注意ください。\n`;
  for (const cf of await openDocument(makeDocument(Buffer.from(text), { source: `synthetic/${i}.txt`, fetchedAt: "2025-01-01T00:00:00.000Z" }))) {
    await store.saveCasefile(analyse(cf), SYSTEM_WRITER);
  }
}
console.log(`ingested ${N} notices (${await store.countIncidents()} incidents) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
const app = createApp({ store, settings: { anonymousRead: true, allowPrivate: false } });

async function time(path: string): Promise<unknown> {
  const runs: number[] = [];
  let body: unknown;
  for (let r = 0; r < 5; r++) {
    t = performance.now();
    const res = await app.request(path);
    body = await res.json();
    runs.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  }
  runs.sort((a, b) => a - b);
  console.log(`${path.padEnd(70)} median ${runs[2]!.toFixed(0).padStart(5)} ms  max ${runs[4]!.toFixed(0).padStart(5)} ms`);
  return body;
}

type View = { nodes: { id: string; kind: string; incidents: number }[]; summary: Record<string, number> };
const overview = (await time("/api/v1/graph")) as View;
console.log(`  overview: ${overview.nodes.length} nodes`, overview.summary);
const cluster = overview.nodes.find((n) => n.kind === "cluster")!;
const expanded = (await time(`/api/v1/graph?expand=${encodeURIComponent(cluster.id)}`)) as View;
console.log(`  expand ${cluster.id} (${cluster.incidents} incidents): ${expanded.nodes.length} nodes`);
const vendor = overview.nodes.filter((n) => n.kind !== "cluster").sort((a, b) => b.incidents - a.incidents)[0]!;
const around = (await time(`/api/v1/graph?expand=${encodeURIComponent(vendor.id)}`)) as View;
console.log(`  expand ${vendor.id} (${vendor.incidents} incidents): ${around.nodes.length} nodes`);
await time("/api/v1/graph?limit=3000");
await time("/api/v1/graph?type=ransomware&since=2023-01-01");
for (const by of ["month&split=type", "cause", "medium", "sector", "affected"]) await time(`/api/v1/stats?by=${by}`);
await store.close();
rmSync(dir, { recursive: true, force: true });
