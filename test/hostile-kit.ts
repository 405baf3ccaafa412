// What the hostile-analyst suites run against: a fresh casebook on one backend (with raw SQL for
// injecting failures and a log of the queries it runs), its users, the app over it, the CLI
// in-process, and fictional notices and submissions.
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import postgres from "postgres";
import { openStore } from "../src/store/open.js";
import type { Store } from "../src/store/types.js";
import { cli, tempDir, type CliResult } from "./helpers.js";
import { addUsers, appFor, basic, bearer, jsonHeaders, type Tokens } from "./http-kit.js";
import { freshDatabase } from "./pg-helpers.js";
import { submission, SUBMISSIONS, taxiiAdd, type Status, type Submitted } from "./taxii-kit.js";

/** A casebook on one backend. */
export interface Casebook {
  store: Store;
  /** What `--db` takes to reach it: a file path or a postgres:// URL. */
  db: string;
  /** Run raw SQL on it, as another connection would. */
  exec(sql: string): Promise<void>;
  /** Record the SQL the store runs while `body` does; returns the statements in order. */
  queries(body: () => Promise<unknown>): Promise<string[]>;
  close(): Promise<void>;
}

/** A backend the suites run on. */
export interface Backend {
  name: "sqlite" | "postgres";
  fresh(): Promise<Casebook>;
}

/** The statements of every SQLite connection in this process, recorded while `log` is set. */
let sqliteLog: string[] | null = null;
const statementProto = (() => {
  const db = new Database(":memory:");
  const proto = Object.getPrototypeOf(db.prepare("SELECT 1")) as Record<string, unknown>;
  db.close();
  return proto;
})();
for (const method of ["get", "all", "run", "iterate"]) {
  const original = statementProto[method] as (...args: unknown[]) => unknown;
  statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
    sqliteLog?.push(this.source);
    return original.apply(this, args);
  };
}

/** The embedded backend: a SQLite file. */
export const SQLITE: Backend = {
  name: "sqlite",
  async fresh() {
    const db = join(tempDir("jikenbo-hostile-"), "casebook.db");
    const store = await openStore(db);
    return {
      store, db,
      async exec(sql) {
        const raw = new Database(db);
        try { raw.exec(sql); } finally { raw.close(); }
      },
      async queries(body) {
        sqliteLog = [];
        try { await body(); return sqliteLog; } finally { sqliteLog = null; }
      },
      close: () => store.close(),
    };
  },
};

/** The shared backend: a fresh PostgreSQL database on the test server. */
export const POSTGRES: Backend = {
  name: "postgres",
  async fresh() {
    const db = await freshDatabase();
    const store = await openStore(db);
    // postgres.js reads its debug hook at every query; the store's pool is private, so reach in.
    const options = (store as unknown as { sql: { options: { debug: unknown } } }).sql.options;
    return {
      store, db,
      async exec(sql) {
        const raw = postgres(db, { max: 1, onnotice: () => {} });
        try { await raw.unsafe(sql); } finally { await raw.end({ timeout: 5 }); }
      },
      async queries(body) {
        const log: string[] = [];
        options.debug = (_conn: number, query: string) => { log.push(query); };
        try { await body(); return log; } finally { options.debug = false; }
      },
      close: () => store.close(),
    };
  },
};

/** A casebook with the test users (see addUsers) and the app over it. */
export interface Scene extends Casebook {
  tokens: Tokens;
  app: ReturnType<typeof appFor>;
}

/** Run a test body in a fresh casebook of a backend, closed afterwards. */
export async function inScene(backend: Backend, body: (s: Scene) => Promise<void>): Promise<void> {
  const cb = await backend.fresh();
  try {
    await body({ ...cb, tokens: await addUsers(cb.store), app: appFor(cb.store) });
  } finally {
    await cb.close();
  }
}

/** Run `jikenbo ARGS…` in this process, capturing what it prints. */
export function jikenbo(...args: string[]): Promise<CliResult> {
  return cli(args);
}

/** The text of a fictional incident notice: a first report, or a later one (`report` 2, 3…) with an updated count. */
export function notice(org: string, subject: string, count: number, report = 1): string {
  const title = `${subject}に関するお知らせ${report > 1 ? `（第${report}報）` : ""}`;
  return [
    `2025年5月${report * 3}日`, org, "", title, "",
    `2025年4月28日、当社のファイルサーバーが第三者による不正アクセスを受け、顧客${count.toLocaleString("en-US")}名の氏名と住所が流出した可能性があることが判明しました。個人情報保護委員会に報告しました。`, "",
  ].join("\n");
}

/** Write a notice to a fresh file (as a local analyst would have it); returns its path. */
export function noticeFile(text: string, name = "notice.txt"): string {
  const path = join(tempDir("jikenbo-local-"), name);
  writeFileSync(path, text);
  return path;
}

/** What POST /ingest answered. */
export interface IngestReply {
  status: number;
  incidentIds: string[];
  incidentsNew: number;
  incidentsUpdated: number;
  incidentsUnchanged: number;
  documents: number;
  unchanged: number;
  failures: { input: string; error: string }[];
  error?: { code: string; message: string };
}

/** Upload a notice as a user. */
export async function upload(s: Scene, token: string, text: string, name = "notice.txt"): Promise<IngestReply> {
  const form = new FormData();
  form.append("file", new File([text], name, { type: "text/plain" }));
  const res = await s.app.request("/api/v1/ingest", { method: "POST", headers: bearer(token), body: form });
  return { status: res.status, ...((await res.json()) as Omit<IngestReply, "status">) };
}

/** Upload a notice as a user and return the one incident it opened. */
export async function opened(s: Scene, token: string, text: string): Promise<string> {
  const r = await upload(s, token, text);
  assert.equal(r.status, 200, JSON.stringify(r));
  assert.equal(r.incidentsNew, 1, JSON.stringify(r));
  return r.incidentIds[0]!;
}

/** A JSON request to the API as a user: status and body. */
export async function api(s: Scene, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await s.app.request(path, { method, headers: jsonHeaders(token ? bearer(token) : {}), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Mark an incident through PATCH as a user; asserts it worked. */
export async function mark(s: Scene, token: string, id: string, tlp: string): Promise<void> {
  const r = await api(s, "PATCH", `/api/v1/incidents/${id}`, token, { changes: { tlp }, why: "test" });
  assert.equal(r.status, 200, JSON.stringify(r.body));
}

/** Submit a fictional incident over TAXII as a user; returns the status resource. */
export async function submit(s: Scene, user: keyof Tokens, what: Submitted): Promise<Status> {
  const res = await taxiiAdd(s.app, SUBMISSIONS, submission(what), basic(user, s.tokens[user]));
  assert.equal(res.status, 202, await res.clone().text());
  return (await res.json()) as Status;
}

/** The incident a submission's status names for its incident object, if it names one. */
export function namedIncident(status: Status, what: Submitted): string | null {
  const incident = submission(what)[2]!;
  const note = status.successes?.find((x) => x.id === incident.id)?.message ?? "";
  return /(inc_[0-9a-f]{16})/.exec(note)?.[1] ?? null;
}
