// The read → plan → write sequence of a store method, written once for both backends: a generator
// yields queries (one, or several to run in order as a batch) and is sent back their rows, or yields
// writes whose rows it does not need (later). SQLite drives it synchronously inside its transaction;
// PostgreSQL awaits each yield, pipelining a batch, and sends later writes ahead of the next query.

/** A query in the shared spelling (PostgreSQL's: `$n` placeholders; see dialect.ts for SQLite). */
export interface Query {
  sql: string;
  params: unknown[];
}

/** A row as a driver returns it: JSON columns as JSON text. */
export type Row = Record<string, unknown>;

/** Writes whose rows the step does not need: sent, in order, ahead of its next query or at its end. */
export interface Later {
  later: Query[];
}

/** A store method's steps: yields a query or a batch, receives its rows (a batch: rows per query); yields later writes, receives nothing. */
export type Step<T> = Generator<Query | Query[] | Later, T, Row[] | Row[][] | undefined>;

/** One query. */
export function q(sql: string, ...params: unknown[]): Query {
  return { sql, params };
}

/** The rows a query returns. */
export function* all<T>(sql: string, ...params: unknown[]): Step<T[]> {
  return (yield q(sql, ...params)) as T[];
}

/** The first row a query returns, if any. */
export function* one<T>(sql: string, ...params: unknown[]): Step<T | undefined> {
  return ((yield q(sql, ...params)) as T[])[0];
}

/** Queries run in order, in one round trip where the backend can; returns each one's rows. */
export function* batch(queries: Query[]): Step<Row[][]> {
  return queries.length ? ((yield queries) as Row[][]) : [];
}

/**
 * Writes that may wait: they run before anything the step asks next (in the same order, so that what it
 * reads sees them). SQLite runs them at once; PostgreSQL sends them with the next query, in one round
 * trip, so that an error they raise is thrown where the step next yields, or at its end.
 */
export function* later(queries: Query[]): Step<void> {
  if (queries.length) yield { later: queries };
}

/**
 * Run a step to its end, sending each yield the rows `exec` gives (SQLite: synchronously). A query's
 * error is thrown where it was yielded, so that a step may catch it (a savepoint rolled back).
 */
export function driveSync<T>(step: Step<T>, exec: (query: Query) => Row[]): T {
  for (let r = step.next(); ; ) {
    if (r.done) return r.value;
    let rows: Row[] | Row[][] | undefined;
    try {
      const v = r.value;
      if ("later" in v) { v.later.forEach(exec); rows = undefined; } else rows = Array.isArray(v) ? v.map(exec) : exec(v);
    } catch (e) {
      r = step.throw(e);
      continue;
    }
    r = step.next(rows);
  }
}

/**
 * Run a step to its end, awaiting each yield: a batch's queries are sent together, later writes held
 * and sent with the next query (or at the end). Errors as driveSync.
 */
export async function driveAsync<T>(step: Step<T>, exec: (query: Query) => Promise<Row[]>): Promise<T> {
  let held: Query[] = [];
  /** The held writes and then `queries`, sent together; the rows of `queries`. */
  const send = async (queries: Query[]) => {
    const all = held.concat(queries);
    held = [];
    return (await Promise.all(all.map(exec))).slice(all.length - queries.length);
  };
  for (let r = step.next(); ; ) {
    if (r.done) {
      await send([]);
      return r.value;
    }
    let rows: Row[] | Row[][] | undefined;
    try {
      const v = r.value;
      if ("later" in v) { held.push(...v.later); rows = undefined; } else rows = Array.isArray(v) ? await send(v) : (await send([v]))[0]!;
    } catch (e) {
      r = step.throw(e);
      continue;
    }
    r = step.next(rows);
  }
}

/** The current time as stored: ISO-8601 text. */
export function now(): string {
  return new Date().toISOString();
}

/** A value as JSON text (JSON columns are written and read as text on both backends). */
export function json(v: unknown): string {
  return JSON.stringify(v);
}

/** A JSON column's text parsed (null stays null). */
export function parse<T>(text: unknown): T {
  return (text === null || text === undefined ? null : JSON.parse(text as string)) as T;
}
