import type { EntityManager } from 'typeorm';
import { invalid } from '../items/workflow-errors';
import { returningRows } from '../sql/returning-rows';

export interface SavedView {
  id: string;
  name: string;
  /** A path of the web app with its query string: the view's whole state (e.g. `/compare?…`). */
  path: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A user keeps at most this many views (a list to manage, not a store). */
export const MAX_SAVED_VIEWS = 200;

interface Row {
  id: string;
  name: string;
  path: string;
  created_at: Date;
  updated_at: Date;
}

const toView = (row: Row): SavedView => ({ id: row.id, name: row.name, path: row.path, createdAt: row.created_at, updatedAt: row.updated_at });
const COLUMNS = 'id, name, path, created_at, updated_at';

export function checkViewName(value: string): string {
  const name = value.trim();
  if (name.length === 0) throw invalid('name', 'The view needs a name.');
  if (name.length > 120) throw invalid('name', `The view's name has ${name.length} characters; at most 120.`);
  return name;
}

/** Only a path inside the web app: never another site (`//host`, `https://…`), never a script. */
export function checkViewPath(value: string): string {
  const path = value.trim();
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\') || /[\u0000-\u001f\s]/.test(path)) {
    throw invalid('path', `"${path.slice(0, 80)}" is not a path of this application (it must start with a single "/").`);
  }
  if (path.length > 2000) throw invalid('path', `The view's address has ${path.length} characters; at most 2000.`);
  return path;
}

export async function listSavedViews(db: EntityManager, userId: string): Promise<SavedView[]> {
  const rows = (await db.query(`SELECT ${COLUMNS} FROM saved_view WHERE user_id = $1 ORDER BY lower(name), created_at`, [userId])) as Row[];
  return rows.map(toView);
}

export async function createSavedView(db: EntityManager, userId: string, name: string, path: string): Promise<SavedView> {
  const checked = { name: checkViewName(name), path: checkViewPath(path) };
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM saved_view WHERE user_id = $1`, [userId])) as { n: number }[];
  if (n >= MAX_SAVED_VIEWS) throw invalid('name', `You already have ${MAX_SAVED_VIEWS} saved views: delete some first.`);
  const [row] = (await db.query(`INSERT INTO saved_view (user_id, name, path) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [userId, checked.name, checked.path])) as Row[];
  return toView(row);
}

const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** Renames one of the user's views; null when it is not theirs (or does not exist). */
export async function renameSavedView(db: EntityManager, userId: string, id: string, name: string): Promise<SavedView | null> {
  const checked = checkViewName(name);
  if (!isUuid(id)) return null;
  const rows = await returningRows<Row>(db, `UPDATE saved_view SET name = $3, updated_at = now() WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`, [id, userId, checked]);
  return rows[0] ? toView(rows[0]) : null;
}

/** Deletes one of the user's views; false when it is not theirs (or does not exist). */
export async function deleteSavedView(db: EntityManager, userId: string, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const rows = await returningRows<{ id: string }>(db, `DELETE FROM saved_view WHERE id = $1 AND user_id = $2 RETURNING id`, [id, userId]);
  return rows.length > 0;
}
