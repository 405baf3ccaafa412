import type postgres from "postgres";
import { facetsOfCombos, ONE_RUN } from "../records.js";
import { SUMMARY_COLUMNS, summary, type IncidentRow } from "../sql/reads.js";
import type { Facets, IncidentFilter, IncidentSummary, SearchQuery } from "../types.js";

// Listing, full-text search and facets over the PostgreSQL casebook: the conditions a query and its
// filters put on incidents, a page of them in order, and how many per facet value.

type Fragment = postgres.Fragment;

/** Escape a user's text for a LIKE pattern with `\` as the escape character. */
function likePattern(s: string): string {
  return "%" + s.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

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

  /** A page of incidents meeting the conditions, in the filter's order (limit -1: every one). */
  private async page(conditions: Fragment[], filter: IncidentFilter): Promise<IncidentSummary[]> {
    const limit = filter.limit ?? 50;
    const order = {
      newest: this.sql`i.event_date DESC NULLS LAST, i.seq DESC`,
      oldest: this.sql`i.event_date NULLS FIRST, i.seq`,
      affected: this.sql`i.affected_count DESC NULLS LAST, i.event_date DESC NULLS LAST, i.seq DESC`,
    }[filter.sort ?? "newest"];
    const rows = await this.sql<IncidentRow[]>`
      SELECT ${this.sql.unsafe(SUMMARY_COLUMNS)} FROM incidents i ${this.where(conditions)}
      ORDER BY ${order} LIMIT ${limit < 0 ? null : limit} OFFSET ${Math.max(0, filter.offset ?? 0)}`;
    return rows.map(summary);
  }

  /** A page of incidents meeting a filter, in its order. */
  async list(filter: IncidentFilter): Promise<IncidentSummary[]> {
    return this.page(this.filters(filter), filter);
  }

  /** Full-text search, in the query's order: every word (NFKC, any length) is a case-insensitive substring of the incident's text. */
  async search(query: SearchQuery): Promise<IncidentSummary[]> {
    return this.page(this.matching(query), query);
  }

  /** Conditions on incident `i` for a query: every word in its text, and the filters. */
  private matching(query: SearchQuery): Fragment[] {
    const terms = query.q.normalize("NFKC").toLowerCase().trim().split(/\s+/).filter(Boolean);
    // A word of one or two letters or digits is narrowed by the pair index, the trigram index cannot.
    const pairs = terms.filter((t) => ONE_RUN.test(t)).map((t) => this.sql`i.pairs @> ${[t]}::text[]`);
    return [...terms.map((t) => this.sql`i.body LIKE ${likePattern(t)} ESCAPE '\\'`), ...pairs, ...this.filters(query)];
  }

  /** How many incidents a query matches, and per facet value: counted per facet combination, then added up. */
  async facets(query: SearchQuery): Promise<Facets> {
    const groups = await this.sql<{ key: string; n: number }[]>`
      SELECT c.key, g.n FROM (SELECT i.facet_combo AS combo, count(*)::int AS n FROM incidents i ${this.where(this.matching(query))} GROUP BY i.facet_combo) g
      JOIN facet_combos c ON c.id = g.combo`;
    return facetsOfCombos(groups);
  }
}
