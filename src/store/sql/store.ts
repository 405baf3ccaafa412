import type { Casefile, Reanalysis } from "../../core/types.js";
import type { StatInput } from "../../intel/stats.js";
import type { Tlp } from "../../intel/taxonomies/tlp.js";
import type { Writer } from "../../casebook/authorize.js";
import type { Placement } from "../../casebook/correlate.js";
import type {
  Actor, AnalysedCasefile, AuditRecord, EventRecord, Facets, FeedSource, FieldChange, IncidentDetail, IncidentFilter, IncidentLink, IncidentSummary, IndicatorRecord,
  Role, SaveResult, SearchQuery, Store, StoredDocument, TaxiiObject, TaxiiStatusRecord, User, UserListing, WatchHit, WatchKind, Watchlist,
} from "../types.js";
import { saveBatch } from "./bulk.js";
import * as casebook from "./casebook.js";
import * as reads from "./reads.js";
import * as service from "./service.js";
import { one, q, type Step } from "./step.js";

/** Archived documents read per round trip when they are walked through (re-extraction). */
const DOCUMENT_PAGE = 50;

/**
 * The Store both backends share: every method a read or a write of steps (step.ts) spelled once. A
 * backend brings its connection and how it runs steps (`run`, `write`), its migrations, its search
 * (listing, full-text search, facets, statistics' filters) and its full-text index (casebook.ts).
 */
export abstract class SqlStore implements Store {
  abstract readonly location: string;
  /** Run steps outside a write transaction: reads, and single statements that need no turn among writers. */
  protected abstract run<T>(step: Step<T>): Promise<T>;
  /** Run steps as one write transaction, after every other writer's. */
  protected abstract write<T>(body: (w: casebook.Tx) => Step<T>): Promise<T>;
  abstract migrate(): Promise<void>;
  abstract listIncidents(filter?: IncidentFilter): Promise<IncidentSummary[]>;
  abstract searchIncidents(query: SearchQuery): Promise<IncidentSummary[]>;
  abstract facets(query: SearchQuery): Promise<Facets>;
  abstract statInputs(filter?: IncidentFilter & { q?: string }): Promise<StatInput[]>;
  abstract close(): Promise<void>;

  async hasDocument(sha256: string): Promise<boolean> {
    return (await this.archivedDocuments([sha256])).has(sha256);
  }

  async archivedDocuments(shas: string[]): Promise<Set<string>> {
    return shas.length ? this.run(casebook.archivedOf(shas)) : new Set();
  }

  addSource(sha256: string, source: string, fetchedAt: string, writer: Writer): Promise<void> {
    return this.write(() => casebook.addSource(sha256, source, fetchedAt, writer.clearance));
  }

  saveContainer(cf: Pick<Casefile, "doc" | "messages">): Promise<void> {
    return this.write(() => casebook.saveDocument(cf));
  }

  saveCasefile(cf: Casefile, writer: Writer, opts: { placement?: Placement } = {}): Promise<SaveResult> {
    return this.write((w) => casebook.saveCasefile(w, cf, writer, opts.placement));
  }

  async saveCasefiles(batch: AnalysedCasefile[], writer: Writer): Promise<(SaveResult | Error)[]> {
    try {
      // First all at once: a savepoint per casefile copies every page it changes on SQLite (about a
      // quarter of a save) and costs two round trips on PostgreSQL.
      return await this.write(function* (w) {
        const archived = yield* casebook.archivedOf(batch.map((b) => b.casefile.doc.sha256));
        const out = yield* saveBatch(w, batch, writer, archived);
        yield* service.watchSaved(out);
        return out;
      });
    } catch {
      // One failed and the whole batch was rolled back: again, each casefile in a savepoint, so that the
      // failing one is rolled back alone and its error takes its place.
      return this.write(function* (w) {
        const out: (SaveResult | Error)[] = [];
        for (const { casefile, digest } of batch) {
          yield q("SAVEPOINT one_casefile");
          try {
            out.push(yield* casebook.saveCasefile(w, casefile, writer, undefined, digest));
            yield q("RELEASE SAVEPOINT one_casefile");
          } catch (e) {
            yield q("ROLLBACK TO SAVEPOINT one_casefile");
            yield q("RELEASE SAVEPOINT one_casefile");
            out.push(e instanceof Error ? e : new Error(String(e)));
          }
        }
        yield* service.watchSaved(out);
        return out;
      });
    }
  }

  replaceAnalysis(items: Reanalysis[]): Promise<SaveResult> {
    return this.write((w) => casebook.replaceAnalysis(w, items));
  }

  documentHashes(): Promise<string[]> {
    return this.run(reads.documentHashes());
  }

  async *documents(only?: string[]): AsyncIterable<reads.ArchivedDocument> {
    // A page at a time: one round trip per page, and never every hash in memory.
    if (only) {
      for (let i = 0; i < only.length; i += DOCUMENT_PAGE) yield* await this.run(reads.documentsOf(only.slice(i, i + DOCUMENT_PAGE)));
      return;
    }
    for (let after: { first_seen: string; sha256: string } | null = null; ;) {
      const page: { first_seen: string; sha256: string }[] = await this.run(reads.documentHashesAfter(after, DOCUMENT_PAGE));
      if (page.length === 0) return;
      yield* await this.run(reads.documentsOf(page.map((d) => d.sha256)));
      after = page.at(-1)!;
    }
  }

