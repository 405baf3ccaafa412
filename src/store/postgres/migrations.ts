// The logical schema is SQLite's: times stay ISO-8601 text, and keys, dates and names that lists
// sort by use the "C" collation, so that they order byte-wise as in SQLite.

/** An incident i's facet values as facetKey computes them (store/records.ts), as jsonb: [sector, year, TLP, types, causes, basics], lists sorted. */
export const FACET_KEY = `jsonb_build_array(coalesce(i.sector, 'unknown'), substr(i.event_date, 1, 4), i.tlp,
    coalesce((SELECT jsonb_agg(t.type ORDER BY t.type COLLATE "C") FROM incident_types t WHERE t.incident_id = i.id), '[]'::jsonb),
    coalesce((SELECT jsonb_agg(g->>'value' ORDER BY g->>'value' COLLATE "C") FROM jsonb_array_elements(i.tags) g WHERE g->>'taxonomy' = 'tsr_cause'), '[]'::jsonb),
    coalesce((SELECT jsonb_agg(g->>'value' ORDER BY g->>'value' COLLATE "C") FROM jsonb_array_elements(i.tags) g WHERE g->>'taxonomy' = 'basics'), '[]'::jsonb))`;

/** An incident i's characters and character pairs, as charPairs computes them (store/records.ts). */
export const PAIRS = `ARRAY(SELECT DISTINCT substr(i.body, k, n) FROM generate_series(1, length(i.body)) AS k, (VALUES (1), (2)) AS v(n)
    WHERE k + n - 1 <= length(i.body))`;

