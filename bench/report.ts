// `npm run bench` (after run.ts), or `node --import tsx bench/report.ts [--incidents N]`: a year of
// synthetic incidents (10,000 by default), then the time to assemble and render its annual report
// (target: under 5 s) and the monthly digest of its busiest month. Measures the compiled modules in dist/.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthetic } from "./generate.js";

/** A compiled module of dist/, typed as its source. */
const compiled = <T>(path: string): Promise<T> => import(new URL(`../dist/${path}`, import.meta.url).href) as Promise<T>;
const { makeDocument } = await compiled<typeof import("../src/core/document.js")>("core/document.js");
const { analyse, openDocument } = await compiled<typeof import("../src/core/pipeline.js")>("core/pipeline.js");
const { SqliteStore } = await compiled<typeof import("../src/store/sqlite/index.js")>("store/sqlite/index.js");
const { SYSTEM_WRITER } = await compiled<typeof import("../src/store/records.js")>("store/records.js");
const { annualReport, monthlyReport } = await compiled<typeof import("../src/report/load.js")>("report/load.js");
const { reportHtml } = await compiled<typeof import("../src/report/render/html.js")>("report/render/html.js");

const YEAR = "2024";
const i = process.argv.indexOf("--incidents");
const N = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
const dir = mkdtempSync(join(tmpdir(), "jikenbo-bench-report-"));
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

console.error(`jikenbo report bench: ${fmt(N)} synthetic incidents of ${YEAR} in ${dir}`);
const store = new SqliteStore(join(dir, "bench.db"));
await store.migrate();
let t = performance.now();
for (let k = 0; k < N; k++) {
  // Every notice of the series, dated in one year (the generator spreads them over several).
  const text = synthetic(k).text.replace(/20\d\d年/g, `${YEAR}年`);
  for (const cf of await openDocument(makeDocument(Buffer.from(text), { source: `synthetic/${k}.txt`, fetchedAt: "2025-01-01T00:00:00.000Z" }))) {
    await store.saveCasefile(analyse(cf), SYSTEM_WRITER);
  }
}
const loadSecs = (performance.now() - t) / 1000;
const incidents = await store.countIncidents();

const runs: number[] = [];
let html = "";
let total = 0;
for (let r = 0; r < 3; r++) {
  t = performance.now();
  const report = await annualReport(store, YEAR, { lang: "ja" });
  html = reportHtml(report, { base: "http://127.0.0.1:8080" });
  runs.push((performance.now() - t) / 1000);
  total = report.total;
}
const busiest = (await annualReport(store, YEAR, { lang: "ja" })).month.reduce((a, b) => (b.incidents > a.incidents ? b : a));
t = performance.now();
const digest = reportHtml(await monthlyReport(store, busiest.key, { lang: "ja" }), { base: "http://127.0.0.1:8080" });
const monthSecs = (performance.now() - t) / 1000;
await store.close();
rmSync(dir, { recursive: true, force: true });

console.log(`\njikenbo report benchmark — ${fmt(incidents)} incidents in ${YEAR} (loaded in ${fmt(loadSecs, 1)} s), node ${process.version}`);
console.log(`annual report   ${fmt(Math.min(...runs), 2)} s best, ${fmt(Math.max(...runs), 2)} s worst of ${runs.length} (${fmt(total)} incidents counted, ${fmt(html.length / 1024)} KiB of HTML)`);
console.log(`monthly digest  ${fmt(monthSecs, 2)} s for ${busiest.key} (${fmt(busiest.incidents)} incidents, ${fmt(digest.length / 1024)} KiB of HTML)`);
console.log("target: annual report of 10,000 incidents under 5 s");
