import type postgres from "postgres";
import { facetsOfCombos, ONE_RUN, searchWords } from "../records.js";
import { SUMMARY_COLUMNS, summary, type IncidentRow } from "../sql/reads.js";
import type { Facets, IncidentFilter, IncidentSummary, SearchQuery } from "../types.js";

// Listing, full-text search and facets over the PostgreSQL casebook: the conditions a query and its
// filters put on incidents, a page of them in order, and how many per facet value.

type Fragment = postgres.Fragment;

/** Escape a user's text for a LIKE pattern with `\` as the escape character. */
function likePattern(s: string): string {
  return "%" + s.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

// How far down the date order a search of several words looks for its page before it asks the indexes:
// 20 incidents per result wanted (words that go together in one incident in 20 or more fill it there),
// and never more than 5,000 (what a page of rare words costs in vain before the indexes answer).
const HEAD_ROWS_PER_RESULT = 20;
const HEAD_ROWS_MAX = 5_000;

/** Listing, search and facet counts over a connection pool. */
export class PostgresSearch {
  constructor(private readonly sql: postgres.Sql<{ int8: number; json: string }>) {}

  /** Conditions on incident `i` for a filter. */
  filters(filter: IncidentFilter): Fragment[] {
    const where: Fragment[] = [];
    if (filter.type) where.push(this.sql`i.id IN (SELECT incident_id FROM incident_types WHERE type = ${filter.type})`);
    if (filter.sector) where.push(this.sql`i.sector = ${filter.sector}`);
    if (filter.cause) where.push(this.sql`i.tags @> ${JSON.stringify([{ taxonomy: "tsr_cause", value: filter.cause }])}::text::jsonb`);
    if (filter.basics) where.push(this.sql`i.tags @> ${JSON.stringify([{ taxonomy: "basics", value: filter.basics }])}::text::jsonb`);
    if (filter.tlp) where.push(this.sql`i.tlp = ANY(${filter.tlp}::text[])`);
    if (filter.since) where.push(this.sql`i.event_date >= ${filter.since}`);
    if (filter.until) where.push(this.sql`i.event_date <= ${filter.until}`);
    return where;
  }

  /** A WHERE clause of every condition, or nothing. */
  where(conditions: Fragment[]): Fragment {
    return conditions.length ? this.sql`WHERE ${conditions.reduce((a, c) => this.sql`${a} AND ${c}`)}` : this.sql``;
  }

  /**
   * A page of incidents meeting the conditions, in the filter's order (limit -1: every one); with `head`,
   * only among the first `head.rows` incidents (in that order) that meet `head.filters`.
   */
  private async page(conditions: Fragment[], filter: IncidentFilter, head?: { filters: Fragment[]; rows: number }): Promise<IncidentSummary[]> {
    const limit = filter.limit ?? 50;
    const order = {
      newest: this.sql`i.event_date DESC NULLS LAST, i.seq DESC`,
      oldest: this.sql`i.event_date NULLS FIRST, i.seq`,
      affected: this.sql`i.affected_count DESC NULLS LAST, i.event_date DESC NULLS LAST, i.seq DESC`,
    }[filter.sort ?? "newest"];
    const from = head
      ? this.sql`(SELECT * FROM incidents i ${this.where(head.filters)} ORDER BY ${order} LIMIT ${head.rows}) i`
      : this.sql`incidents i`;
    const rows = await this.sql<IncidentRow[]>`
      SELECT ${this.sql.unsafe(SUMMARY_COLUMNS)} FROM ${from} ${this.where(conditions)}
      ORDER BY ${order} LIMIT ${limit < 0 ? null : limit} OFFSET ${Math.max(0, filter.offset ?? 0)}`;
    return rows.map(summary);
  }

  /** A page of incidents meeting a filter, in its order. */
  async list(filter: IncidentFilter): Promise<IncidentSummary[]> {
    return this.page(this.filters(filter), filter);
  }

  /** Full-text search, in the query's order: every word (NFKC, any length) is a case-insensitive substring of the incident's text. */
  async search(query: SearchQuery): Promise<IncidentSummary[]> {
    const words = this.words(query);
    const limit = query.limit ?? 50;
    const wanted = Math.max(0, query.offset ?? 0) + limit;
    // Several words: PostgreSQL estimates their matches as if the words were independent, and words
    // that go together ("紛失 USB") match far more than it thinks. It then fetches and re-checks every
    // match to sort them (400 ms for 紛失 USB at 100k), where walking the date order would stop at
    // the page. So the date order's head is read first: when the page fills from it, it is the page (no
    // match further down comes before it); else the words are rare, and the indexes find them.
    if (words.length >= 2 && limit >= 0 && wanted <= HEAD_ROWS_MAX && query.sort !== "affected") {
      const found = await this.page(words, query, { filters: this.filters(query), rows: Math.min(HEAD_ROWS_MAX, HEAD_ROWS_PER_RESULT * wanted) });
      if (found.length === limit) return found;
    }
    return this.page([...words, ...this.filters(query)], query);
  }

  /** Conditions on incident `i` for a query: every word in its text, and the filters. */
  private matching(query: SearchQuery): Fragment[] {
    return [...this.words(query), ...this.filters(query)];
  }

  /** Conditions on incident `i` for a query's words: each in its text. */
  private words(query: SearchQuery): Fragment[] {
    const terms = searchWords(query.q);
    // A word of one or two letters or digits is narrowed by the pair index, the trigram index cannot.
    const pairs = terms.filter((t) => ONE_RUN.test(t)).map((t) => this.sql`i.pairs @> ${[t]}::text[]`);
    return [...terms.map((t) => this.sql`i.body LIKE ${likePattern(t)} ESCAPE '\\'`), ...pairs];
  }

  /** How many incidents a query matches, and per facet value: counted per facet combination, then added up. */
  async facets(query: SearchQuery): Promise<Facets> {
    const groups = await this.sql<{ key: string; n: number }[]>`
      SELECT c.key, g.n FROM (SELECT i.facet_combo AS combo, count(*)::int AS n FROM incidents i ${this.where(this.matching(query))} GROUP BY i.facet_combo) g
      JOIN facet_combos c ON c.id = g.combo`;
    return facetsOfCombos(groups);
  }
}
