// `npm run bench:http [-- --scale 100k|1m|N] [--db FILE|postgres://…] [--servers 1] [--clients 200] [--seconds 20]
//   [--auth token|anonymous] [--from FILE] [--keep]`:
// builds a casebook of N synthetic notices (as `npm run bench` does) through the Store interface, starts
// `jikenbo serve` on it in child processes, drives requests from concurrent keep-alive clients spread
// round-robin over the servers, and prints a table per mode: search with facets (the API's default),
// search with `facets=false`, and a mix of those with incident pages and the plain listing.
//
// The casebook: `--db FILE`, that SQLite file (default: jikenbo-load-<N>.db in the temporary folder); `--db postgres://…`
// names a PostgreSQL server, on which the casebook is the database `jikenbo_load_<N>`. An existing casebook is
// reused as it is; one this run builds is built under a temporary name, renamed when complete, and removed at
// the end unless `--keep` (build 1m once with --keep, then reuse it). `--from FILE` fills a PostgreSQL casebook
// by copying a SQLite one built before (`jikenbo migrate`) instead of storing the notices through the store.
//
// Servers: SQLite takes one. On PostgreSQL, the first server runs the queued jobs and the others are
// `serve --no-jobs`, as docs/DEPLOY.md runs several. `--auth token` (the default) starts them with
// `--no-anonymous` and gives the clients the tokens of 20 viewer users (cleared to AMBER) made through the
// store; `--auth anonymous` reads without credentials.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync } from "node:fs";
import http from "node:http";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { makeDocument } from "../src/core/document.js";
import { ingestDocuments } from "../src/core/ingest.js";
import { SYSTEM_WRITER } from "../src/store/records.js";
import { isPostgresUrl, openStore } from "../src/store/open.js";
import { copySqliteToPostgres } from "../src/store/postgres/copy.js";
import type { Store } from "../src/store/types.js";
import { synthetic } from "./generate.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** Connections one server's casebook pool opens (PostgresStore.connect), and a job-running process's queue. */
const POOL = 10, QUEUE_POOL = 4;
/** Viewer users whose tokens the clients share (`--auth token`). */
const USERS = 20;

const { values: opts } = parseArgs({
  options: {
    scale: { type: "string", default: "100k" },
    db: { type: "string" },
    servers: { type: "string", default: "1" },
    clients: { type: "string", default: "200" },
    seconds: { type: "string", default: "20" },
    auth: { type: "string", default: "token" },
    from: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});

/** `100k`, `1m` or a plain number as a positive integer. */
function count(name: string, v: string): number {
  const m = /^(\d+)(k|m)?$/i.exec(v);
  const n = m ? Number(m[1]) * (m[2]?.toLowerCase() === "m" ? 1_000_000 : m[2] ? 1_000 : 1) : 0;
  if (!n) throw new Error(`--${name}: expected 100k, 1m or a positive number (got ${v})`);
  return n;
}

const N = count("scale", opts.scale);
const SERVERS = count("servers", opts.servers);
const CLIENTS = count("clients", opts.clients);
const SECONDS = Number(opts.seconds);
const AUTH = opts.auth;
const PG = opts.db !== undefined && isPostgresUrl(opts.db);
if (!(SECONDS > 0)) throw new Error(`--seconds: expected a positive number (got ${opts.seconds})`);
if (AUTH !== "token" && AUTH !== "anonymous") throw new Error(`--auth: expected token or anonymous (got ${AUTH})`);
if (opts.from !== undefined && (!PG || !existsSync(opts.from))) throw new Error("--from: a SQLite casebook file to copy into a PostgreSQL --db");
if (!PG && SERVERS > 1) {
  console.error("bench:http: a SQLite casebook takes one `jikenbo serve` (docs/DEPLOY.md); --servers > 1 needs --db postgres://…");
  process.exit(2);
}
const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

// Interrupted (Ctrl-C, SIGTERM): the build and the clients stop and the finally below cleans up; a second signal exits
// at once. Whatever happens, the servers do not outlive this process.
const interrupted = new AbortController();
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (interrupted.signal.aborted) process.exit(130);
    console.error(`bench:http: ${sig}, stopping`);
    interrupted.abort();
  });
}
const children = new Set<ChildProcess>();
process.on("exit", () => { for (const c of children) c.kill("SIGKILL"); });

/** Where the casebook is: the --db value each server gets, and how to make, rename and remove it. */
interface Casebook {
  /** The --db value of the finished casebook. */
  db: string;
  /** The --db value to build it under until it is complete. */
  building: string;
  exists(): Promise<boolean>;
  /** Remove a partial casebook left at `building`, if any. */
  discard(): Promise<void>;
  /** Discard, then prepare an empty casebook at `building`. */
  prepare(): Promise<void>;
  /** Give the complete casebook its name. */
  finish(): Promise<void>;
  remove(): Promise<void>;
  /** Refuse clearly when the servers would need more connections than the database takes. */
  checkRoom(connections: number): Promise<void>;
  close(): Promise<void>;
}

