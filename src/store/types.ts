import type { Role, Writer } from "../casebook/authorize.js";
import type { Placement } from "../casebook/correlate.js";
import type { FieldChange } from "../casebook/edit.js";
import type { WatchKind } from "../casebook/watch.js";
import type { EventAction, LinkMethod } from "../casebook/trail.js";
import type { StatInput } from "../intel/stats.js";
import type { Basic } from "../intel/taxonomies/basics.js";
import type { TsrCause } from "../intel/taxonomies/tsr.js";
import type { Tlp } from "../intel/taxonomies/tlp.js";
import type { Casefile, Finding, IncidentFields, IncidentType, Message, NoticeKind, Reanalysis, Sector, Tag } from "../core/types.js";

/** What saving one document changed. */
export interface SaveResult {
  /** False when the document was already archived (nothing changed). */
  stored: boolean;
  notices: number;
  incidentsNew: number;
  incidentsUpdated: number;
  incidentsUnchanged: number;
  /** Incidents this save opened or touched (still existing). */
  incidentIds: string[];
}

/** A casefile to save, with the digest of its analysis when that was computed already (on a worker). */
export interface AnalysedCasefile {
  casefile: Casefile;
  digest?: string;
}

/** An incident as lists and searches return it. */
export interface IncidentSummary {
  id: string;
  title: string;
  organization: string | null;
  sector: Sector | null;
  disclosed_on: string | null;
  discovered_on: string | null;
  incident_types: IncidentType[];
  affected_count: number | null;
  sources: number;
  updated_at: string;
}

/** A notice that is a source of an incident, with where it came from. */
export interface NoticeRecord {
  id: string;
  document: string;
  title: string;
  span: [number, number];
  kind: NoticeKind;
  is_incident: boolean;
  reason: string;
  listing_date: string | null;
  source: string;
  fetched_at: string;
  fields: IncidentFields | null;
  findings: Finding[];
}

/** Why a notice belongs to its incident. */
export interface LinkRecord {
  method: LinkMethod;
  score: number | null;
  reason: string;
  by: string;
  at: string;
}

/** An analyst's correction of one field. */
export interface OverrideRecord {
  id: number;
  field: string;
  value: unknown;
  who: string;
  at: string;
  why: string | null;
}

/** One entry of an incident's history. */
export interface EventRecord {
  at: string;
  who: string;
  action: EventAction;
  detail: Record<string, unknown>;
}

/** Another incident that shares something with this one. */
export interface RelatedIncident {
  id: string;
  title: string;
  organization: string | null;
  reason: string;
}

/** An incident with every field, its sources and the evidence for each field. */
export interface IncidentDetail extends IncidentSummary {
  fields: IncidentFields;
  tlp: string;
  tags: Tag[];
  notices: (NoticeRecord & { link: LinkRecord | null })[];
  overrides: OverrideRecord[];
  related: RelatedIncident[];
  aliases: string[];
  created_at: string;
}

export type { FieldChange };

/** Who does something and why, for the audit trail. */
export interface Actor {
  who: string;
  why?: string;
}

/** An indicator with the incidents that mention it. */
export interface IndicatorRecord {
  value: string;
  kind: string;
  incidents: { id: string; title: string; organization: string | null }[];
}

/** Something an incident names that can link it to others: its organisation, another party, an indicator. */
export interface IncidentLink {
  incident_id: string;
  role: "organization" | "other" | "indicator";
  /** What links incidents: the organisation key, or the indicator key (null: an indicator too common to link, see the warninglists). */
  key: string | null;
  /** As the incident names it. */
  name: string;
  /** The indicator's kind (email, domain, url, ip…); null for parties. */
  indicator_kind: string | null;
}

/** An archived document as stored. */
export interface StoredDocument {
  sha256: string;
  mediaType: string;
  charset: string | null;
  size: number;
  title: string | null;
  published: string | null;
  parent: string | null;
  sources: { source: string; fetched_at: string }[];
  messages: Message[];
  text: string | null;
}

/** Orders of lists and searches: newest or oldest by incident date, or most people affected first (unknown last). */
export const SORTS = ["newest", "oldest", "affected"] as const;
/** One order of incidents; ties are broken by insertion order, so pages of a query never overlap. */
export type Sort = (typeof SORTS)[number];

