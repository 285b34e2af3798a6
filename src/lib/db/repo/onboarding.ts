import type { Locale, Settings } from '../../domain/model';
import type { SampleTables } from '../../domain/sample-household';
import { STORE_NAMES } from '../database';
import { newMember, type MemberInput } from './members';
import { rebuildAllRollupsIn } from './rollup-store';
import { checkedSample, writeSampleIn } from './sample-load';
import { saveSettingsIn } from './settings';
import { writeTransaction } from './transaction';

/** What onboarding's last step (or the first screen's "try a sample") has gathered. */
export interface NewHousehold {
  householdName: string;
  baseCurrency: string;
  locale: Locale;
  /** The people typed on step 2, in the order they were added. */
  members?: readonly MemberInput[];
  /** The sample household's records (domain/sample-household.ts), when it was asked for. */
  sample?: SampleTables | null;
}

/**
 * Starts a household: its settings, its members and, when asked for, the sample, in ONE
 * read-write transaction over every table. A refused member or a failed write leaves the
 * database as empty as it was, so onboarding shows again with nothing half made; the shell
 * leaves onboarding only once the whole household is there.
 */
export async function startHousehold(input: NewHousehold): Promise<Settings> {
  const members = (input.members ?? []).map(newMember);
  const sample = input.sample ? checkedSample(input.sample) : null;
  return writeTransaction(STORE_NAMES, async (db) => {
    // The currency first, so that the sample's rollups are converted to it; the rollups are
    // rebuilt once, last (a rebuild of the empty tables followed by more writes lets
    // fake-indexeddb, and perhaps a browser, commit the transaction before its end).
    const settings = await saveSettingsIn(
      db,
      {
        householdName: input.householdName,
        baseCurrency: input.baseCurrency,
        locale: input.locale,
      },
      { rebuild: false },
    );
    await db.members.bulkAdd(members);
    if (sample) await writeSampleIn(db, sample);
    else await rebuildAllRollupsIn(db);
    return settings;
  });
}
