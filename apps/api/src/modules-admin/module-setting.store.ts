import type { EntityManager } from 'typeorm';
import type { SettingsObject } from '@pilote/module-sdk/server';

/** The `module_setting` table: an administrator's overrides per module (only keys differing from the instance file). */
export async function readAllOverrides(db: EntityManager): Promise<Map<string, SettingsObject>> {
  const rows = (await db.query(`SELECT module_id, settings FROM module_setting`)) as { module_id: string; settings: SettingsObject }[];
  return new Map(rows.map((row) => [row.module_id, row.settings]));
}

export async function readOverrides(db: EntityManager, moduleId: string, options: { lock?: boolean } = {}): Promise<SettingsObject | null> {
  const rows = (await db.query(`SELECT settings FROM module_setting WHERE module_id = $1${options.lock ? ' FOR UPDATE' : ''}`, [moduleId])) as { settings: SettingsObject }[];
  return rows[0]?.settings ?? null;
}

export async function writeOverrides(db: EntityManager, moduleId: string, settings: SettingsObject, userId: string | null): Promise<void> {
  await db.query(
    `INSERT INTO module_setting (module_id, settings, updated_by, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (module_id) DO UPDATE SET settings = EXCLUDED.settings, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [moduleId, JSON.stringify(settings), userId],
  );
}

export async function deleteOverrides(db: EntityManager, moduleId: string): Promise<void> {
  await db.query(`DELETE FROM module_setting WHERE module_id = $1`, [moduleId]);
}
