// `npm run bench:http [-- --scale 100k|1m|N] [--clients 50] [--seconds 20] [--db FILE] [--keep]`:
// builds a casebook of synthetic notices (as `npm run bench` does), starts `jikenbo serve` on it in a
// child process, drives search requests from concurrent keep-alive clients — with facets (the default
// of the API) and with `facets=false` — and prints requests/s and latency percentiles of each.
// `--db FILE` reuses a casebook built before (with --keep).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeDocument } from "../src/core/document.js";
import { analyse, openDocument } from "../src/core/pipeline.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import { openStore } from "../src/store/open.js";
import { synthetic } from "./generate.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] ?? fallback : fallback;
}

function count(v: string): number {
  const m = /^(\d+)(k|m)?$/i.exec(v);
  if (!m) throw new Error(`expected 100k, 1m or a number (got ${v})`);
  return Number(m[1]) * (m[2]?.toLowerCase() === "m" ? 1_000_000 : m[2] ? 1_000 : 1);
}

const N = count(arg("scale", "100k"));
const CLIENTS = count(arg("clients", "50"));
const SECONDS = Number(arg("seconds", "20"));
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

/** Build (or reuse) the casebook: N synthetic notices through the real pipeline, one transaction each. */
async function build(): Promise<{ db: string; dir: string | null }> {
  const given = arg("db", "");
  if (given && existsSync(given)) return { db: given, dir: null };
  const dir = mkdtempSync(join(tmpdir(), "jikenbo-load-"));
  const db = given || join(dir, "bench.db");
  const store = await openStore(db);
  const t = performance.now();
  for (let i = 0; i < N; i++) {
    const doc = makeDocument(Buffer.from(synthetic(i).text), { source: `synthetic/${i}.txt`, fetchedAt: "2025-01-01T00:00:00.000Z" });
    for (const cf of await openDocument(doc)) await store.saveCasefile(analyse(cf), SYSTEM_WRITER);
    if (i % 10_000 === 9_999) console.error(`  ingested ${fmt(i + 1)} (${fmt((i + 1) / ((performance.now() - t) / 1000))} notices/s)`);
  }
  await store.close();
  return { db, dir: given ? null : dir };
}

/** Start `jikenbo serve` on the casebook; resolves to its URL and pid. */
function serve(db: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "serve", "--db", db, "--port", "0"], {
    cwd: ROOT, stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, JIKENBO_LOG: "info" },
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += String(c);
      const m = /serving (http:\/\/\S+?)\/? /.exec(out);
      if (m) resolve({ url: m[1]!, pid: child.pid!, stop: async () => { child.kill("SIGTERM"); await exited; } });
    });
    child.on("exit", (code) => reject(new Error(`jikenbo serve exited with ${code}`)));
  });
}

/** The search mix of `npm run bench`: long and two-character words, with and without filters and paging. */
const QUERIES = [
  "q=不正アクセス", "q=ランサムウェア", "q=紛失", "q=漏えい", "q=メール誤送信", "q=さくら", "q=USB", "q=パスワード&type=phishing",
  "q=不正アクセス&since=2024-01-01", "q=病院", "q=個人情報保護委員会", "q=クレジットカード番号&sector=retail_ec",
  "q=パスワード 不正&sector=retail_ec", "q=紛失 USB", "q=不正アクセス&until=2019-06-30", "q=個人情報&type=ransomware&offset=100",
  "q=簿", "q=存在しない語句です",
].map((q) => `/api/v1/incidents?${q.split("&").map((kv) => kv.split("=").map(encodeURIComponent).join("=")).join("&")}&limit=50`);

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    }).on("error", reject);
  });
}

/** CLIENTS loops issuing requests back to back until the time is up (`suffix` added to each); latencies in ms. */
async function drive(base: string, seconds: number, suffix = ""): Promise<{ lat: number[]; errors: number; secs: number }> {
  const lat: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    while (performance.now() < end) {
      const path = QUERIES[next++ % QUERIES.length]! + suffix;
      const t = performance.now();
      const status = await get(base + path).catch(() => 0);
      lat.push(performance.now() - t);
      if (status !== 200) errors++;
    }
  }));
  return { lat, errors, secs: (performance.now() - started) / 1000 };
}

const { db, dir } = await build();
const server = await serve(db);
console.error(`jikenbo bench:http: ${server.url}, ${CLIENTS} clients, ${SECONDS} s`);
await drive(server.url, 2); // warm-up: statements prepared, pages cached
const runs = [
  { name: "search + facets", ...await drive(server.url, SECONDS) },
  { name: "search only", ...await drive(server.url, SECONDS, "&facets=false") },
];
const rss = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, "utf8"))?.[1];
await server.stop();
agent.destroy();
if (dir && !process.argv.includes("--keep")) rmSync(dir, { recursive: true, force: true });
else console.error(`kept ${db}`);

console.log(`\njikenbo HTTP benchmark — ${fmt(N)} synthetic notices, ${CLIENTS} concurrent clients, node ${process.version}`);
for (const { name, lat, errors, secs } of runs) {
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!;
  console.log(`${name.padEnd(16)} ${fmt(lat.length)} requests in ${fmt(secs, 1)} s = ${fmt(lat.length / secs, 1)} requests/s (${errors} errors); ` +
    `p50 ${fmt(pct(50), 1)} ms, p95 ${fmt(pct(95), 1)} ms, p99 ${fmt(pct(99), 1)} ms`);
}
if (rss) console.log(`server peak RSS   ${fmt(Number(rss) / 1024)} MB`);
