import { userInfo } from "node:os";
import { OWNER_CLEARANCE, type Writer } from "../casebook/authorize.js";
import { openStore } from "../store/open.js";
import type { Store } from "../store/types.js";

/** Exit status the command sets; main() returns it. */
export const exit = { code: 0 };

/** Raised for bad usage caught after parsing (unknown vocabulary term, bad date): exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * Who runs a command: `by` (--by), else $JIKENBO_USER, else the login name. The CLI works on the
 * casebook itself, as its owner: every clearance.
 */
export function operator(by?: string, why?: string): Writer {
  const who = by || process.env.JIKENBO_USER || userInfo().username || "operator";
  return why ? { who, why, clearance: OWNER_CLEARANCE } : { who, clearance: OWNER_CLEARANCE };
}

/** Run a command body with an open store, closing it whatever happens. */
export async function withStore<T>(db: string | undefined, body: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(db);
  try {
    return await body(store);
  } finally {
    await store.close();
  }
}

/** Where commands write: standard output and error, unless a caller running the CLI in-process captures them. */
export const io = {
  out: (s: string): void => { process.stdout.write(s); },
  err: (s: string): void => { process.stderr.write(s); },
};

/** Write a line to standard output. */
export function out(s: string): void {
  io.out(s + "\n");
}

/** Write a line to standard error. */
export function err(s: string): void {
  io.err(s + "\n");
}
