// "Filter library" matches typed prefixes in the title, byline and outlet. sources_fts
// also holds every body word, so a one-letter prefix there reads the doclists of the
// whole library's vocabulary; this index holds only the three short columns, with
// prefix indexes for the first keystrokes. Triggers keep it in step with `sources`
// in the same transaction as every write, whoever writes. Trashed sources stay
// indexed: the list query already leaves them out.
export const sql = /* sql */ `
CREATE VIRTUAL TABLE sources_meta_fts USING fts5 (
  title, byline, outlet,
  content = 'sources', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2 3'
);
INSERT INTO sources_meta_fts (sources_meta_fts) VALUES ('rebuild');

CREATE TRIGGER sources_meta_fts_insert AFTER INSERT ON sources BEGIN
  INSERT INTO sources_meta_fts (rowid, title, byline, outlet) VALUES (new.id, new.title, new.byline, new.outlet);
END;
CREATE TRIGGER sources_meta_fts_delete AFTER DELETE ON sources BEGIN
  INSERT INTO sources_meta_fts (sources_meta_fts, rowid, title, byline, outlet) VALUES ('delete', old.id, old.title, old.byline, old.outlet);
END;
CREATE TRIGGER sources_meta_fts_update AFTER UPDATE OF title, byline, outlet ON sources BEGIN
  INSERT INTO sources_meta_fts (sources_meta_fts, rowid, title, byline, outlet) VALUES ('delete', old.id, old.title, old.byline, old.outlet);
  INSERT INTO sources_meta_fts (rowid, title, byline, outlet) VALUES (new.id, new.title, new.byline, new.outlet);
END;

-- Deleted tags go to the trash with what carried them, so restoring one is exact.
-- trash.kind gains 'tag' (SQLite changes a CHECK only by rebuilding the table).
CREATE TABLE trash_next (
  id         INTEGER PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('source', 'annotation', 'brief', 'link', 'tag')),
  item_id    INTEGER NOT NULL,
  label      TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  UNIQUE (kind, item_id)
) STRICT;
INSERT INTO trash_next (id, kind, item_id, label, deleted_at) SELECT id, kind, item_id, label, deleted_at FROM trash;
DROP TABLE trash;
ALTER TABLE trash_next RENAME TO trash;

-- A trashed tag: trash.item_id points here (not at tags.id, which a new tag may reuse).
CREATE TABLE trashed_tags (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL,
  color       TEXT,
  created_at  TEXT NOT NULL,
  sources     TEXT NOT NULL DEFAULT '[]',
  annotations TEXT NOT NULL DEFAULT '[]',
  briefs      TEXT NOT NULL DEFAULT '[]'
) STRICT;
`;
