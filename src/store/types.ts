import type { Casefile, Finding, IncidentFields, IncidentType, Message, NoticeKind, Sector } from "../core/types.js";

/** What saving one document changed. */
export interface SaveResult {
  /** False when the document was already archived (nothing changed). */
  stored: boolean;
  notices: number;
  incidentsNew: number;
  incidentsUpdated: number;
  incidentsUnchanged: number;
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

/** An incident with every field, its sources and the evidence for each field. */
export interface IncidentDetail extends IncidentSummary {
  fields: IncidentFields;
  notices: NoticeRecord[];
  created_at: string;
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

/** Filters shared by list and search. */
export interface IncidentFilter {
  type?: IncidentType;
  sector?: Sector;
  /** Inclusive lower bound on the incident date (disclosed, else discovered), `YYYY-MM-DD`. */
  since?: string;
  until?: string;
  limit?: number;
  offset?: number;
}

/** A full-text query with filters. */
export interface SearchQuery extends IncidentFilter {
  q: string;
}

/** The one contract every backend (SQLite, PostgreSQL) implements. */
export interface Store {
  /** Human-readable location, e.g. the file path. */
  readonly location: string;
  /** Bring the schema up to date. */
  migrate(): Promise<void>;
  /** True when these bytes are already archived. */
  hasDocument(sha256: string): Promise<boolean>;
  /** Remember one more place the same bytes were read from. */
  addSource(sha256: string, source: string, fetchedAt: string): Promise<void>;
  /** Archive a container (a feed) that holds no notices itself. */
  saveContainer(cf: Pick<Casefile, "doc" | "messages">): Promise<void>;
  /** Archive a document with its notices and incidents, all in one transaction. */
  saveCasefile(cf: Casefile): Promise<SaveResult>;
  /**
   * Replace documents' notices and incidents with a fresh analysis (re-extraction), in one
   * transaction; documents whose analysis did not change are left untouched.
   */
  replaceAnalysis(cfs: Casefile[]): Promise<SaveResult>;
  /** Archived documents, with their original bytes, one at a time. */
  documents(): AsyncIterable<StoredDocument & { bytes: Uint8Array }>;
  /** One archived document. */
  getDocument(sha256: string): Promise<(StoredDocument & { bytes: Uint8Array }) | null>;
  /** Incidents, newest first. */
  listIncidents(filter?: IncidentFilter): Promise<IncidentSummary[]>;
  /** Incidents matching a Japanese full-text query (any length) and filters. */
  searchIncidents(query: SearchQuery): Promise<IncidentSummary[]>;
  /** One incident with its sources and evidence, or null. */
  getIncident(id: string): Promise<IncidentDetail | null>;
  /** How many incidents the casebook holds. */
  countIncidents(): Promise<number>;
  close(): Promise<void>;
}
