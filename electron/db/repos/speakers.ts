import type { SpeakerDetail } from '../../../shared/api/methods/statements';
import type { SpeakerId } from '../../../shared/model/ids';
import type { Db } from '../connection';
import { reindexAnnotation } from './annotations';
import { splitList } from './keyset';

interface SpeakerRow {
  id: number;
  name: string;
  kind: 'person' | 'organisation';
  aliases: string | null;
  statement_count: number;
}

const LIVE_STATEMENTS = `(SELECT count(*) FROM annotations a JOIN sources s ON s.id = a.source_id
  WHERE a.speaker_id = sp.id AND a.is_statement = 1 AND a.deleted_at IS NULL AND s.deleted_at IS NULL)`;
const SELECT = `SELECT sp.id, sp.name, sp.kind,
  (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM speaker_aliases WHERE speaker_id = sp.id AND alias <> sp.name ORDER BY alias)) AS aliases,
  ${LIVE_STATEMENTS} AS statement_count
  FROM speakers sp`;

function rolesOf(db: Db, id: number): SpeakerDetail['roles'] {
  return (
    db
      .prepare('SELECT role, from_date, to_date FROM speaker_roles WHERE speaker_id = ? ORDER BY coalesce(from_date, to_date, \'9999\'), id')
      .all(id) as Array<{ role: string; from_date: string | null; to_date: string | null }>
  ).map((r) => ({ role: r.role, from: r.from_date, to: r.to_date }));
}

function toDetail(db: Db, r: SpeakerRow): SpeakerDetail {
  return { id: r.id, name: r.name, kind: r.kind, aliases: splitList(r.aliases), roles: rolesOf(db, r.id), statementCount: r.statement_count };
}

export function getSpeaker(db: Db, id: number): SpeakerDetail | null {
  const row = db.prepare(`${SELECT} WHERE sp.id = ? AND sp.merged_into IS NULL`).get(id) as SpeakerRow | undefined;
  return row ? toDetail(db, row) : null;
}

export function listSpeakers(db: Db, query?: string): SpeakerDetail[] {
  const q = query?.trim();
  const rows = q
    ? (db
        .prepare(
          `${SELECT} WHERE sp.merged_into IS NULL AND (instr(lower(sp.name), lower(@q)) > 0
             OR EXISTS (SELECT 1 FROM speaker_aliases al WHERE al.speaker_id = sp.id AND instr(lower(al.alias), lower(@q)) > 0))
           ORDER BY sp.name COLLATE NOCASE, sp.id`,
        )
        .all({ q }) as SpeakerRow[])
    : (db.prepare(`${SELECT} WHERE sp.merged_into IS NULL ORDER BY sp.name COLLATE NOCASE, sp.id`).all() as SpeakerRow[]);
  return rows.map((r) => toDetail(db, r));
}

/** Follows merges, so a statement recorded against "Kirby" lands on the merged "John Kirby". */
function live(db: Db, id: number): number {
  const seen = new Set<number>();
  let current = id;
  for (;;) {
    const next = db.prepare('SELECT merged_into FROM speakers WHERE id = ?').pluck().get(current) as number | null | undefined;
    if (next == null || seen.has(next)) return current;
    seen.add(current);
    current = next;
  }
}

/** The live speaker with this name or alias (any case), or null. */
export function findSpeaker(db: Db, nameOrAlias: string): SpeakerId | null {
  const name = nameOrAlias.trim();
  const byAlias = db.prepare('SELECT speaker_id FROM speaker_aliases WHERE alias = ?').pluck().get(name) as number | undefined;
  if (byAlias !== undefined) return live(db, byAlias) as SpeakerId;
  const byName = db.prepare('SELECT id FROM speakers WHERE name = ? COLLATE NOCASE ORDER BY merged_into IS NOT NULL, id LIMIT 1').pluck().get(name) as
    | number
    | undefined;
  return byName === undefined ? null : (live(db, byName) as SpeakerId);
}