/** A SQLite casebook file: --db, else `jikenbo-load-<N>.db` in the temporary folder. */
function sqliteCasebook(): Casebook {
  const db = opts.db ?? join(tmpdir(), `jikenbo-load-${N}.db`);
  const building = `${db}.building`;
  const FILES = ["", "-wal", "-shm"];
  const rm = (f: string) => { for (const s of FILES) rmSync(f + s, { force: true }); };
  return {
    db, building,
    exists: async () => existsSync(db),
    discard: async () => rm(building),
    prepare: async () => rm(building),
    finish: async () => { for (const s of FILES) if (existsSync(building + s)) renameSync(building + s, db + s); },
    remove: async () => rm(db),
    checkRoom: async () => {},
    close: async () => {},
  };
}

/** The database `jikenbo_load_<N>` on the PostgreSQL server the --db URL names, through an admin connection to that URL. */
function postgresCasebook(url: string): Casebook {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  const name = `jikenbo_load_${N}`;
  const at = (db: string) => { const u = new URL(url); u.pathname = `/${db}`; return u.toString(); };
  const drop = (db: string) => admin.unsafe(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  return {
    db: at(name), building: at(`${name}_building`),
    exists: async () => (await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0,
    discard: async () => { await drop(`${name}_building`); },
    prepare: async () => {
      await drop(`${name}_building`);
      // As docs/DEPLOY.md creates one: C.UTF-8, else the trigram index does not index Japanese text.
      await admin.unsafe(`CREATE DATABASE ${name}_building ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0`);
    },
    finish: async () => {
      await admin.unsafe(`ALTER DATABASE ${name}_building RENAME TO ${name}`);
      // What autovacuum would soon do (docs/DEPLOY.md), done now: statistics for the planner, and the
      // visibility map that lets counts read an index alone. Some servers run with autovacuum off.
      const db = postgres(at(name), { max: 1, onnotice: () => {} });
      try {
        await db.unsafe("VACUUM ANALYZE");
      } finally {
        await db.end({ timeout: 5 });
      }
    },
    remove: async () => { await drop(name); },
    checkRoom: async (connections) => {
      const [row] = await admin<{ max: number; reserved: number; used: number }[]>`
        SELECT current_setting('max_connections')::int AS max, current_setting('superuser_reserved_connections')::int AS reserved,
               (SELECT count(*)::int FROM pg_stat_activity WHERE backend_type = 'client backend') AS used`;
      const free = row!.max - row!.reserved - row!.used;
      if (connections > free) {
        throw new Error(`${SERVERS} servers need up to ${connections} connections, but PostgreSQL has ${free} free ` +
          `(max_connections ${row!.max}, ${row!.reserved} reserved, ${row!.used} in use): fewer --servers, or raise max_connections`);
      }
      console.error(`bench:http: ${SERVERS} servers open up to ${connections} connections; PostgreSQL has ${free} free (max_connections ${row!.max})`);
    },
    close: () => admin.end({ timeout: 5 }),
  };
}

/**
 * Store N synthetic notices through the Store interface as `jikenbo ingest` does (ingestDocuments: analysed
 * on worker threads ahead of the writes, saved in batches), as both backends are filled.
 */
async function build(store: Store): Promise<void> {
  const t = performance.now();
  function* documents() {
    for (let i = 0; i < N; i++) {
      if (interrupted.signal.aborted) throw new Error("interrupted while building");
      yield makeDocument(Buffer.from(synthetic(i).text), { source: `synthetic/${i}.txt`, fetchedAt: "2025-01-01T00:00:00.000Z" });
    }
  }
  const sum = await ingestDocuments(store, documents(), SYSTEM_WRITER, (done) => {
    if (done % 10_000 === 0) console.error(`  stored ${fmt(done)} notices (${fmt(done / ((performance.now() - t) / 1000))}/s)`);
  });
  if (sum.failures.length) throw new Error(`building failed: ${sum.failures[0]!.input}: ${sum.failures[0]!.error}`);
}

/** The clients' Authorization headers: tokens of USERS viewers, made on the first run and issued anew on each. */
async function tokens(store: Store): Promise<string[]> {
  if (AUTH === "anonymous") return [];
  const users = new Set((await store.listUsers()).map((u) => u.name));
  const out: string[] = [];
  for (let i = 1; i <= USERS; i++) {
    const name = `load-viewer-${i}`;
    out.push(users.has(name) ? await store.newToken(name, SYSTEM_WRITER) : (await store.addUser(name, "viewer", "AMBER", SYSTEM_WRITER)).token);
  }
  return out.map((t) => `Bearer ${t}`);
}

/** A running `jikenbo serve`: its URL and process. */
interface Server { url: string; child: ChildProcess; log: string }

/** Start `jikenbo serve` on the casebook (its log, at info as in production, to a file); resolves once it listens. */
function serve(db: string, i: number, dir: string): Promise<Server> {
  const log = join(dir, `serve-${i + 1}.log`);
  const fd = openSync(log, "w");
  const flags = [...(AUTH === "token" ? ["--no-anonymous"] : []), ...(PG && i > 0 ? ["--no-jobs"] : [])];
  const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), "serve", "--db", db, "--port", "0", ...flags], {
    cwd: ROOT, stdio: ["ignore", "pipe", fd], env: { ...process.env, JIKENBO_LOG: "info" },
  });
  closeSync(fd);
  children.add(child);
  child.on("exit", () => children.delete(child));
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += String(c);
      const m = /serving (http:\/\/\S+?)\/? /.exec(out);
      if (m) resolve({ url: m[1]!, child, log });
    });
    child.on("exit", (code) => reject(new Error(`jikenbo serve ${flags.join(" ")} exited with ${code}:\n${readFileSync(log, "utf8").slice(-2000)}`)));
  });
}

