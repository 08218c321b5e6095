import type { TrashItem, TrashKind } from '../../../shared/model/entities';
import type { TrashId } from '../../../shared/model/ids';
import type { Db } from '../connection';

interface TrashRow {
  id: number;
  kind: TrashKind;
  item_id: number;
  label: string;
  deleted_at: string;
}

const toItem = (r: TrashRow): TrashItem => ({
  id: r.id as TrashId,
  kind: r.kind,
  itemId: r.item_id,
  label: r.label,
  deletedAt: r.deleted_at,
});

export function addToTrash(db: Db, kind: TrashKind, itemId: number, label: string, now: string): TrashId {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO trash (kind, item_id, label, deleted_at) VALUES (?, ?, ?, ?)')
    .run(kind, itemId, label.slice(0, 300), now);
  return Number(lastInsertRowid) as TrashId;
}

export function listTrash(db: Db): TrashItem[] {
  return (db.prepare('SELECT id, kind, item_id, label, deleted_at FROM trash ORDER BY deleted_at DESC, id DESC').all() as TrashRow[]).map(toItem);
}

export function getTrashItem(db: Db, id: number): TrashItem | null {
  const row = db.prepare('SELECT id, kind, item_id, label, deleted_at FROM trash WHERE id = ?').get(id) as TrashRow | undefined;
  return row ? toItem(row) : null;
}

export function removeFromTrash(db: Db, id: number): void {
  db.prepare('DELETE FROM trash WHERE id = ?').run(id);
}
