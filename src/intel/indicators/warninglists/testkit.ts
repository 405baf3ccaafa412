// Shared helper for the warninglist tests (no tests of its own). The build leaves testkit.ts files out (tsconfig.build.json).
import { scanObservables, type Observable } from "../observables.js";

/** The single observable written in `text` (throws when there is not exactly one). */
export function one(text: string): Observable {
  const found = scanObservables(text);
  if (found.length !== 1) throw new Error(`expected one observable in ${JSON.stringify(text)}, got ${found.length}`);
  return found[0]!;
}
