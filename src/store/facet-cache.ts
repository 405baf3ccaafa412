import type { Facets, SearchQuery } from "./types.js";

/**
 * Facet counts of recent queries, kept while the casebook stays as it was counted (its version: a file's
 * change counters, a database's version row). Counting every match is the costly part of a search page;
 * the same question on an unchanged casebook gets the same answer. Most recent last; copies handed out.
 */
export class FacetCache {
  private readonly kept = new Map<string, Facets>();
  private version: string | number | null = null;

  constructor(private readonly size = 256) {}

  /** The counts kept for `query` at `version` (read before counting), or undefined: count, then `keep`. */
  get(version: string | number, query: SearchQuery): Facets | undefined {
    if (version !== this.version) {
      this.kept.clear();
      this.version = version;
    }
    const key = keyOf(query);
    const hit = this.kept.get(key);
    if (!hit) return undefined;
    this.kept.delete(key);
    this.kept.set(key, hit);
    return structuredClone(hit);
  }

  /** Keep the counts of `query` counted at `version` (unless a newer version was seen since) and return a copy to hand out. */
  keep(version: string | number, query: SearchQuery, facets: Facets): Facets {
    if (version !== this.version) return structuredClone(facets);
    this.kept.set(keyOf(query), facets);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value!);
    return structuredClone(facets);
  }
}

/** A query's filters and words, without its page and order, as a key. */
function keyOf(query: SearchQuery): string {
  const { limit: _limit, offset: _offset, sort: _sort, ...asked } = query;
  return JSON.stringify(Object.entries(asked).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
}
