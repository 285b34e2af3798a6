/**
 * The checks a backup's funds and set-asides pass as a whole (backup-validate.ts runs them with
 * the others): every set-aside names a fund in the file and is in its currency, and the
 * set-asides from one live entry add up to at most what it received, in its currency (what the
 * repository refuses, domain/funds.ts `checkSetAside`).
 */
import { setAsideByEntry } from '../../domain/funds';
import { AnyamError, type HouseholdTables } from '../../domain/model';
import type { BackupChanges } from './backup-format';

function refused(index: number, id: string, field: string, recordCode: string): AnyamError {
  return new AnyamError('backup/invalid-record', {
    table: 'setAsides',
    index,
    id,
    field,
    recordCode,
    issues: [],
  });
}

export function checkSetAsides(tables: HouseholdTables, changes: BackupChanges | null): void {
  const funds = new Map(tables.funds.map((f) => [f.id, f]));
  const entries = new Map(tables.entries.map((e) => [e.id, e]));
  tables.setAsides.forEach((s, index) => {
    const fund = funds.get(s.fundId);
    if (!fund) {
      throw new AnyamError(changes ? 'backup/changes-incomplete' : 'backup/dangling-reference', {
        table: 'setAsides',
        index,
        id: s.id,
        field: 'fundId',
        target: 'funds',
        missing: 'funds',
        targetId: s.fundId,
      });
    }
    if (s.currency !== fund.currency)
      throw refused(index, s.id, 'currency', 'set-aside/other-currency');
    if (s.entryId === null) return;
    // The entry may be absent: a changes-only file carries the set-aside, not the unchanged
    // entry; removing the sample household takes away sample entries a real set-aside named.
    const entry = entries.get(s.entryId);
    if (!entry) return;
    if (s.deletedAt === null && entry.currency !== s.currency)
      throw refused(index, s.id, 'currency', 'set-aside/other-currency');
  });
  const held = setAsideByEntry(tables.setAsides);
  tables.setAsides.forEach((s, index) => {
    if (s.entryId === null || s.deletedAt !== null) return;
    const entry = entries.get(s.entryId);
    if (!entry || entry.deletedAt !== null) return;
    if ((held.get(s.entryId) ?? 0) > entry.amountMinor)
      throw refused(index, s.id, 'amountMinor', 'set-aside/more-than-received');
  });
}
