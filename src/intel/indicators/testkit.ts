// Shared helpers for the indicator tests (no tests of its own). The build leaves testkit.ts files out (tsconfig.build.json).
import { readFileSync } from "node:fs";
import { classifyObservable, type Classification, type ClassifyContext } from "./classify.js";
import { scanObservables } from "./observables.js";

/** A fictional notice from ./fixtures (written for these tests). */
export function fixture(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}.txt`, import.meta.url), "utf8");
}

/** Every observable of a text with its classification, keyed by refanged value. */
export function verdicts(text: string, ctx: ClassifyContext = {}): Map<string, Classification> {
  return new Map(scanObservables(text).map((o) => [o.value, classifyObservable(o, text, ctx)]));
}

/** The role given to `value` in `text` (throws when the value is not found). */
export function roleOf(text: string, value: string, ctx: ClassifyContext = {}): string {
  const v = verdicts(text, ctx).get(value);
  if (!v) throw new Error(`${value} not found`);
  return v.role;
}
