/** Incident `i`'s facet values as one JSON key: [sector, year, TLP, types, causes, basics], lists sorted. */
export const FACET_KEY = `json_array(coalesce(i.sector, 'unknown'), substr(i.event_date, 1, 4), i.tlp,
    json((SELECT json_group_array(t.type ORDER BY t.type) FROM incident_types t WHERE t.incident_id = i.id)),
    json((SELECT json_group_array(g.value ->> '$.value' ORDER BY g.value ->> '$.value') FROM json_each(i.tags) g WHERE g.value ->> '$.taxonomy' = 'tsr_cause')),
    json((SELECT json_group_array(g.value ->> '$.value' ORDER BY g.value ->> '$.value') FROM json_each(i.tags) g WHERE g.value ->> '$.taxonomy' = 'basics')))`;


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
  `
  ALTER TABLE notices ADD COLUMN tags TEXT;
  ALTER TABLE incidents ADD COLUMN tlp TEXT NOT NULL DEFAULT 'CLEAR';
  ALTER TABLE incidents ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE incidents ADD COLUMN casebook_id TEXT;
  ALTER TABLE incidents ADD COLUMN org_key TEXT;
  CREATE INDEX incidents_casebook ON incidents(casebook_id);
  CREATE INDEX incidents_org_key ON incidents(org_key);
  -- Why a notice belongs to its incident: the notice that opened it, an automatic match with its
  -- score, or an analyst's merge.
  CREATE TABLE links (
    notice_id   TEXT PRIMARY KEY REFERENCES notices(id) ON DELETE CASCADE,
    incident_id TEXT NOT NULL,
    method      TEXT NOT NULL CHECK (method IN ('first', 'auto', 'manual')),
    score       REAL,
    reason      TEXT NOT NULL,
    by          TEXT NOT NULL,
    at          TEXT NOT NULL
  );
  CREATE INDEX links_incident ON links(incident_id);
  -- Notices an analyst split off an incident: never joined to it again automatically.
  CREATE TABLE merge_blocks (
    notice_id   TEXT NOT NULL,
    incident_id TEXT NOT NULL,
    by          TEXT NOT NULL,
    at          TEXT NOT NULL,
    PRIMARY KEY (notice_id, incident_id)
  );
  -- Analyst corrections: the latest active one per field wins over extraction, whatever re-runs.
  CREATE TABLE overrides (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    who         TEXT NOT NULL,
    at          TEXT NOT NULL,
    why         TEXT,
    active      INTEGER NOT NULL DEFAULT 1
  );
  CREATE INDEX overrides_incident ON overrides(incident_id, active);
  -- The trail of every change to an incident: sources added, merges, edits, re-extraction.
  CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    incident_id TEXT NOT NULL,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    action      TEXT NOT NULL,
    detail      TEXT NOT NULL
  );
  CREATE INDEX events_incident ON events(incident_id, id);
  -- Ids of incidents merged into another keep resolving to it.
  CREATE TABLE incident_aliases (
    alias       TEXT PRIMARY KEY,
    incident_id TEXT NOT NULL
  );
  -- What an incident shares with others: indicators and named parties.
  CREATE TABLE incident_indicators (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    value       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    PRIMARY KEY (incident_id, value)
  );
  CREATE INDEX incident_indicators_value ON incident_indicators(value);
  CREATE TABLE incident_parties (
    incident_id TEXT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('organization', 'other')),
    PRIMARY KEY (incident_id, key, role)
  );
  CREATE INDEX incident_parties_key ON incident_parties(key);
  `,
  `
  CREATE TABLE users (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    role        TEXT NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    clearance   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
  );
  -- API tokens, kept only as SHA-256 hashes.
  CREATE TABLE tokens (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    hash        TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at  TEXT
  );
  CREATE TABLE audit (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    who         TEXT NOT NULL,
    action      TEXT NOT NULL,
    target      TEXT NOT NULL,
    before      TEXT,
    after       TEXT
  );
  CREATE INDEX audit_target ON audit(target, id);
  CREATE TABLE watchlists (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('organization', 'vendor', 'domain', 'indicator', 'keyword')),
    pattern     TEXT NOT NULL,
    webhook_url TEXT,
    secret      TEXT,
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    removed_at  TEXT
  );
  -- One hit per watchlist, incident and version of the incident's fields.
  CREATE TABLE watch_hits (
    id              INTEGER PRIMARY KEY,
    watchlist_id    INTEGER NOT NULL REFERENCES watchlists(id),
    incident_id     TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    at              TEXT NOT NULL,
    reason          TEXT NOT NULL,
    delivered_at    TEXT,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    last_error      TEXT,
    UNIQUE (watchlist_id, incident_id, fingerprint)
  );
  CREATE INDEX watch_hits_due ON watch_hits(next_attempt_at) WHERE delivered_at IS NULL;
  CREATE TABLE feeds (
    id              INTEGER PRIMARY KEY,
    url             TEXT NOT NULL UNIQUE,
    every_seconds   INTEGER NOT NULL,
    allow_private   INTEGER NOT NULL DEFAULT 0,
    etag            TEXT,
    last_modified   TEXT,
    last_fetched_at TEXT,
    next_fetch_at   TEXT NOT NULL,
    last_status     TEXT,
    created_by      TEXT NOT NULL,
    removed_at      TEXT
  );
  `,
  `
  -- The key under which an indicator may link incidents; null for values the warninglists keep
  -- from linking (placeholders, documentation ranges, platforms, free-mail domains).
  ALTER TABLE incident_indicators ADD COLUMN key TEXT;
  CREATE INDEX incident_indicators_key ON incident_indicators(key);
  `,
  `
  -- TAXII: object versions submitted to the submissions collection, and the status of each request.
  CREATE TABLE taxii_objects (
    id           TEXT NOT NULL,
    version      TEXT NOT NULL,
    type         TEXT NOT NULL,
    spec_version TEXT NOT NULL,
    tlp          TEXT NOT NULL,
    date_added   TEXT NOT NULL,
    object       TEXT NOT NULL,
    PRIMARY KEY (id, version)
  );
  CREATE INDEX taxii_objects_added ON taxii_objects(date_added, id, version);
  CREATE TABLE taxii_status (
    id          TEXT PRIMARY KEY,
    who         TEXT NOT NULL,
    status      TEXT NOT NULL
  );
  `,
  `
  -- Each combination of facet values that incidents have, once (FACET_KEY); every incident points at
  -- its own, so facets are counted per combination without reading incident rows.
  CREATE TABLE facet_combos (
    id   INTEGER PRIMARY KEY,
    key  TEXT NOT NULL UNIQUE
  );
  ALTER TABLE incidents ADD COLUMN facet_combo INTEGER;
  INSERT OR IGNORE INTO facet_combos (key) SELECT ${FACET_KEY} FROM incidents i;
  UPDATE incidents AS i SET facet_combo = (SELECT c.id FROM facet_combos c WHERE c.key = ${FACET_KEY});
  -- Covering indexes: lists (by date) and searches (by full-text key) filter and count from the index alone.
  DROP INDEX incidents_event_date;
  CREATE INDEX incidents_event_date ON incidents(event_date, sector, tlp, facet_combo, id);
  CREATE INDEX incidents_fts_key ON incidents(fts_key, event_date, sector, tlp, facet_combo, id);
  -- Documents carved out of a container (a feed), for TLP checks that walk down from it.
  CREATE INDEX documents_parent ON documents(parent);
  `,
  `
  -- The TLP marking of each object a TAXII status names, so that it is shown only within a reader's clearance.
  ALTER TABLE taxii_status ADD COLUMN markings TEXT NOT NULL DEFAULT '{}';
  `,
  `
  -- Search text in lower case (as the search compares it, and as PostgreSQL keeps it), and the pair
  -- index rebuilt: each run's last character too (a single character is found wherever it ends a run),
  -- no folding of diacritics. Both use functions the store registers (jikenbo_lower, jikenbo_bigrams).
  UPDATE incident_fts SET body = jikenbo_lower(body);
  DROP TABLE incident_bigrams;
  CREATE VIRTUAL TABLE incident_bigrams USING fts5(pairs, tokenize = 'unicode61 remove_diacritics 0', content = '', contentless_delete = 1, detail = 'none');
  INSERT INTO incident_bigrams (rowid, pairs) SELECT rowid, jikenbo_bigrams(body) FROM incident_fts;
  `,
  `
  -- Spans under PostgreSQL's names, so that both backends read and write them with the same statements.
  ALTER TABLE notices RENAME COLUMN start TO span_start;
  ALTER TABLE notices RENAME COLUMN "end" TO span_end;
  ALTER TABLE findings RENAME COLUMN start TO span_start;
  ALTER TABLE findings RENAME COLUMN "end" TO span_end;
  `,
  `
  -- Documents oldest first, a page at a time (re-extraction walks them so).
  CREATE INDEX documents_first_seen ON documents(first_seen, sha256);
  `,
  `
  -- An incident joined by a notice that changed none of its fields kept the search text it had before
  -- (the notice's words were not found). Its documents are marked as not analysed, so that the next
  -- \`jikenbo reextract\` rewrites the text of every incident with more than one source.
  UPDATE documents SET analysis = NULL WHERE sha256 IN (SELECT n.document FROM notices n WHERE n.incident_id IN
    (SELECT incident_id FROM notices WHERE incident_id IS NOT NULL GROUP BY incident_id HAVING count(*) > 1));
  `,
  `
  -- Bumped by every write transaction, whichever process writes: remembered facet counts hold while it
  -- stands. The file's own version also moves for writes that change no incident (a token's use).
  CREATE TABLE casebook_version (n INTEGER NOT NULL);
  INSERT INTO casebook_version (n) VALUES (0);
  `,
];
