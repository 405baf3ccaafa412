import type Database from "better-sqlite3";
import { bigramQuery, bigramTokens, ONE_RUN, facetsOfCombos, searchWords } from "../records.js";
import { SUMMARY_COLUMNS, summary, type IncidentRow } from "../sql/reads.js";
import { FacetCache } from "../facet-cache.js";
import type { Facets, IncidentFilter, IncidentSummary, SearchQuery, Sort } from "../types.js";

// Listing, full-text search and facets over the SQLite file: which incidents a query matches, a page
// of them in order, and how many per facet value; and the full-text indexes they read.

const DAY_MS = 86_400_000;
// Below this many incidents of a type, probing each of them for the words beats walking the index.
const RARE_TYPE = 100;
// Incidents read in date order, each checked for the words, before a bounded search falls back to the
// full-text index: about 3 µs each, 2 ms at most; enough for a first page of a word in one text of twelve.
const DATE_HEAD = 600;
const KEY_SHIFT = 2 ** 32;
// Two kanji or kana: the pair index holds exactly such a pair where the text has it (no case, no
// diacritics to fold, nothing the tokenizer splits on).
const KANA_KANJI_PAIR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2}$/u;

/** Day number of a `YYYY-MM-DD` date (days since 1970-01-01). */
function dayNumber(date: string): number {
  const [y, m, d] = date.split("-").map(Number);
  return Math.floor(Date.UTC(y!, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

/** Full-text key of an incident: its day in the high bits, its rowid in the low 32. */
function ftsKey(eventDate: string, rowid: number): number {
  return dayNumber(eventDate) * KEY_SHIFT + rowid;
}

/** ORDER BY terms of each sort on incident alias `a`; the rowid makes the order total. */
const ORDER: Readonly<Record<Sort, (a: string) => string>> = {
  newest: (a) => `${a}.event_date DESC, ${a}.rowid DESC`,
  oldest: (a) => `${a}.event_date, ${a}.rowid`,
  affected: (a) => `${a}.affected_count DESC NULLS LAST, ${a}.event_date DESC, ${a}.rowid DESC`,
};

/** Escape a user's text for a LIKE pattern with `\` as the escape character. */
function likePattern(s: string): string {
  return "%" + s.replace(/[\\%_]/g, (c) => "\\" + c) + "%";
}

/** Listing, search and facet counts over one SQLite connection. */
export class SqliteSearch {
  /** Facet counts of recent queries, valid until a write transaction commits. */
  private readonly facetCache = new FacetCache();

  constructor(private readonly db: Database.Database, private readonly st: (sql: string) => Database.Statement) {}

  /**
   * Index incidents' texts (their rows written), by incident id: trigrams and character pairs. One
   * statement per table for all of them: FTS5 flushes what it holds to a segment of its own at every
   * statement that writes to a full-text table, and merging such one-row segments cost a fifth of an
   * ingest's writing thread. Each statement takes its rows in key order: FTS5 also flushes whenever a
   * row's key is below the one it wrote before, and a batch in filing order (its keys' dates at random)
   * flushed about every other row (sorted, the index took 0.39 ms per incident instead of 0.64). The keys
   * are read and set for the whole batch in one statement each.
   */
  index(texts: ReadonlyMap<string, string>): void {
    if (texts.size === 0) return;
    const ids = JSON.stringify([...texts.keys()]);
    const found = this.st("SELECT id, rowid, fts_key, event_date FROM incidents WHERE id IN (SELECT value FROM json_each(?))").all(ids) as
      { id: string; rowid: number; fts_key: number | null; event_date: string }[];
    const old: number[] = [];
    const keys: [number, number][] = [];
    const rows: [number, string, string][] = [];
    for (const row of found) {
      const text = texts.get(row.id)!;
      const key = ftsKey(row.event_date, row.rowid);
      if (row.fts_key !== null) old.push(row.fts_key);
      keys.push([row.rowid, key]);
      rows.push([key, text, bigramTokens(text)]);
    }
    this.st("UPDATE incidents SET fts_key = k.value->>1 FROM json_each(?) k WHERE incidents.rowid = k.value->>0").run(JSON.stringify(keys));
    old.sort((a, b) => a - b);
    rows.sort((a, b) => a[0] - b[0]);
    if (old.length) {
      this.st("DELETE FROM incident_fts WHERE rowid IN (SELECT value FROM json_each(?))").run(JSON.stringify(old));
      this.st("DELETE FROM incident_bigrams WHERE rowid IN (SELECT value FROM json_each(?))").run(JSON.stringify(old));
    }
    const json = JSON.stringify(rows);
    this.st("INSERT INTO incident_fts (rowid, body) SELECT r.value->>0, r.value->>1 FROM json_each(?) r").run(json);
    this.st("INSERT INTO incident_bigrams (rowid, pairs) SELECT r.value->>0, r.value->>2 FROM json_each(?) r").run(json);
  }

  /** Drop an incident's text from the indexes, before its row is deleted. */
  unindex(id: string): void {
    this.st("DELETE FROM incident_fts WHERE rowid = (SELECT fts_key FROM incidents WHERE id = ?)").run(id);
    this.st("DELETE FROM incident_bigrams WHERE rowid = (SELECT fts_key FROM incidents WHERE id = ?)").run(id);
  }

  /** Rows of a page of incidents chosen by an inner query that yields incident rowids in order. */
  private page(inner: string, params: unknown[], filter: IncidentFilter): IncidentSummary[] {
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM incidents i WHERE i.rowid IN (${inner} LIMIT ? OFFSET ?)
      ORDER BY ${ORDER[filter.sort ?? "newest"]("i")}`;
    return (this.st(sql).all(...params, filter.limit ?? 50, filter.offset ?? 0) as IncidentRow[]).map(summary);
  }

  /**
   * Conditions on incident `x` for the type, sector, cause, basics and TLP filters. `probe`: a page's rows
   * come one by one from the full-text index, and each is looked up in the type's index (listing the
   * type's incidents first cost 30 ms for a common type at 1M, probing 3 ms; counting every match, the
   * list is cheaper).
   */
  attributeFilters(filter: IncidentFilter, probe = false): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.type) {
      where.push(probe ? "EXISTS (SELECT 1 FROM incident_types t WHERE t.type = ? AND t.incident_id = x.id)" : "x.id IN (SELECT incident_id FROM incident_types WHERE type = ?)");
      params.push(filter.type);
    }
    if (filter.sector) { where.push("x.sector = ?"); params.push(filter.sector); }
    // Cause and basics are read off the facet combinations (FACET_KEY), a short table, not off each incident.
    if (filter.cause) { where.push("x.facet_combo IN (SELECT c.id FROM facet_combos c, json_each(c.key, '$[4]') v WHERE v.value = ?)"); params.push(filter.cause); }
    if (filter.basics) { where.push("x.facet_combo IN (SELECT c.id FROM facet_combos c, json_each(c.key, '$[5]') v WHERE v.value = ?)"); params.push(filter.basics); }
    if (filter.tlp) { where.push(`x.tlp IN (${filter.tlp.map(() => "?").join(", ") || "NULL"})`); params.push(...filter.tlp); }
    return { where, params };
  }

  /** A page of the incidents a query matches, in its order. */
  search(query: SearchQuery): IncidentSummary[] {
    const head = this.fromDateHead(query);
    if (head) return head;
    const m = this.matching(query);
    return this.page(`SELECT x.rowid ${m.from} ORDER BY ${m.order}`, m.params, query);
  }

  /**
   * A page of a search bounded on the side it walks from (newest first until a date, oldest first since
   * one), read off the first incidents in that order, each checked for every word in its text: FTS5 finds
   * where such a bound falls only by walking every key beyond it (70 ms for 不正アクセス until mid-2019 at
   * 1M incidents, 360 ms for a nine-character word). Null when the page does not fill from the first
   * DATE_HEAD incidents of the range, and the full-text index answers.
   */
  private fromDateHead(query: SearchQuery): IncidentSummary[] | null {
    const sort = query.sort ?? "newest";
    const terms = searchWords(query.q);
    const far = sort === "newest" ? query.until : sort === "oldest" ? query.since : undefined;
    const want = (query.offset ?? 0) + (query.limit ?? 50);
    if (!far || terms.length === 0 || (query.limit ?? 50) < 0 || want > DATE_HEAD) return null;
    const { where, params } = this.attributeFilters(query, true);
    if (query.since) { where.push("x.fts_key >= ?"); params.push(dayNumber(query.since) * KEY_SHIFT); }
    if (query.until) { where.push("x.fts_key < ?"); params.push((dayNumber(query.until) + 1) * KEY_SHIFT); }
    const dir = sort === "newest" ? "DESC" : "";
    const range = `FROM incidents x INDEXED BY incidents_fts_key WHERE ${where.join(" AND ")} ORDER BY x.fts_key ${dir}`;
    // The key DATE_HEAD incidents into the range, if it holds that many: the walk stops there.
    const last = this.st(`SELECT x.fts_key AS k ${range} LIMIT 1 OFFSET ${DATE_HEAD - 1}`).get(...params) as { k: number } | undefined;
    const holds = terms.map(() => "EXISTS (SELECT 1 FROM incident_fts p WHERE p.rowid = x.fts_key AND p.body LIKE ? ESCAPE '\\')");
    const capped = last ? [...where, `x.fts_key ${dir ? ">=" : "<="} ?`] : where;
    const hits = (this.st(`SELECT x.rowid AS id FROM incidents x INDEXED BY incidents_fts_key WHERE ${[...capped, ...holds].join(" AND ")} ORDER BY x.fts_key ${dir} LIMIT ?`)
      .all(...params, ...(last ? [last.k] : []), ...terms.map(likePattern), want) as { id: number }[]).map((r) => r.id);
    if (hits.length < want && last) return null;
    return this.page("SELECT value FROM json_each(?) ORDER BY key", [JSON.stringify(hits)], query);
  }

  /**
   * The incidents `x` that match a query: FROM and WHERE clauses, and the order the query sorts by. The
   * full-text index drives: its keys run in date order, so the first page is found without collecting
   * every match, whatever the word. A rare incident type drives instead, each of its incidents probed
   * for the words. The incident columns used are all in covering indexes (but for the count of people
   * affected, which sorting by it reads). To count every match (`all`), a two-character kanji or kana
   * word beside long ones is looked up in the pair index once rather than read off each matching row's
   * text: the same matches, without reading the text. A short word the pair index cannot answer exactly
   * (punctuation or a symbol in it) is narrowed by the index and checked on the text itself, so the
   * answer is exactly the incidents whose text holds every word, as on every backend.
   */
  private matching(query: SearchQuery, all = false): { from: string; order: string; params: unknown[] } {
    const sort = query.sort ?? "newest";
    const terms = searchWords(query.q);
    if (terms.length === 0) {
      const { where, params } = this.attributeFilters(query);
      if (query.since) { where.push("x.event_date >= ?"); params.push(query.since); }
      if (query.until) { where.push("x.event_date <= ?"); params.push(query.until); }
      return { from: `FROM incidents x INDEXED BY incidents_event_date ${where.length ? "WHERE " + where.join(" AND ") : ""}`, order: ORDER[sort]("x"), params };
    }
    const quote = (x: string) => `"${x.replace(/"/g, '""')}"`;
    const long = terms.filter((t) => [...t].length >= 3);
    const short = terms.filter((t) => [...t].length < 3);
    const pairs = short.flatMap(bigramQuery);
    const loose = short.filter((t) => !ONE_RUN.test(t));
    // Conditions on a full-text key `k`, one per index.
    const text: { table: string; match: string }[] = [];
    if (long.length) text.push({ table: "incident_fts", match: long.map(quote).join(" AND ") });
    if (pairs.length) text.push({ table: "incident_bigrams", match: pairs.join(" AND ") });
    const probe = (t: { table: string }, key: string) => `EXISTS (SELECT 1 FROM ${t.table} p WHERE p.${t.table} MATCH ? AND p.rowid = ${key})`;
    const holds = (key: string) => `EXISTS (SELECT 1 FROM incident_fts p WHERE p.rowid = ${key} AND p.body LIKE ? ESCAPE '\\')`;
    const ofType = query.type ? (this.st("SELECT count(*) AS n FROM incident_types WHERE type = ?").get(query.type) as { n: number }).n : Infinity;
    const indexDrives = text.length > 0 && !(query.type && ofType <= RARE_TYPE);
    // A page probes the type of each match it walks; a count of every match reads the type's list once.
    const { where, params } = this.attributeFilters(query, indexDrives && !all);
    // Words no index can narrow (punctuation only) are read off every text.
    if (text.length === 0) for (const o of loose) { where.push("x.fts_key IN (SELECT rowid FROM incident_fts WHERE body LIKE ? ESCAPE '\\')"); params.push(likePattern(o)); }

    if (!indexDrives) {
      for (const t of text) { where.push(probe(t, "x.fts_key")); params.push(t.match); }
      if (text.length) for (const o of loose) { where.push(holds("x.fts_key")); params.push(likePattern(o)); }
      if (query.since) { where.push("x.event_date >= ?"); params.push(query.since); }
      if (query.until) { where.push("x.event_date <= ?"); params.push(query.until); }
      return { from: `FROM incidents x WHERE ${where.join(" AND ") || "1"}`, order: ORDER[sort]("x"), params };
    }
    // The trigram index drives when there are long words; short words are then read off the same
    // row's text. Otherwise the pair index drives.
    const driver = text[0]!;
    const keyWhere = [`f.${driver.table} MATCH ?`];
    const keyParams: unknown[] = [driver.match];
    if (query.since) { keyWhere.push("f.rowid >= ?"); keyParams.push(dayNumber(query.since) * KEY_SHIFT); }
    if (query.until) { keyWhere.push("f.rowid < ?"); keyParams.push((dayNumber(query.until) + 1) * KEY_SHIFT); }
    if (driver.table === "incident_fts") {
      for (const t of short) {
        if (all && KANA_KANJI_PAIR.test(t)) { keyWhere.push("+f.rowid IN (SELECT rowid FROM incident_bigrams WHERE incident_bigrams MATCH ?)"); keyParams.push(quote(t)); }
        else { keyWhere.push("f.body LIKE ? ESCAPE '\\'"); keyParams.push(likePattern(t)); }
      }
    } else {
      for (const o of loose) { keyWhere.push(holds("f.rowid")); keyParams.push(likePattern(o)); }
    }
    return {
      from: `FROM ${driver.table} f JOIN incidents x INDEXED BY incidents_fts_key ON x.fts_key = f.rowid WHERE ${[...keyWhere, ...where].join(" AND ")}`,
      // The key orders by date, then rowid, as ORDER does.
      order: sort === "newest" ? "f.rowid DESC" : sort === "oldest" ? "f.rowid" : "x.affected_count DESC NULLS LAST, f.rowid DESC",
      params: [...keyParams, ...params],
    };
  }

  /** Where the casebook stands: the version every write transaction bumps, whichever process writes. */
  private casebookVersion(): number {
    return (this.st("SELECT n FROM casebook_version").get() as { n: number }).n;
  }

  /** Counts per facet of the incidents a query matches, remembered until a write transaction commits. */
  facets(query: SearchQuery): Facets {
    const version = this.casebookVersion();
    return this.facetCache.get(version, query) ?? this.facetCache.keep(version, query, this.countFacets(query));
  }


  /** Counts per facet of the incidents a query matches, read off their facet combinations. */
  private countFacets(query: SearchQuery): Facets {
    const m = this.matching(query, true);
    const groups = this.st(
      `SELECT c.key, g.n FROM (SELECT x.facet_combo AS combo, count(*) AS n ${m.from} GROUP BY x.facet_combo) g JOIN facet_combos c ON c.id = g.combo`,
    ).all(...m.params) as { key: string; n: number }[];
    return facetsOfCombos(groups);
  }
}
