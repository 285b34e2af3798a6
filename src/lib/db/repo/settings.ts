import type { BaseRecord, Settings } from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import { baseFields, definedOnly, nowIso } from './record';
import { rebuildAllRollupsIn, ROLLUP_STORES, type ProgressListener } from './rollup-store';
import { writeTransaction } from './transaction';

/**
 * The household's single settings row. Its id is a UUID like any record's (so backups merge
 * it like the others); "the" settings are simply the first row.
 */

export type SettingsPatch = Partial<Omit<Settings, keyof BaseRecord>>;

const DEFAULTS: Omit<Settings, keyof BaseRecord | 'baseCurrency'> = {
  householdName: '',
  locale: 'en',
  theme: 'system',
  lastBackupAt: null,
  backupReminderSnoozedUntil: null,
  isSample: false,
};

export async function getSettings(): Promise<Settings | undefined> {
  return getDb().settings.toCollection().first();
}

/**
 * Creates the settings on first use (onboarding must give `baseCurrency`) or updates them.
 * A new base currency changes every converted amount, so all rollups are rebuilt in the same
 * transaction; `onProgress` follows that rebuild.
 */
export async function saveSettings(
  patch: SettingsPatch,
  options: { onProgress?: ProgressListener } = {},
): Promise<Settings> {
  return writeTransaction(ROLLUP_STORES, (db) => saveSettingsIn(db, patch, options));
}

/**
 * saveSettings inside a transaction already running over (at least) ROLLUP_STORES.
 * `rebuild: false` is for a caller that rebuilds every rollup itself before it commits.
 */
export async function saveSettingsIn(
  db: AnyamDatabase,
  patch: SettingsPatch,
  { onProgress, rebuild = true }: { onProgress?: ProgressListener; rebuild?: boolean } = {},
): Promise<Settings> {
  const before = await db.settings.toCollection().first();
  const changes = definedOnly(patch);
  const after = validateRecord(
    'settings',
    before
      ? { ...before, ...changes, updatedAt: nowIso() }
      : { ...baseFields(), ...DEFAULTS, baseCurrency: '', ...changes },
  );
  await db.settings.put(after);
  if (rebuild && after.baseCurrency !== before?.baseCurrency) {
    await rebuildAllRollupsIn(db, onProgress);
  }
  return after;
}
