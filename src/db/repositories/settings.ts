/** Run-time settings, one row per key; read on every use so that several servers see one value. */
import type { Db } from '../database.js';

/** The settings there are. */
export type SettingKey = 'public_url';

export interface StoredSetting {
  value: string;
  updatedAt: string;
  updatedBy: string;
}

export async function getSetting(db: Db, key: SettingKey): Promise<StoredSetting | null> {
  const row = await db.selectFrom('settings').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? { value: row.value, updatedAt: row.updated_at, updatedBy: row.updated_by } : null;
}

export async function putSetting(db: Db, key: SettingKey, setting: StoredSetting): Promise<void> {
  const values = { value: setting.value, updated_at: setting.updatedAt, updated_by: setting.updatedBy };
  await db
    .insertInto('settings')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteSetting(db: Db, key: SettingKey): Promise<void> {
  await db.deleteFrom('settings').where('key', '=', key).execute();
}
