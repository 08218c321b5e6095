// The core schema. Never edit once landed: add a new numbered file instead.
export const sql = /* sql */ `

-- Sources: the listing row stays small (no body) so counting and paging never read article text.
CREATE TABLE sources (
  id            INTEGER PRIMARY KEY,
  title         TEXT NOT NULL,
  byline        TEXT,
  outlet        TEXT,
  published_at  TEXT,
  url           TEXT,
  canonical_url TEXT,
  language      TEXT,
  excerpt       TEXT,
  format        TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html', 'pdf', 'docx')),
  origin        TEXT,
  content_hash  TEXT NOT NULL,
  word_count    INTEGER NOT NULL DEFAULT 0,
  imported_at   TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX sources_imported ON sources (imported_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX sources_published ON sources (coalesce(published_at, '') DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX sources_title ON sources (title COLLATE NOCASE, id) WHERE deleted_at IS NULL;
CREATE INDEX sources_outlet ON sources (outlet COLLATE NOCASE) WHERE deleted_at IS NULL;
CREATE INDEX sources_hash ON sources (content_hash);
CREATE INDEX sources_canonical_url ON sources (canonical_url) WHERE canonical_url IS NOT NULL;

-- The immutable body: packed block structure (no text) + the canonical text annotations point into.
CREATE TABLE source_bodies (
  source_id      INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  document       TEXT NOT NULL,
  canonical_text TEXT NOT NULL
) STRICT;

CREATE TABLE speakers (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL DEFAULT 'person' CHECK (kind IN ('person', 'organisation')),
  created_at  TEXT NOT NULL,
  merged_into INTEGER REFERENCES speakers (id)
) STRICT;
CREATE INDEX speakers_name ON speakers (name COLLATE NOCASE);

CREATE TABLE speaker_aliases (
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  alias      TEXT NOT NULL COLLATE NOCASE,
  PRIMARY KEY (alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX speaker_aliases_speaker ON speaker_aliases (speaker_id);

CREATE TABLE speaker_roles (
  id         INTEGER PRIMARY KEY,
  speaker_id INTEGER NOT NULL REFERENCES speakers (id) ON DELETE CASCADE,
  role       TEXT NOT NULL,
  from_date  TEXT,
  to_date    TEXT
) STRICT;
CREATE INDEX speaker_roles_speaker ON speaker_roles (speaker_id);

-- Annotations: W3C TextPosition (start, end) and TextQuote (exact, prefix, suffix) selectors
-- over the source's canonical text; statement fields are null for plain highlights.
CREATE TABLE annotations (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  pos_start     INTEGER NOT NULL CHECK (pos_start >= 0),
  pos_end       INTEGER NOT NULL CHECK (pos_end > pos_start),
  exact         TEXT NOT NULL,
  prefix        TEXT NOT NULL DEFAULT '',
  suffix        TEXT NOT NULL DEFAULT '',
  anchor        TEXT NOT NULL DEFAULT 'exact' CHECK (anchor IN ('exact', 'moved', 'fuzzy', 'orphan')),
  color         TEXT NOT NULL DEFAULT 'yellow',
  note          TEXT,
  note_text     TEXT NOT NULL DEFAULT '',
  is_statement  INTEGER NOT NULL DEFAULT 0 CHECK (is_statement IN (0, 1)),
  speaker_id    INTEGER REFERENCES speakers (id),
  speaker_role  TEXT,
  said_on       TEXT,
  medium        TEXT CHECK (medium IS NULL OR medium IN ('tweet', 'remarks', 'interview', 'press_release', 'testimony', 'document', 'other')),
  reported_in   TEXT,
  quote_kind    TEXT NOT NULL DEFAULT 'direct' CHECK (quote_kind IN ('direct', 'paraphrase')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  deleted_at    TEXT
) STRICT;
CREATE INDEX annotations_source ON annotations (source_id, pos_start, pos_end) WHERE deleted_at IS NULL;
CREATE INDEX annotations_speaker ON annotations (speaker_id, said_on) WHERE is_statement = 1 AND deleted_at IS NULL;

CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  color      TEXT,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE source_tags (
  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  tag_id    INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (source_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX source_tags_tag ON source_tags (tag_id, source_id);

CREATE TABLE annotation_tags (
  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  tag_id        INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags (tag_id, annotation_id);

-- Typed relations between statements ("A qualifies B"), with the researcher's reason.
CREATE TABLE links (
  id         INTEGER PRIMARY KEY,
  from_id    INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  to_id      INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  relation   TEXT NOT NULL CHECK (relation IN ('supports', 'contradicts', 'qualifies', 'repeats', 'responds_to', 'context')),
  note       TEXT NOT NULL DEFAULT '',
  confidence REAL CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT,
  CHECK (from_id <> to_id)
) STRICT;
CREATE INDEX links_from ON links (from_id) WHERE deleted_at IS NULL;
CREATE INDEX links_to ON links (to_id) WHERE deleted_at IS NULL;

CREATE TABLE briefs (
  id           INTEGER PRIMARY KEY,
  title        TEXT NOT NULL,
  content      TEXT NOT NULL,
  content_text TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  deleted_at   TEXT
) STRICT;
CREATE INDEX briefs_updated ON briefs (updated_at DESC) WHERE deleted_at IS NULL;

CREATE TABLE brief_tags (
  brief_id INTEGER NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
  tag_id   INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  PRIMARY KEY (brief_id, tag_id)
) STRICT, WITHOUT ROWID;

-- One entry per trashed item; the item keeps its row with deleted_at set, so restoring is exact.
CREATE TABLE trash (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('source', 'annotation', 'brief', 'link')),
  item_id    INTEGER NOT NULL,
  label      TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  UNIQUE (kind, item_id)
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Full-text search; diacritics and case never matter. Rows exist only for live (untrashed) items
-- and are written in the same transaction as the rows they index.
-- The sources index reads its text from this view (external content), so article text is stored once.
CREATE VIEW source_search (id, title, byline, outlet, body) AS
  SELECT s.id, s.title, coalesce(s.byline, ''), coalesce(s.outlet, ''), b.canonical_text
  FROM sources s JOIN source_bodies b ON b.source_id = s.id;
CREATE VIRTUAL TABLE sources_fts USING fts5 (
  title, byline, outlet, body,
  content = 'source_search', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE annotations_fts USING fts5 (
  exact, note, tags, speaker,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE briefs_fts USING fts5 (
  title, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
`;