/** Versioned schema changes for the PostgreSQL store; index + 1 is the version recorded in `schema_migrations`. */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
  CREATE TABLE documents (
    sha256      text COLLATE "C" PRIMARY KEY,
    media_type  text NOT NULL,
    charset     text,
    size        integer NOT NULL,
    bytes       bytea NOT NULL,
    text        text,
    title       text,
    published   text,
    parent      text,
    messages    jsonb NOT NULL DEFAULT '[]',
    analysis    text,
    first_seen  text COLLATE "C" NOT NULL
  );
  CREATE INDEX documents_first_seen ON documents (first_seen, sha256);
  CREATE TABLE sources (
    sha256      text COLLATE "C" NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    source      text COLLATE "C" NOT NULL,
    fetched_at  text COLLATE "C" NOT NULL,
    PRIMARY KEY (sha256, source)
  );
  CREATE TABLE incidents (
    id              text COLLATE "C" PRIMARY KEY,
    -- Insertion order (SQLite's rowid): breaks ties between incidents of the same date.
    seq             bigserial NOT NULL UNIQUE,
    title           text NOT NULL,
    organization    text,
    sector          text,
    disclosed_on    text COLLATE "C",
    discovered_on   text COLLATE "C",
    event_date      text COLLATE "C",
    affected_count  bigint,
    fields          jsonb NOT NULL,
    -- What full-text search reads: title, organisation, parties and source notices, NFKC, lower-cased.
    body            text NOT NULL DEFAULT '',
    created_at      text COLLATE "C" NOT NULL,
    updated_at      text COLLATE "C" NOT NULL
  );
  -- Lists and searches run newest first: by date, then by insertion order.
  CREATE INDEX incidents_event_date ON incidents (event_date DESC NULLS LAST, seq DESC);
  CREATE INDEX incidents_sector ON incidents (sector, event_date DESC NULLS LAST, seq DESC);
  CREATE INDEX incidents_updated ON incidents (updated_at);
  -- Trigram index for Japanese full text: LIKE '%word%' of any length.
  CREATE INDEX incidents_body ON incidents USING gin (body gin_trgm_ops);
  CREATE TABLE incident_types (
    incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    type        text COLLATE "C" NOT NULL,
    PRIMARY KEY (incident_id, type)
  );
  CREATE INDEX incident_types_type ON incident_types (type, incident_id);
  CREATE TABLE notices (
    id           text COLLATE "C" PRIMARY KEY,
    -- Insertion order (SQLite's rowid), kept when re-extraction rewrites the notice.
    seq          bigserial NOT NULL UNIQUE,
    document     text COLLATE "C" NOT NULL REFERENCES documents (sha256) ON DELETE CASCADE,
    idx          integer NOT NULL,
    title        text NOT NULL,
    span_start   integer NOT NULL,
    span_end     integer NOT NULL,
    kind         text NOT NULL,
    is_incident  boolean NOT NULL,
    reason       text NOT NULL,
    listing_date text COLLATE "C",
    category     text,
    fields       jsonb,
    confidence   jsonb,
    incident_id  text COLLATE "C" REFERENCES incidents (id) ON DELETE SET NULL
  );
  CREATE INDEX notices_document ON notices (document, seq);
  CREATE INDEX notices_incident ON notices (incident_id, seq);
  CREATE TABLE findings (
    id          bigserial PRIMARY KEY,
    notice_id   text COLLATE "C" NOT NULL REFERENCES notices (id) ON DELETE CASCADE,
    field       text NOT NULL,
    value       jsonb NOT NULL,
    span_start  integer NOT NULL,
    span_end    integer NOT NULL,
    text        text NOT NULL,
    confidence  double precision NOT NULL,
    rule        text NOT NULL
  );
  CREATE INDEX findings_notice ON findings (notice_id, span_start, id);
  `,
  `
  ALTER TABLE notices ADD COLUMN tags jsonb;
  ALTER TABLE incidents
    ADD COLUMN tlp text COLLATE "C" NOT NULL DEFAULT 'CLEAR',
    ADD COLUMN tags jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN casebook_id text COLLATE "C",
    ADD COLUMN org_key text COLLATE "C";
  CREATE INDEX incidents_casebook ON incidents (casebook_id, seq);
  CREATE INDEX incidents_org_key ON incidents (org_key, seq);
  -- Why a notice belongs to its incident: the notice that opened it, an automatic match with its
  -- score, or an analyst's merge.
  CREATE TABLE links (
    notice_id   text COLLATE "C" PRIMARY KEY REFERENCES notices (id) ON DELETE CASCADE,
    incident_id text COLLATE "C" NOT NULL,
    method      text NOT NULL CHECK (method IN ('first', 'auto', 'manual')),
    score       double precision,
    reason      text NOT NULL,
    "by"        text NOT NULL,
    at          text COLLATE "C" NOT NULL
  );
  CREATE INDEX links_incident ON links (incident_id);
  -- Notices an analyst split off an incident: never joined to it again automatically.
  CREATE TABLE merge_blocks (
    notice_id   text COLLATE "C" NOT NULL,
    incident_id text COLLATE "C" NOT NULL,
    "by"        text NOT NULL,
    at          text COLLATE "C" NOT NULL,
    PRIMARY KEY (notice_id, incident_id)
  );
  -- Analyst corrections: the latest active one per field wins over extraction, whatever re-runs.
  CREATE TABLE overrides (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    incident_id text COLLATE "C" NOT NULL,
    field       text COLLATE "C" NOT NULL,
    value       jsonb NOT NULL,
    who         text NOT NULL,
    at          text COLLATE "C" NOT NULL,
    why         text,
    active      boolean NOT NULL DEFAULT true
  );
  CREATE INDEX overrides_incident ON overrides (incident_id, active);
  -- The trail of every change to an incident: sources added, merges, edits, re-extraction.
  CREATE TABLE events (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    incident_id text COLLATE "C" NOT NULL,
    at          text COLLATE "C" NOT NULL,
    who         text NOT NULL,
    action      text NOT NULL,
    detail      jsonb NOT NULL
  );
  CREATE INDEX events_incident ON events (incident_id, id);
  -- Ids of incidents merged into another keep resolving to it.
  CREATE TABLE incident_aliases (
    alias       text COLLATE "C" PRIMARY KEY,
    incident_id text COLLATE "C" NOT NULL
  );
  CREATE INDEX incident_aliases_incident ON incident_aliases (incident_id);
  -- What an incident shares with others: indicators and named parties (seq: insertion order).
  CREATE TABLE incident_indicators (
    incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    value       text COLLATE "C" NOT NULL,
    kind        text NOT NULL,
    seq         bigserial NOT NULL,
    PRIMARY KEY (incident_id, value)
  );
  CREATE INDEX incident_indicators_value ON incident_indicators (value, seq);
  CREATE TABLE incident_parties (
    incident_id text COLLATE "C" NOT NULL REFERENCES incidents (id) ON DELETE CASCADE,
    key         text COLLATE "C" NOT NULL,
    name        text NOT NULL,
    role        text COLLATE "C" NOT NULL CHECK (role IN ('organization', 'other')),
    seq         bigserial NOT NULL,
    PRIMARY KEY (incident_id, key, role)
  );
  CREATE INDEX incident_parties_key ON incident_parties (key, seq);
  `,
  `
  CREATE TABLE users (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name        text COLLATE "C" NOT NULL UNIQUE,
    role        text NOT NULL CHECK (role IN ('viewer', 'analyst', 'admin')),
    clearance   text NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    revoked_at  text COLLATE "C"
  );
  -- API tokens, kept only as SHA-256 hashes.
  CREATE TABLE tokens (
    id           bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    user_id      bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    hash         text COLLATE "C" NOT NULL UNIQUE,
    created_at   text COLLATE "C" NOT NULL,
    last_used_at text COLLATE "C",
    revoked_at   text COLLATE "C"
  );
  CREATE INDEX tokens_user ON tokens (user_id);
  CREATE TABLE audit (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at          text COLLATE "C" NOT NULL,
    who         text NOT NULL,
    action      text NOT NULL,
    target      text COLLATE "C" NOT NULL,
    before      jsonb,
    after       jsonb
  );
  CREATE INDEX audit_target ON audit (target, id);
  CREATE TABLE watchlists (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('organization', 'vendor', 'domain', 'indicator', 'keyword')),
    pattern     text NOT NULL,
    webhook_url text,
    secret      text,
    created_by  text NOT NULL,
    created_at  text COLLATE "C" NOT NULL,
    removed_at  text COLLATE "C"
  );
  -- One hit per watchlist, incident and version of the incident's fields.
  CREATE TABLE watch_hits (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    watchlist_id    bigint NOT NULL REFERENCES watchlists (id) ON DELETE CASCADE,
    incident_id     text COLLATE "C" NOT NULL,
    fingerprint     text COLLATE "C" NOT NULL,
    at              text COLLATE "C" NOT NULL,
    reason          text NOT NULL,
    delivered_at    text COLLATE "C",
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at text COLLATE "C",
    last_error      text,
    UNIQUE (watchlist_id, incident_id, fingerprint)
  );
  CREATE INDEX watch_hits_due ON watch_hits (next_attempt_at, id) WHERE delivered_at IS NULL;
  CREATE TABLE feeds (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    url             text COLLATE "C" NOT NULL UNIQUE,
    every_seconds   integer NOT NULL,
    allow_private   boolean NOT NULL DEFAULT false,
    etag            text,
    last_modified   text,
    last_fetched_at text COLLATE "C",
    next_fetch_at   text COLLATE "C" NOT NULL,
    last_status     text,
    created_by      text NOT NULL,
    removed_at      text COLLATE "C"
  );
  `,
  `
  -- The key under which an indicator may link incidents; null for values the warninglists keep
  -- from linking (placeholders, documentation ranges, platforms, free-mail domains).
  ALTER TABLE incident_indicators ADD COLUMN key text COLLATE "C";
  CREATE INDEX incident_indicators_key ON incident_indicators (key, seq);
  `,
  `
  -- TAXII: object versions submitted to the submissions collection, and the status of each request.
  CREATE TABLE taxii_objects (
    id           text COLLATE "C" NOT NULL,
    version      text COLLATE "C" NOT NULL,
    type         text COLLATE "C" NOT NULL,
    spec_version text COLLATE "C" NOT NULL,
    tlp          text COLLATE "C" NOT NULL,
    date_added   text COLLATE "C" NOT NULL,
    object       jsonb NOT NULL,
    PRIMARY KEY (id, version)
  );
  CREATE INDEX taxii_objects_added ON taxii_objects (date_added, id, version);
  CREATE TABLE taxii_status (
    id          text COLLATE "C" PRIMARY KEY,
    who         text NOT NULL,
    status      jsonb NOT NULL
  );
  `,
  `
  -- Documents carved out of a container (a feed), for TLP checks that walk down from it.
  CREATE INDEX documents_parent ON documents (parent);
  `,
  `
  -- The TLP marking of each object a TAXII status names, so that it is shown only within a reader's clearance.
  ALTER TABLE taxii_status ADD COLUMN markings jsonb NOT NULL DEFAULT '{}'::jsonb;
  `,
  `
  -- The casebook's version: bumped by every write transaction, so that every process (several servers
  -- on one database) knows when the facet counts it keeps are stale.
  CREATE TABLE casebook_version (
    one boolean PRIMARY KEY DEFAULT true CHECK (one),
    n   bigint NOT NULL
  );
  INSERT INTO casebook_version (n) VALUES (0);
  `,
  `
  -- Findings' insertion order under the name the other tables give it (seq), as SQLite's rowid is read.
  ALTER TABLE findings RENAME COLUMN id TO seq;
  `,
  `
  -- Each combination of facet values that incidents have, once (facetKey, as JSON: equal however it is
  -- spelled); every incident points at its own, so facets are counted per combination.
  CREATE TABLE facet_combos (
    id   bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    key  jsonb NOT NULL UNIQUE
  );
  ALTER TABLE incidents ADD COLUMN facet_combo bigint;
  INSERT INTO facet_combos (key) SELECT DISTINCT ${FACET_KEY} FROM incidents i;
  UPDATE incidents AS i SET facet_combo = c.id FROM facet_combos c WHERE c.key = ${FACET_KEY};
  -- Counts within a reader's clearance read the index alone.
  CREATE INDEX incidents_facets ON incidents (tlp, facet_combo);
  `,
  `
  -- Words of one or two characters, which the trigram index cannot narrow, found by their characters
  -- and character pairs (charPairs).
  ALTER TABLE incidents ADD COLUMN pairs text[] NOT NULL DEFAULT '{}';
  UPDATE incidents AS i SET pairs = ${PAIRS};
  CREATE INDEX incidents_pairs ON incidents USING gin (pairs);
  `,
  `
  -- Large values (a document's bytes and text, a notice's or an incident's JSON, search text) are
  -- compressed with LZ4 where the server has it (PostgreSQL 14 and later, built with lz4): pglz took
  -- about a tenth of the server's time in a bulk ingest. Values already stored stay as they are.
  DO $$
  BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
      EXECUTE 'ALTER TABLE documents ALTER COLUMN bytes SET COMPRESSION lz4, ALTER COLUMN text SET COMPRESSION lz4';
      EXECUTE 'ALTER TABLE notices ALTER COLUMN fields SET COMPRESSION lz4, ALTER COLUMN confidence SET COMPRESSION lz4, ALTER COLUMN tags SET COMPRESSION lz4';
      EXECUTE 'ALTER TABLE incidents ALTER COLUMN fields SET COMPRESSION lz4, ALTER COLUMN tags SET COMPRESSION lz4, ALTER COLUMN body SET COMPRESSION lz4, ALTER COLUMN pairs SET COMPRESSION lz4';
      EXECUTE 'ALTER TABLE audit ALTER COLUMN before SET COMPRESSION lz4, ALTER COLUMN after SET COMPRESSION lz4';
      EXECUTE 'ALTER TABLE taxii_objects ALTER COLUMN object SET COMPRESSION lz4';
    END IF;
  EXCEPTION WHEN feature_not_supported THEN
    -- A server built without lz4 keeps pglz.
    NULL;
  END
  $$;
  `,
  `
  -- An incident joined by a notice that changed none of its fields kept the search text it had before
  -- (the notice's words were not found). Its documents are marked as not analysed, so that the next
  -- \`jikenbo reextract\` rewrites the text of every incident with more than one source.
  UPDATE documents SET analysis = NULL WHERE sha256 IN (SELECT n.document FROM notices n WHERE n.incident_id IN
    (SELECT incident_id FROM notices WHERE incident_id IS NOT NULL GROUP BY incident_id HAVING count(*) > 1));
  `,
  `
  -- Character pairs compare byte by byte (COLLATE "C"): the pair index sorts an incident's pairs to index
  -- them, and under the database's C.UTF-8 every comparison went through strcoll. The index answers
  -- containment, which is equality of pairs: the same under either collation.
  DROP INDEX incidents_pairs;
  ALTER TABLE incidents ALTER COLUMN pairs TYPE text[] COLLATE "C";
  CREATE INDEX incidents_pairs ON incidents USING gin (pairs);
  -- A new type resets the column's compression: LZ4 again where migration 12 set it.
  DO $$
  BEGIN
    IF current_setting('server_version_num')::int >= 140000 THEN
      IF (SELECT attcompression FROM pg_attribute WHERE attrelid = 'incidents'::regclass AND attname = 'body') = 'l' THEN
        EXECUTE 'ALTER TABLE incidents ALTER COLUMN pairs SET COMPRESSION lz4';
      END IF;
    END IF;
  END
  $$;
  `,
];
