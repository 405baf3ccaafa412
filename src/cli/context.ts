import { AsyncLocalStorage } from "node:async_hooks";
import { userInfo } from "node:os";
import { OWNER_CLEARANCE, type Writer } from "../casebook/authorize.js";
import type { Store } from "../store/types.js";

/** What a CLI run reads and writes: the process's streams and environment, or a caller's stand-ins. */
export interface CliIo {
  /** Standard output. */
  out(s: string): void;
  /** Standard error. */
  err(s: string): void;
  /** What `-` reads (default process.stdin, opened only then). */
  stdin?: NodeJS.ReadableStream;
  /** Variables the CLI consults: JIKENBO_DB, JIKENBO_USER, JIKENBO_LOG (default process.env). */
  env?: Record<string, string | undefined>;
  /** Whether standard error is a terminal, for the progress bar (default false unless the process's own). */
  tty?: boolean;
}

/** The process's own streams and environment. */
export const PROCESS_IO: CliIo = {
  out: (s) => { process.stdout.write(s); },
  err: (s) => { process.stderr.write(s); },
  env: process.env,
  tty: !!process.stderr.isTTY,
};

/** One run of the CLI: where it writes and the exit status it sets. */
interface Run {
  io: CliIo;
  code: number;
}

const current = new AsyncLocalStorage<Run>();
/** Status set outside any run (a command module used directly). */
const detached: Run = { io: PROCESS_IO, code: 0 };

function here(): Run {
  return current.getStore() ?? detached;
}

/** Run `body` as one CLI run writing to `io`; resolves to its result and the exit status commands set. */
export async function inRun<T>(io: CliIo, body: () => Promise<T>): Promise<{ value: T; code: number }> {
  const run: Run = { io, code: 0 };
  const value = await current.run(run, body);
  return { value, code: run.code };
}

/** The current run's streams and environment. */
export function cliIo(): CliIo {
  return here().io;
}

/** A variable of the current run's environment. */
export function env(name: string): string | undefined {
  return (here().io.env ?? process.env)[name];
}

/** Exit status of the current run: commands set `exit.code`; run() returns it. */
export const exit = {
  get code(): number { return here().code; },
  set code(v: number) { here().code = v; },
};

/** Raised for bad usage caught after parsing (unknown vocabulary term, bad date): exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Who runs a command: `by` (--by), else $JIKENBO_USER, else the login name. The CLI works on the
 * casebook itself, as its owner: every clearance.
 */
export function operator(by?: string, why?: string): Writer {
  const who = by || env("JIKENBO_USER") || userInfo().username || "operator";
  return why ? { who, why, clearance: OWNER_CLEARANCE } : { who, clearance: OWNER_CLEARANCE };
}

/** Run a command body with an open store (--db, else $JIKENBO_DB, else the per-user file), closing it whatever happens. */
export async function withStore<T>(db: string | undefined, body: (store: Store) => Promise<T>): Promise<T> {
  const { openStore } = await import("../store/open.js");
  const store = await openStore(db || env("JIKENBO_DB"));
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** Write a line to the run's standard output. */
export function out(s: string): void {
  here().io.out(s + "\n");
}

/** Write a line to the run's standard error. */
export function err(s: string): void {
  here().io.err(s + "\n");
}
