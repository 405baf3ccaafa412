/** Versioned schema changes for the SQLite store; index + 1 is the schema version. */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE documents (
    sha256      TEXT PRIMARY KEY,
    media_type  TEXT NOT NULL,
    charset     TEXT,
    size        INTEGER NOT NULL,
    bytes       BLOB NOT NULL,
    text        TEXT,
    title       TEXT,
    published   TEXT,
    parent      TEXT,
    messages    TEXT NOT NULL DEFAULT '[]',
    analysis    TEXT,
    first_seen  TEXT NOT NULL
  );
  CREATE TABLE sources (
    sha256      TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    fetched_at  TEXT NOT NULL,
    PRIMARY KEY (sha256, source)
  );
  CREATE TABLE incidents (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    organization    TEXT,
    sector          TEXT,
    disclosed_on    TEXT,
    discovered_on   TEXT,
    event_date      TEXT,
    fts_key         INTEGER,
    affected_count  INTEGER,
    fields          TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  );
  CREATE INDEX incidents_event_date ON incidents(event_date, sector);
  CREATE INDEX incidents_sector ON incidents(sector);
  CREATE INDEX incidents_updated ON incidents(updated_at);
  CREATE TABLE incident_types (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    PRIMARY KEY (incident_id, type)
  );
  CREATE INDEX incident_types_type ON incident_types(type, incident_id);
  CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    document     TEXT NOT NULL REFERENCES documents(sha256) ON DELETE CASCADE,
    idx          INTEGER NOT NULL,
    title        TEXT NOT NULL,
    start        INTEGER NOT NULL,
    end          INTEGER NOT NULL,
    kind         TEXT NOT NULL,
    is_incident  INTEGER NOT NULL,
    reason       TEXT NOT NULL,
    listing_date TEXT,
    category     TEXT,
    fields       TEXT,
    confidence   TEXT,
    incident_id  TEXT REFERENCES incidents(id) ON DELETE SET NULL
  );
  CREATE INDEX notices_document ON notices(document);
  CREATE INDEX notices_incident ON notices(incident_id);
  CREATE TABLE findings (
    notice_id   TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    confidence  REAL NOT NULL,
    rule        TEXT NOT NULL
  );
  CREATE INDEX findings_notice ON findings(notice_id);
  -- Full text of each incident, keyed by fts_key = (day of event_date << 32) + incident rowid, so
  -- the index walks matches newest first and a date range is a key range.
  CREATE VIRTUAL TABLE incident_fts USING fts5(body, tokenize = 'trigram');
  -- How many incidents hold each trigram: tells a rare word from one in nearly every notice.
  CREATE VIRTUAL TABLE incident_fts_vocab USING fts5vocab(incident_fts, 'row');
  -- Overlapping character pairs of the same text, for queries shorter than a trigram.
  CREATE VIRTUAL TABLE incident_bigrams USING fts5(pairs, tokenize = 'unicode61', content = '', contentless_delete = 1, detail = 'none');
  `,
];