/** SIGTERM a server and wait for it (SIGKILL after 15 s). */
async function stopServer(s: Server): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => s.child.once("exit", () => resolve()));
  s.child.kill("SIGTERM");
  const force = setTimeout(() => s.child.kill("SIGKILL"), 15_000);
  await exited;
  clearTimeout(force);
}

/** The search mix of `npm run bench`: long and two-character words, with and without filters and paging. */
const QUERIES = [
  "q=不正アクセス", "q=ランサムウェア", "q=紛失", "q=漏えい", "q=メール誤送信", "q=さくら", "q=USB", "q=パスワード&type=phishing",
  "q=不正アクセス&since=2024-01-01", "q=病院", "q=個人情報保護委員会", "q=クレジットカード番号&sector=retail_ec",
  "q=パスワード 不正&sector=retail_ec", "q=紛失 USB", "q=不正アクセス&until=2019-06-30", "q=個人情報&type=ransomware&offset=100",
  "q=簿", "q=存在しない語句です",
].map((q) => `/api/v1/incidents?${q.split("&").map((kv) => kv.split("=").map(encodeURIComponent).join("=")).join("&")}&limit=50`);

// An idle connection is closed by this side after 4 s, well before the server's keep-alive timeout (65 s) could close
// it under a request being sent.
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS, timeout: 4000 });