/** Filters shared by list and search. */
export interface IncidentFilter {
  type?: IncidentType;
  sector?: Sector;
  /** Only incidents whose TSR cause (the cause facet's key) is this. */
  cause?: TsrCause;
  /** Only incidents that teach this basics lesson (a basics facet key). */
  basics?: Basic;
  /** Inclusive lower bound on the incident date (disclosed, else discovered), `YYYY-MM-DD`. */
  since?: string;
  until?: string;
  /** Only incidents marked with one of these TLP levels (a reader's clearance). */
  tlp?: string[];
  /** Page size; -1 means every match. */
  limit?: number;
  offset?: number;
  /** Order of the page (default newest); counts and facets do not depend on it. */
  sort?: Sort;
}

/** Counts of matching incidents per value, for search facets. */
export interface Facets {
  total: number;
  type: { key: string; count: number }[];
  sector: { key: string; count: number }[];
  year: { key: string; count: number }[];
  tlp: { key: string; count: number }[];
  cause: { key: string; count: number }[];
  basics: { key: string; count: number }[];
}

/** A full-text query with filters. */
export interface SearchQuery extends IncidentFilter {
  q: string;
}

/** The one contract every backend (SQLite, PostgreSQL) implements. */
export interface Store extends ServiceStore {
  /** Human-readable location, e.g. the file path. */
  readonly location: string;
  /** Bring the schema up to date. */
  migrate(): Promise<void>;
  /** True when these bytes are already archived. */
  hasDocument(sha256: string): Promise<boolean>;
  /** Which of these documents (by hash) are already archived. */
  archivedDocuments(shas: string[]): Promise<Set<string>>;
  /** Remember one more place the same bytes were read from, unless they belong to an incident the writer may not see. */
  addSource(sha256: string, source: string, fetchedAt: string, writer: Writer): Promise<void>;
  /** Archive a container (a feed) that holds no notices itself. */
  saveContainer(cf: Pick<Casefile, "doc" | "messages">): Promise<void>;
  /**
   * Archive a document with its notices and incidents, all in one transaction, as `writer`: a notice
   * marked above their clearance is refused (ForbiddenError), a new notice joins only an incident they
   * may see, and a document already archived under an incident they may not see is left alone.
   * `placement` (imports): where its new incident notices go instead of where correlation would put them.
   */
  saveCasefile(cf: Casefile, writer: Writer, opts?: { placement?: Placement }): Promise<SaveResult>;
  /**
   * Save casefiles as saveCasefile saves each, in order, in one transaction: a casefile that fails is
   * rolled back alone (a savepoint) and its error takes its place in the results, aligned with the batch.
   * The watchlists are matched against the incidents the batch opened or changed in the same transaction:
   * a run killed between two batches has recorded every hit of the batches it wrote.
   */
  saveCasefiles(batch: AnalysedCasefile[], writer: Writer): Promise<(SaveResult | Error)[]>;
  /**
   * Replace documents' notices and incidents with a fresh analysis (re-extraction), in one
   * transaction; documents whose analysis digest did not change are left untouched.
   */
  replaceAnalysis(items: Reanalysis[]): Promise<SaveResult>;
  /** The SHA-256 of every archived document, in archive order (first seen first). */
  documentHashes(): Promise<string[]>;
  /** Archived documents (all, in archive order, or those `only` names, in its order), with their original bytes and the digest of their stored analysis, one at a time. */
  documents(only?: string[]): AsyncIterable<StoredDocument & { bytes: Uint8Array; analysis: string | null }>;
  /** One archived document. */
  getDocument(sha256: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null>;
  /** Incidents, newest first unless the filter sorts otherwise. */
  listIncidents(filter?: IncidentFilter): Promise<IncidentSummary[]>;
  /** Incidents matching a Japanese full-text query (any length) and filters. */
  searchIncidents(query: SearchQuery): Promise<IncidentSummary[]>;
  /** One incident with its sources and evidence, or null. */
  getIncident(id: string): Promise<IncidentDetail | null>;
  /** How many incidents the casebook holds. */
  countIncidents(): Promise<number>;
  /** How many incidents match a query (any length, filters), and per facet value. */
  facets(query: SearchQuery): Promise<Facets>;
  /** The TLP marking of the incident each id (or alias) names; ids that name no incident are left out. */
  incidentMarkings(ids: string[]): Promise<Map<string, string>>;
  /** The TLP markings of the incidents that draw on a document or on any document carved out of it. */
  documentMarkings(sha256: string): Promise<string[]>;
  /**
   * Move the sources of `others` into `target`; their ids become aliases; the result keeps the strictest
   * marking of them all. An incident above the writer's clearance is missing to them (NotFoundError).
   */
  merge(target: string, others: string[], writer: Writer): Promise<IncidentDetail>;
  /**
   * Split sources off an incident (one notice, or every source but the first) into incidents of their
   * own; every part keeps the incident's marking. Above the writer's clearance it is missing to them.
   */
  unmerge(id: string, writer: Writer, noticeId?: string): Promise<string[]>;
  /**
   * Record analyst corrections; re-extraction never overwrites them. Above the writer's clearance the
   * incident is missing to them; a marking above it is refused (ForbiddenError).
   */
  edit(id: string, changes: FieldChange[], writer: Writer): Promise<IncidentDetail>;
  /** Withdraw the analyst's correction of a field, going back to what extraction says (within the writer's clearance, as edit). */
  revert(id: string, field: string, writer: Writer): Promise<IncidentDetail>;
  /** The incident's trail: sources added, merges, edits, re-extraction changes. */
  history(id: string): Promise<EventRecord[]>;
  /** What statistics need of every incident matching a filter and, when given, a full-text query (limit, offset and sort ignored). */
  statInputs(filter?: IncidentFilter & { q?: string }): Promise<StatInput[]>;
  /** The organisations, other parties and indicators these incidents name, ordered by incident, role and name. */
  incidentLinks(ids: string[]): Promise<IncidentLink[]>;
  /** Indicators that can link incidents, with the incidents that mention each. */
  indicators(filter?: { shared?: boolean; limit?: number }): Promise<IndicatorRecord[]>;
  close(): Promise<void>;
}

export { ROLES, type Role } from "../casebook/authorize.js";

/** A user of a shared casebook. */
export interface User {
  id: number;
  name: string;
  role: Role;
  /** The most restrictive TLP marking this user may see: CLEAR, GREEN, AMBER, AMBER+STRICT or RED. */
  clearance: string;
  created_at: string;
  revoked_at: string | null;
}

/** A user as admins list them: with the last noted use of any of their tokens (to the minute; null if never used). */
export interface UserListing extends User {
  last_used_at: string | null;
}

/** One entry of the audit log: every write, who made it, and the state before and after. */
export interface AuditRecord {
  id: number;
  at: string;
  who: string;
  action: string;
  target: string;
  before: unknown;
  after: unknown;
}

export { WATCH_KINDS } from "../casebook/watch.js";
export type { WatchKind };

/** A watchlist: a pattern, and where to send a signed POST when an incident matches. */
export interface Watchlist {
  id: number;
  name: string;
  kind: WatchKind;
  pattern: string;
  webhook_url: string | null;
  created_by: string;
  created_at: string;
}

/** An incident that matched a watchlist, and the state of its webhook delivery. */
export interface WatchHit {
  id: number;
  watchlist_id: number;
  incident_id: string;
  at: string;
  reason: string;
  delivered_at: string | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
}

/** A URL polled on a schedule by `jikenbo serve`. */
export interface FeedSource {
  id: number;
  url: string;
  every_seconds: number;
  allow_private: boolean;
  etag: string | null;
  last_modified: string | null;
  last_fetched_at: string | null;
  next_fetch_at: string;
  last_status: string | null;
  created_by: string;
}

/** One version of a STIX object submitted to the TAXII submissions collection. */
export interface TaxiiObject {
  /** The STIX id. */
  id: string;
  /** The object's `modified`, else its `created`, else when it was added. */
  version: string;
  type: string;
  spec_version: string;
  /** The most restrictive TLP marking on the object or any part of it; CLEAR when it has none. */
  tlp: string;
  /** When the server first stored this version (later additions always get later times). */
  date_added: string;
  object: Record<string, unknown>;
}

/** A TAXII status resource as kept: who made the request, the resource as served to them, and each object's marking. */
export interface TaxiiStatusRecord {
  id: string;
  who: string;
  status: Record<string, unknown>;
  /** The TLP marking of each object the status names, by id: readers see only what their clearance allows. */
  markings: Record<string, string>;
}

/** Users, tokens, audit, watchlists and polled sources: what a shared casebook server needs. */
export interface ServiceStore {
  /**
   * Add a user; returns the user and a new API token, shown once (only its hash is kept). The clearance
   * is never above the granter's (the role's default is capped at it; asking for more is a ForbiddenError).
   */
  addUser(name: string, role: Role, clearance: Tlp | null, granter: Writer): Promise<{ user: User; token: string }>;
  /** Issue another token for a user (not for one cleared above the issuer). */
  newToken(name: string, issuer: Writer): Promise<string>;
  listUsers(): Promise<UserListing[]>;
  /** Revoke a user and all their tokens. */
  revokeUser(name: string, actor: Actor): Promise<void>;
  /** The live user a token belongs to, or null; reads only. */
  authenticate(token: string): Promise<User | null>;
  /**
   * Note that a token was used just now (a hint for admins: callers go on if this write fails). A use
   * within TOKEN_USE_RESOLUTION_MS of the noted one writes nothing, so reading signed in does not write.
   */
  recordTokenUse(token: string): Promise<void>;
  /** Record a write in the audit log. */
  audit(who: string, action: string, target: string, before: unknown, after: unknown): Promise<void>;
  /** The audit log, newest first. */
  auditLog(filter?: { target?: string; limit?: number }): Promise<AuditRecord[]>;
  addWatchlist(w: { name: string; kind: WatchKind; pattern: string; webhook_url: string | null; secret: string | null }, actor: Actor): Promise<Watchlist>;
  listWatchlists(): Promise<Watchlist[]>;
  removeWatchlist(id: number, actor: Actor): Promise<void>;
  /** The secret that signs a watchlist's webhook posts. */
  watchlistSecret(id: number): Promise<string | null>;
  /** Match incidents against every watchlist and record new hits; returns the new hits. */
  matchWatchlists(incidentIds: string[]): Promise<WatchHit[]>;
  hits(watchlistId: number, filter?: { limit?: number }): Promise<WatchHit[]>;
  /** Hits whose webhook is due for (another) delivery attempt. */
  dueDeliveries(now: string, limit?: number): Promise<(WatchHit & { webhook_url: string })[]>;
  /** A hit whose webhook delivery is still pending (neither delivered nor given up), whenever it is due; null otherwise. */
  pendingDelivery(hitId: number): Promise<(WatchHit & { webhook_url: string }) | null>;
  /** Record a delivery attempt: delivered, or failed with the next attempt's time (null: give up). */
  recordDelivery(hitId: number, ok: boolean, error: string | null, nextAttemptAt: string | null): Promise<void>;
  /** Poll a URL on a schedule (`jikenbo source add`). */
  addFeed(url: string, everySeconds: number, allowPrivate: boolean, actor: Actor): Promise<FeedSource>;
  listFeeds(): Promise<FeedSource[]>;
  removeFeed(id: number, actor: Actor): Promise<void>;
  /** Polled URLs due now. */
  dueFeeds(now: string): Promise<FeedSource[]>;
  /** Record a poll: validators for the next conditional GET, status, and when to poll again. */
  recordPoll(id: number, result: { status: string; etag: string | null; last_modified: string | null; next_fetch_at: string }): Promise<void>;
  /**
   * Keep submitted object versions (a version already kept stays as it was); every one gets the same
   * date added, later than any before. Objects without a version take that date as theirs. Returns the date.
   */
  addTaxiiObjects(objects: (Omit<TaxiiObject, "version" | "date_added"> & { version: string | null })[]): Promise<string>;
  /** Submitted object versions marked with one of these TLP levels (of these ids, when given), by date added, id and version. */
  taxiiObjects(filter: { tlp: string[]; ids?: string[] }): Promise<TaxiiObject[]>;
  /** Delete versions of a submitted object; returns how many were deleted. */
  removeTaxiiObjects(id: string, versions: string[], actor: Actor): Promise<number>;
  saveTaxiiStatus(record: TaxiiStatusRecord): Promise<void>;
  taxiiStatus(id: string): Promise<TaxiiStatusRecord | null>;
}

export { ConflictError, NotFoundError } from "../casebook/errors.js";
