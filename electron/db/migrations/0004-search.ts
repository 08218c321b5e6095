// Saved searches, and column weights for relevance ranking. Never edit once landed.
// The weights live in each index's own config (FTS5 'rank'), so `ORDER BY rank`
// keeps FTS5's sorted-match plan: it scores inside the index and computes
// snippets only for the rows returned, where ORDER BY bm25(...) would make
// SQLite build a snippet for every match before sorting.
export const sql = /* sql */ `
CREATE TABLE saved_searches (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  query      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT
) STRICT;
CREATE INDEX saved_searches_name ON saved_searches (name COLLATE NOCASE) WHERE deleted_at IS NULL;

-- A word in the title says more about an article than the same word deep in its text.
INSERT INTO sources_fts (sources_fts, rank) VALUES ('rank', 'bm25(8.0, 2.0, 2.0, 1.0)');
-- Quote, note, tags, speaker: a tag or a speaker's name is a deliberate label.
INSERT INTO annotations_fts (annotations_fts, rank) VALUES ('rank', 'bm25(2.0, 1.0, 3.0, 3.0)');
INSERT INTO briefs_fts (briefs_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
`;
