import type { Observable } from "../observables.js";

/** A curated list of values that are not evidence against anyone on their own (after MISP warninglists). */
export interface Warninglist {
  /** Short id, used in hits and flags. */
  name: string;
  /** What the list holds and why, in one sentence. */
  description: string;
  /** Why the observable is on the list, or null when it is not. */
  match(o: Observable): string | null;
}

/** The listed domain that `host` is or lies under (`mail.example.co.jp` under `example.co.jp`), or null. */
export function listedParent(host: string, domains: ReadonlySet<string>): string | null {
  for (let tail = host; ; tail = tail.slice(tail.indexOf(".") + 1)) {
    if (domains.has(tail)) return tail;
    if (!tail.includes(".")) return null;
  }
}