  async getDocument(sha256: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null> {
    const [d] = await this.run(reads.documentsOf([sha256]));
    if (!d) return null;
    const { analysis: _, ...doc } = d;
    return doc;
  }

  getIncident(id: string): Promise<IncidentDetail | null> {
    return this.run(reads.incidentDetail(id));
  }

  async countIncidents(): Promise<number> {
    return (await this.run(one<{ n: number }>("SELECT count(*) AS n FROM incidents")))!.n;
  }

  incidentMarkings(ids: string[]): Promise<Map<string, string>> {
    return this.run(reads.incidentMarkings(ids));
  }

  documentMarkings(sha256: string): Promise<string[]> {
    return this.run(reads.markingsOf(sha256));
  }

  async merge(target: string, others: string[], writer: Writer): Promise<IncidentDetail> {
    return (await this.getIncident(await this.write((w) => casebook.merge(w, target, others, writer))))!;
  }

  unmerge(id: string, writer: Writer, noticeId?: string): Promise<string[]> {
    return this.write((w) => casebook.unmerge(w, id, writer, noticeId));
  }

  async edit(id: string, changes: FieldChange[], writer: Writer): Promise<IncidentDetail> {
    return (await this.getIncident(await this.write((w) => casebook.edit(w, id, changes, writer))))!;
  }

  async revert(id: string, field: string, writer: Writer): Promise<IncidentDetail> {
    return (await this.getIncident(await this.write((w) => casebook.revert(w, id, field, writer))))!;
  }

  history(id: string): Promise<EventRecord[]> {
    return this.run(reads.history(id));
  }

  incidentLinks(ids: string[]): Promise<IncidentLink[]> {
    return this.run(reads.incidentLinks(ids));
  }

  indicators(filter: { shared?: boolean; limit?: number } = {}): Promise<IndicatorRecord[]> {
    return this.run(reads.indicators(filter));
  }

  addUser(name: string, role: Role, clearance: Tlp | null, actor: Writer): Promise<{ user: User; token: string }> {
    return this.write(() => service.addUser(name, role, clearance, actor));
  }

  newToken(name: string, actor: Writer): Promise<string> {
    return this.write(() => service.newToken(name, actor));
  }

  listUsers(): Promise<UserListing[]> {
    return this.run(service.listUsers());
  }

  recordTokenUse(token: string): Promise<void> {
    return this.run(service.recordTokenUse(token));
  }

  revokeUser(name: string, actor: Actor): Promise<void> {
    return this.write(() => service.revokeUser(name, actor));
  }

  authenticate(token: string): Promise<User | null> {
    return this.run(service.authenticate(token));
  }

  audit(who: string, action: string, target: string, before: unknown, after: unknown): Promise<void> {
    return this.run(service.audit(who, action, target, before, after));
  }

  auditLog(filter: { target?: string; limit?: number } = {}): Promise<AuditRecord[]> {
    return this.run(service.auditLog(filter));
  }

  addWatchlist(w: { name: string; kind: WatchKind; pattern: string; webhook_url: string | null; secret: string | null }, actor: Actor): Promise<Watchlist> {
    return this.write(() => service.addWatchlist(w, actor));
  }

  listWatchlists(): Promise<Watchlist[]> {
    return this.run(service.listWatchlists());
  }

  removeWatchlist(id: number, actor: Actor): Promise<void> {
    return this.write(() => service.removeWatchlist(id, actor));
  }

  watchlistSecret(id: number): Promise<string | null> {
    return this.run(service.watchlistSecret(id));
  }

  matchWatchlists(incidentIds: string[]): Promise<WatchHit[]> {
    return this.write(() => service.matchWatchlists(incidentIds));
  }

  hits(watchlistId: number, filter: { limit?: number } = {}): Promise<WatchHit[]> {
    return this.run(service.hits(watchlistId, filter));
  }

  dueDeliveries(now: string, limit = 20): Promise<(WatchHit & { webhook_url: string })[]> {
    return this.run(service.dueDeliveries(now, limit));
  }

  pendingDelivery(hitId: number): Promise<(WatchHit & { webhook_url: string }) | null> {
    return this.run(service.pendingDelivery(hitId));
  }

  recordDelivery(hitId: number, ok: boolean, error: string | null, nextAttemptAt: string | null): Promise<void> {
    return this.run(service.recordDelivery(hitId, ok, error, nextAttemptAt));
  }

  addFeed(url: string, everySeconds: number, allowPrivate: boolean, actor: Actor): Promise<FeedSource> {
    return this.write(() => service.addFeed(url, everySeconds, allowPrivate, actor));
  }

  listFeeds(): Promise<FeedSource[]> {
    return this.run(service.listFeeds());
  }

  removeFeed(id: number, actor: Actor): Promise<void> {
    return this.write(() => service.removeFeed(id, actor));
  }

  dueFeeds(now: string): Promise<FeedSource[]> {
    return this.run(service.dueFeeds(now));
  }

  recordPoll(id: number, result: { status: string; etag: string | null; last_modified: string | null; next_fetch_at: string }): Promise<void> {
    return this.run(service.recordPoll(id, result));
  }

  addTaxiiObjects(objects: (Omit<TaxiiObject, "version" | "date_added"> & { version: string | null })[]): Promise<string> {
    return this.write(() => service.addTaxiiObjects(objects));
  }

  taxiiObjects(filter: { tlp: string[]; ids?: string[] }): Promise<TaxiiObject[]> {
    return this.run(service.taxiiObjects(filter));
  }

  removeTaxiiObjects(id: string, versions: string[], actor: Actor): Promise<number> {
    return this.write(() => service.removeTaxiiObjects(id, versions, actor));
  }

  saveTaxiiStatus(record: TaxiiStatusRecord): Promise<void> {
    return this.run(service.saveTaxiiStatus(record));
  }

  taxiiStatus(id: string): Promise<TaxiiStatusRecord | null> {
    return this.run(service.taxiiStatus(id));
  }
}
