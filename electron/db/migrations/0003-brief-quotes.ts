// Which annotations and links each brief quotes, rewritten from the brief's content on every
// save, so the library can say where a quote is used ("in 2 briefs") without parsing every
// brief. Existing briefs are indexed from their stored Lexical JSON. Never edit once landed.
export const sql = /* sql */ `
CREATE TABLE brief_quotes (
  brief_id      INTEGER NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
  annotation_id INTEGER NOT NULL REFERENCES annotations (id) ON DELETE CASCADE,
  PRIMARY KEY (brief_id, annotation_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX brief_quotes_annotation ON brief_quotes (annotation_id, brief_id);

CREATE TABLE brief_links (
  brief_id INTEGER NOT NULL REFERENCES briefs (id) ON DELETE CASCADE,
  link_id  INTEGER NOT NULL REFERENCES links (id) ON DELETE CASCADE,
  PRIMARY KEY (brief_id, link_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX brief_links_link ON brief_links (link_id, brief_id);

INSERT OR IGNORE INTO brief_quotes (brief_id, annotation_id)
  SELECT b.id, json_extract(t.value, '$.annotationId')
  FROM briefs b, json_tree(b.content) t
  WHERE json_valid(b.content) AND t.type = 'object' AND json_extract(t.value, '$.type') = 'collate-quote'
    AND json_extract(t.value, '$.annotationId') IN (SELECT id FROM annotations);

INSERT OR IGNORE INTO brief_links (brief_id, link_id)
  SELECT b.id, json_extract(t.value, '$.linkId')
  FROM briefs b, json_tree(b.content) t
  WHERE json_valid(b.content) AND t.type = 'object' AND json_extract(t.value, '$.type') = 'collate-crossref'
    AND json_extract(t.value, '$.linkId') IN (SELECT id FROM links);
`;