export function speakerExists(db: Db, id: number): boolean {
  return db.prepare('SELECT 1 FROM speakers WHERE id = ? AND merged_into IS NULL').get(id) !== undefined;
}

export function aliasOwner(db: Db, alias: string): SpeakerId | null {
  const owner = db.prepare('SELECT speaker_id FROM speaker_aliases WHERE alias = ?').pluck().get(alias.trim()) as number | undefined;
  return owner === undefined ? null : (live(db, owner) as SpeakerId);
}

export function insertSpeaker(db: Db, name: string, kind: 'person' | 'organisation', now: string): SpeakerId {
  const id = Number(db.prepare('INSERT INTO speakers (name, kind, created_at) VALUES (?, ?, ?)').run(name.trim(), kind, now).lastInsertRowid);
  addAlias(db, id, name);
  return id as SpeakerId;
}

/** Adds a name the speaker is known by; a name already taken (by them or anyone) is left as it is. */
export function addAlias(db: Db, id: number, alias: string): void {
  db.prepare('INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)').run(id, alias.trim());
}

/** The speaker a detected or typed name means: reused by name, alias or handle, else created. */
export function resolveSpeaker(db: Db, name: string, handle: string | null, now: string): SpeakerId {
  const id = findSpeaker(db, name) ?? (handle ? findSpeaker(db, handle) : null) ?? insertSpeaker(db, name, 'person', now);
  addAlias(db, id, name);
  if (handle) addAlias(db, id, handle);
  return id;
}

/** Widens the role's date range to include `saidOn`, so the index shows roles over time. */
export function recordRole(db: Db, speakerId: number, role: string, saidOn: string | null): void {
  const day = saidOn?.slice(0, 10) ?? null;
  db.prepare(
    `INSERT INTO speaker_roles (speaker_id, role, from_date, to_date) VALUES (@speakerId, @role, @day, @day)
     ON CONFLICT (speaker_id, role COLLATE NOCASE) DO UPDATE SET
       from_date = CASE WHEN @day IS NULL THEN from_date WHEN from_date IS NULL OR @day < from_date THEN @day ELSE from_date END,
       to_date = CASE WHEN @day IS NULL THEN to_date WHEN to_date IS NULL OR @day > to_date THEN @day ELSE to_date END`,
  ).run({ speakerId, role: role.trim(), day });
}

/**
 * Moves everything of `fromId` onto `intoId`: statements, aliases (plus the old
 * name as an alias) and roles. The old row stays with merged_into set, so ids
 * held elsewhere still resolve. Caller owns the transaction.
 */
export function mergeSpeaker(db: Db, intoId: number, fromId: number): void {
  const from = db.prepare('SELECT name FROM speakers WHERE id = ?').pluck().get(fromId) as string;
  const moved = db.prepare('SELECT id FROM annotations WHERE speaker_id = ?').pluck().all(fromId) as number[];
  db.prepare('UPDATE annotations SET speaker_id = ? WHERE speaker_id = ?').run(intoId, fromId);
  db.prepare('UPDATE speaker_aliases SET speaker_id = ? WHERE speaker_id = ?').run(intoId, fromId);
  addAlias(db, intoId, from);
  const roles = db.prepare('SELECT role, from_date, to_date FROM speaker_roles WHERE speaker_id = ?').all(fromId) as Array<{
    role: string;
    from_date: string | null;
    to_date: string | null;
  }>;
  for (const r of roles) {
    recordRole(db, intoId, r.role, r.from_date);
    recordRole(db, intoId, r.role, r.to_date);
  }
  db.prepare('DELETE FROM speaker_roles WHERE speaker_id = ?').run(fromId);
  db.prepare('UPDATE speakers SET merged_into = ? WHERE id = ?').run(intoId, fromId);
  db.prepare('UPDATE speakers SET merged_into = ? WHERE merged_into = ?').run(intoId, fromId);
  for (const id of moved) reindexAnnotation(db, id);
}
