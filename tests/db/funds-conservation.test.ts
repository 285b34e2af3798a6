import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyRestore, exportBackup, readBackupFile } from '../../src/lib/db/backup';
import { BACKUP_VERSION } from '../../src/lib/db/backup/backup-format';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addFund,
  addMember,
  addPlace,
  addSaving,
  addStream,
  deleteSetAside,
  restoreSetAside,
  saveSettings,
  setAside,
} from '../../src/lib/db/repo';
import { bufferSplit, heldOn } from '../../src/lib/domain/funds';
import { savingsAtMonthEnd } from '../../src/lib/domain/savings';
import type { Entry, HouseholdTables, SetAside } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';
import { codeOf, dropDatabase, freshDatabase } from './helpers';

/*
 * Acceptance 1 (issue 27): money set aside is conserved — free + set aside = total — through
 * setting aside, Undo, a Merge and a Restore. The savings balances (the total) never move; the
 * money set aside is exactly what the successful set-asides not undone add up to; a refused
 * set-aside (more than the entry still holds) changes nothing.
 */

const BALANCE = 5_000_000;
let db: AnyamDatabase;
let entries: Entry[];
let fundId: string;

beforeAll(async () => {
  db = freshDatabase('funds-conservation');
  await saveSettings({ householdName: 'Nhà Lan', baseCurrency: 'VND' });
  const member = await addMember({ name: 'Lan', color: '#2f6f4e' });
  const stream = await addStream({
    memberId: member.id,
    name: 'Lương',
    kind: 'formal',
    currency: 'VND',
  });
  entries = [];
  for (const [date, amountMinor] of [
    ['2026-09-25', 800_000],
    ['2026-10-25', 1_200_000],
    ['2026-11-20', 300_000],
  ] as const)
    entries.push(await addEntry({ streamId: stream.id, date, amountMinor }));
  const place = await addPlace({ name: 'Ngân hàng', kind: 'bank', currency: 'VND' });
  await addSaving({ placeId: place.id, date: '2026-11-01', amountMinor: BALANCE });
  fundId = (
    await addFund({
      name: 'Tết 2027',
      targetMinor: 6_000_000,
      currency: 'VND',
      dueOn: '2027-02-06',
    })
  ).id;
});
afterAll(() => dropDatabase(db));

async function split() {
  const [savings, funds, setAsides] = await Promise.all([
    db.savings.toArray(),
    db.funds.toArray(),
    db.setAsides.toArray(),
  ]);
  const total = savingsAtMonthEnd(savings, '2026-11', 'VND', [])!.amountMinor!;
  const held = heldOn(funds, setAsides, PINNED_TODAY, 'VND', [])!;
  return { ...bufferSplit(total, held), held };
}

async function tables(): Promise<HouseholdTables> {
  const text = (await exportBackup()).text;
  return (JSON.parse(text) as { tables: HouseholdTables }).tables;
}

const op = fc.oneof(
  fc.record({
    kind: fc.constant('aside' as const),
    entry: fc.integer({ min: 0, max: 2 }),
    amount: fc.integer({ min: 1, max: 1_300_000 }),
  }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('redo' as const) }),
  fc.record({ kind: fc.constant('merge' as const) }),
  fc.record({ kind: fc.constant('restore' as const) }),
);

describe('money set aside is conserved', () => {
  it('through set-aside, Undo, Merge and Restore: free + set aside = total, the total unmoved', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
        await db.setAsides.clear();
        const live = new Map<string, SetAside>();
        const undone: SetAside[] = [];
        const fromEntry = (id: string) =>
          [...live.values()].filter((s) => s.entryId === id).reduce((n, s) => n + s.amountMinor, 0);
        for (const o of ops) {
          if (o.kind === 'aside') {
            const entry = entries[o.entry]!;
            const fits = fromEntry(entry.id) + o.amount <= entry.amountMinor;
            const before = await db.setAsides.count();
            const done = setAside({ fundId, entryId: entry.id, amountMinor: o.amount });
            if (fits) live.set((await done).id, await done);
            else {
              expect(await codeOf(done)).toBe('set-aside/more-than-received');
              expect(await db.setAsides.count()).toBe(before);
            }
          } else if (o.kind === 'undo') {
            const last = [...live.values()].at(-1);
            if (!last) continue;
            await deleteSetAside(last.id);
            live.delete(last.id);
            undone.push(last);
          } else if (o.kind === 'redo') {
            const back = undone.pop();
            if (!back) continue;
            const fits =
              fromEntry(back.entryId!) + back.amountMinor <=
              entries.find((e) => e.id === back.entryId)!.amountMinor;
            if (fits) live.set(back.id, await restoreSetAside(back.id));
            else
              expect(await codeOf(restoreSetAside(back.id))).toBe('set-aside/more-than-received');
          } else if (o.kind === 'merge') {
            // Another phone holds this household as it is now: merging changes nothing.
            const mine = await tables();
            const file = JSON.stringify({
              format: 'anyam-backup',
              version: BACKUP_VERSION,
              exportedAt: '2026-11-24T02:00:00.000Z',
              app: { name: 'Anyam', version: 'test' },
              tables: mine,
            });
            await applyRestore(await readBackupFile(file), 'merge');
            expect(await tables()).toEqual(mergeTables(mine, mine));
          } else {
            const text = (await exportBackup()).text;
            await applyRestore(await readBackupFile(text), 'replace');
          }
          const s = await split();
          const expected = [...live.values()].reduce((n, r) => n + r.amountMinor, 0);
          expect(s.held).toBe(expected);
          expect(s.totalMinor).toBe(BALANCE);
          expect(s.freeMinor + s.setAsideMinor).toBe(s.totalMinor);
          expect(s.setAsideMinor).toBe(Math.min(expected, BALANCE));
        }
      }),
      { numRuns: 300 },
    );
  }, 600_000);

  it('refuses a Merge that would set aside more than an entry received, and writes nothing', async () => {
    await db.setAsides.clear();
    const entry = entries[1]!; // 1,200,000
    await setAside({ fundId, entryId: entry.id, amountMinor: 700_000 });
    const mine = await tables();
    // The other phone set aside 600,000 from the same entry: 1,300,000 together.
    const theirs = {
      ...mine,
      setAsides: [
        ...mine.setAsides,
        { ...mine.setAsides[0]!, id: '7a1b2c3d-0000-4000-8000-000000000099', amountMinor: 600_000 },
      ],
    };
    const file = JSON.stringify({
      format: 'anyam-backup',
      version: BACKUP_VERSION,
      exportedAt: '2026-11-24T02:00:00.000Z',
      app: { name: 'Anyam', version: 'test' },
      tables: { ...theirs, setAsides: theirs.setAsides.slice(1) },
    });
    expect(await codeOf(readBackupFile(file).then((p) => applyRestore(p, 'merge')))).toBe(
      'set-aside/more-than-received',
    );
    expect(await tables()).toEqual(mine);
  });
});