/** GET a path; resolves to the status and the body (kept only when asked for). */
function get(url: string, auth: string | undefined, keepBody = false): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent, headers: auth ? { authorization: auth } : {} }, (res) => {
      let body = "";
      if (keepBody) res.setEncoding("utf8").on("data", (c: string) => { body += c; });
      else res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** One mode's measurements: latencies in ms, failures by kind, wall time and this process's CPU time. */
interface Run { name: string; lat: number[]; errors: Map<string, number>; secs: number; cpu: number }

/** CLIENTS loops, each issuing requests back to back until the time is up, over `paths` in turn and the servers round-robin. */
async function drive(name: string, urls: string[], auths: string[], paths: string[], seconds: number): Promise<Run> {
  const lat: number[] = [];
  const errors = new Map<string, number>();
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(Array.from({ length: CLIENTS }, async (_, client) => {
    const auth = auths.length ? auths[client % auths.length] : undefined;
    while (performance.now() < end && !interrupted.signal.aborted) {
      const k = next++;
      const t = performance.now();
      const failure = await get(urls[k % urls.length]! + paths[k % paths.length]!, auth).then(
        (r) => (r.status === 200 ? null : `HTTP ${r.status}`),
        (e: Error & { code?: string }) => e.code ?? e.message,
      );
      lat.push(performance.now() - t);
      if (failure) errors.set(failure, (errors.get(failure) ?? 0) + 1);
    }
  }));
  const used = process.cpuUsage(cpu);
  const secs = (performance.now() - started) / 1000;
  return { name, lat, errors, secs, cpu: (used.user + used.system) / 1e6 / secs };
}

/** The p-th percentile (nearest rank) of sorted values. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** A server's peak resident memory in MB, while it runs. */
function peakRss(s: Server): number | null {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${s.child.pid}/status`, "utf8"))?.[1];
  return kb ? Number(kb) / 1024 : null;
}

const dir = mkdtempSync(join(tmpdir(), "jikenbo-load-")); // the servers' logs
const casebook = PG ? postgresCasebook(opts.db!) : sqliteCasebook();
const servers: Server[] = [];
let built = false;
try {
  if (PG) await casebook.checkRoom(SERVERS * POOL + QUEUE_POOL);
  if (await casebook.exists()) {
    console.error(`bench:http: reusing ${PG ? casebook.db.replace(/\/\/[^@/]*@/, "//") : casebook.db}`);
  } else {
    console.error(`bench:http: ${opts.from ? `copying ${opts.from} (jikenbo migrate)` : `building ${fmt(N)} notices`}${PG ? " on PostgreSQL" : ""}`);
    const t = performance.now();
    await casebook.prepare();
    try {
      if (opts.from) {
        const copied = (await copySqliteToPostgres(opts.from, casebook.building)).documents;
        if (copied !== N) throw new Error(`${opts.from} holds ${fmt(copied ?? 0)} documents, not the ${fmt(N)} of --scale`);
      } else {
        const building = await openStore(casebook.building);
        try {
          await build(building);
        } finally {
          await building.close();
        }
      }
    } catch (e) {
      await casebook.discard();
      throw e;
    }
    await casebook.finish();
    built = true;
    console.error(`bench:http: casebook ready in ${fmt((performance.now() - t) / 1000)} s`);
  }
  const store = await openStore(casebook.db);
  let auths: string[];
  try {
    auths = await tokens(store);
  } finally {
    await store.close();
  }

  servers.push(...await Promise.all(Array.from({ length: SERVERS }, (_, i) => serve(casebook.db, i, dir))));
  const urls = servers.map((s) => s.url);
  console.error(`bench:http: ${urls.join(", ")}; ${CLIENTS} clients, ${SECONDS} s per mode`);

  // The mix: each search with and without facets, an incident page (ids from the first page), the plain listing.
  const first = await get(`${urls[0]}/api/v1/incidents?limit=50&facets=false`, auths[0], true);
  if (first.status !== 200) throw new Error(`GET /api/v1/incidents answered ${first.status}: ${first.body.slice(0, 200)}`);
  const ids = (JSON.parse(first.body) as { items: { id: string }[] }).items.map((i) => i.id);
  if (!ids.length) throw new Error("the casebook lists no incidents");
  const mix = QUERIES.flatMap((q, i) => [q, `${q}&facets=false`, `/api/v1/incidents/${encodeURIComponent(ids[i % ids.length]!)}`])
    .concat("/api/v1/incidents?limit=50");

  const load = loadavg()[0]!;
  await drive("warm-up", urls, auths, [...QUERIES, ...mix], 3); // statements prepared, pages cached
  const runs: Run[] = [];
  for (const [name, paths] of [
    ["search + facets", QUERIES], ["search only", QUERIES.map((q) => `${q}&facets=false`)], ["mixed", mix],
  ] as const) {
    if (!interrupted.signal.aborted) runs.push(await drive(name, urls, auths, [...paths], SECONDS));
  }
  const rss = servers.map(peakRss);

  const backend = PG ? `PostgreSQL (${new URL(casebook.db).pathname.slice(1)})` : "SQLite";
  console.log(`\njikenbo HTTP benchmark — ${fmt(N)} synthetic notices on ${backend}, ${SERVERS} server${SERVERS > 1 ? "s" : ""}, ` +
    `${CLIENTS} keep-alive clients, ${AUTH === "token" ? `${USERS} users' tokens` : "anonymous"}, ${SECONDS} s per mode; ` +
    `node ${process.version}, ${availableParallelism()} cores, load average ${load.toFixed(1)} before the run`);
  console.log("\n| mode | requests | requests/s | p50 ms | p95 ms | p99 ms | errors | client CPU |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, lat, errors, secs, cpu } of runs) {
    lat.sort((a, b) => a - b);
    const failed = [...errors.values()].reduce((a, b) => a + b, 0);
    const kinds = failed ? ` (${[...errors].map(([k, n]) => `${k}: ${n}`).join(", ")})` : "";
    console.log(`| ${name} | ${fmt(lat.length)} | ${fmt(lat.length / secs, 1)} | ${[50, 95, 99].map((p) => fmt(percentile(lat, p), 1)).join(" | ")} | ` +
      `${failed}${kinds} | ${fmt(cpu * 100)}% |`);
  }
  console.log(`\nserver peak RSS: ${rss.map((r) => (r === null ? "?" : `${fmt(r)} MB`)).join(", ")}`);
} catch (e) {
  console.error(`bench:http: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
} finally {
  await Promise.all(servers.map(stopServer));
  agent.destroy();
  if (built && !opts.keep) await casebook.remove();
  else if (built) console.error(`bench:http: kept ${PG ? `the database ${new URL(casebook.db).pathname.slice(1)}` : casebook.db}`);
  await casebook.close();
  rmSync(dir, { recursive: true, force: true });
}
