// Quote suggestions found in a source's text, kept so that a dismissal sticks and an
// acceptance points at the statement it became. Never edit once landed.
export const sql = /* sql */ `
CREATE TABLE quote_suggestions (
  id            INTEGER PRIMARY KEY,
  source_id     INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  pos_start     INTEGER NOT NULL CHECK (pos_start >= 0),
  pos_end       INTEGER NOT NULL CHECK (pos_end > pos_start),
  exact         TEXT NOT NULL,
  speaker       TEXT NOT NULL,
  handle        TEXT,
  role          TEXT,
  said_on       TEXT,
  medium        TEXT NOT NULL CHECK (medium IN ('tweet', 'remarks', 'interview', 'press_release', 'testimony', 'document', 'other')),
  reported_in   TEXT,
  quote_kind    TEXT NOT NULL CHECK (quote_kind IN ('direct', 'paraphrase')),
  confidence    REAL NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'dismissed')),
  annotation_id INTEGER REFERENCES annotations (id) ON DELETE SET NULL,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX quote_suggestions_source ON quote_suggestions (source_id, pos_start);

-- One row per source whose text has been through the detector, so a source with no
-- quotes (or whose suggestions were all dismissed) is not scanned again.
CREATE TABLE quote_detection_runs (
  source_id   INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  detected_at TEXT NOT NULL
) STRICT;

-- One row per role of a speaker, its dates widened as statements arrive (keep the first of any repeats).
DELETE FROM speaker_roles WHERE id NOT IN (SELECT min(id) FROM speaker_roles GROUP BY speaker_id, role COLLATE NOCASE);
CREATE UNIQUE INDEX speaker_roles_unique ON speaker_roles (speaker_id, role COLLATE NOCASE);
`;
