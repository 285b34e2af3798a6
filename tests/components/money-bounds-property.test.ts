// @vitest-environment jsdom
/**
 * Issue 13, acceptance 1. Random sequences of entries at and near the largest amounts, written
 * through quick add (the repository the form calls), a CSV import, a Merge and a Replace: every
 * write the app accepts leaves a household that every view renders, and every write it refuses
 * changes nothing at all.
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
import fc from 'fast-check';
import type { Component } from 'svelte';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  applyRestore,
  checkCsv,
  exportBackup,
  guessMapping,
  importCsv,
  readBackupFile,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addRate, addStream, saveSettings } from '../../src/lib/db/repo';
import { todayIso } from '../../src/lib/domain/dates';
import type { HouseholdTables, Stream } from '../../src/lib/domain/model';
import { MAX_MINOR, MAX_TOTAL_MINOR, minorToDecimalString } from '../../src/lib/domain/money';
import DashboardView from '../../src/views/dashboard/DashboardView.svelte';
import EntriesView from '../../src/views/entries/EntriesView.svelte';
import PayView from '../../src/views/pay/PayView.svelte';
import PlansView from '../../src/views/plans/PlansView.svelte';
import SettingsView from '../../src/views/settings/SettingsView.svelte';
import StreamsView from '../../src/views/streams/StreamsView.svelte';
import { totalsOf } from '../../src/lib/domain/totals';
import { checksumTables } from '../db/checksum';
import { dropDatabase, freshDatabase } from '../db/helpers';

vi.mock('../../src/lib/pwa/update.svelte', () => ({
  pwaUpdate: {
    needRefresh: false,
    start: () => undefined,
    apply: () => undefined,
    dismiss: () => undefined,
  },
}));

const VIEWS: [string, Component][] = [
  ['dashboard', DashboardView as Component],
  ['entries', EntriesView as Component],
  ['streams', StreamsView as Component],
  ['pay', PayView as Component],
  ['plans', PlansView as Component],
  ['settings', SettingsView as Component],
];

/** Amounts at and near the bounds, and ordinary ones. */
const amount = fc.oneof(
  fc.constant(MAX_MINOR),
  fc.integer({ min: MAX_MINOR - 1_000, max: MAX_MINOR }),
  fc.constant(MAX_TOTAL_MINOR / 2),
  fc.integer({ min: 1, max: 1_000 }).map((k) => MAX_TOTAL_MINOR / 2 - k),
  fc.integer({ min: 0, max: 10_000_000 }),
);
const op = fc.oneof(
  fc.record({ path: fc.constant('quick add' as const), amounts: fc.tuple(amount) }),
  fc.record({
    path: fc.constant('csv' as const),
    amounts: fc.array(amount, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    path: fc.constant('merge' as const),
    amounts: fc.array(amount, { minLength: 1, maxLength: 3 }),
  }),
  fc.record({
    path: fc.constant('replace' as const),
    amounts: fc.array(amount, { minLength: 1, maxLength: 3 }),
  }),
);
type Op = { path: 'quick add' | 'csv' | 'merge' | 'replace'; amounts: number[] };

const today = todayIso();
let db: AnyamDatabase | null = null;
let idr: Stream;
let usd: Stream;
let fileCounter = 0;

beforeAll(() => {
  // jsdom has no canvas: the charts fall back to their tables.
  HTMLCanvasElement.prototype.getContext = () => null;
});

afterAll(async () => {
  if (db) await dropDatabase(db);
});

async function freshHousehold(): Promise<void> {
  if (db) await dropDatabase(db);
  db = freshDatabase('bounds-property');
  await saveSettings({ householdName: 'Batas', baseCurrency: 'IDR', locale: 'en' });
  const ani = await addMember({ name: 'Ani' });
  idr = await addStream({ memberId: ani.id, name: 'Warung', kind: 'informal', currency: 'IDR' });
  usd = await addStream({ memberId: ani.id, name: 'Tasks', kind: 'microtask', currency: 'USD' });
  await addRate({ currency: 'USD', date: '2020-01-01', value: '16000' });
}

/** The household's file plus new entries, as another phone (Merge) or a new file (Replace). */
async function fileWith(amounts: number[]): Promise<string> {
  const tables = (JSON.parse((await exportBackup()).text) as { tables: HouseholdTables }).tables;
  const now = new Date().toISOString();
  for (const [i, amountMinor] of amounts.entries()) {
    const stream = i % 2 === 0 ? idr : usd;
    fileCounter += 1;
    tables.entries.push({
      id: `00000000-0000-4000-8000-${String(fileCounter).padStart(12, '0')}`,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      streamId: stream.id,
      memberId: stream.memberId,
      date: today,
      amountMinor: stream.currency === 'USD' ? Math.floor(amountMinor / 16_000) : amountMinor,
      currency: stream.currency,
      status: 'received',
      paidMinutes: 0,
      unpaidMinutes: 0,
      note: '',
      isSample: false,
    });
  }
  return serializeBackup(tables, { exportedAt: now, app: { name: 'Anyam', version: 'test' } });
}

async function write(step: Op): Promise<void> {
  switch (step.path) {
    case 'quick add':
      await addEntry({ streamId: idr.id, date: today, amountMinor: step.amounts[0]! });
      return;
    case 'csv': {
      const rows = step.amounts.map((a) => `${today},Warung,${minorToDecimalString(a, 'IDR')}`);
      const text = ['date,stream,amount', ...rows].join('\n');
      const report = await checkCsv(text, {
        mapping: guessMapping(['date', 'stream', 'amount']),
        dateFormat: 'YYYY-MM-DD',
        decimalSeparator: '.',
      });
      await importCsv(report);
      return;
    }
    case 'merge':
    case 'replace':
      await applyRestore(await readBackupFile(await fileWith(step.amounts)), step.path);
  }
}

const WAIT = { timeout: 15_000 };

/** What shows once each view has drawn the household's data (not just its frame). */
const drawn: Record<string, () => unknown> = {
  dashboard: () => expect(screen.getByTestId('dash-score')).toBeTruthy(),
  entries: () => expect(screen.getByTestId('entries-month').textContent).toMatch(/Received|No /),
  streams: () => expect(screen.getAllByText(/Warung/).length).toBeGreaterThan(0),
  pay: () => expect(document.querySelector('h2')).not.toBeNull(),
  plans: () => expect(document.querySelector('h2')).not.toBeNull(),
  settings: () => expect(document.querySelector('h2')).not.toBeNull(),
};

/** Every view draws the household without throwing and without its failure panel. */
async function everyViewRenders(): Promise<void> {
  for (const [name, view] of VIEWS) {
    render(view);
    await waitFor(drawn[name]!, WAIT);
    await waitFor(() => expect(screen.queryByText('Loading…')).toBeNull(), WAIT);
    expect(screen.queryByTestId('view-failed'), name).toBeNull();
    cleanup();
  }
}

describe('entries at and near the largest amounts, through every path', () => {
  // 200 sequences, each view drawn after each accepted write: minutes, not a speed check.
  it(
    'render every view after each accepted write; a refused write changes nothing',
    {
      timeout: 900_000,
    },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 3 }), async (steps) => {
          await freshHousehold();
          for (const step of steps) {
            const before = await checksumTables(db!);
            const refused = await write(step).then(
              () => null,
              (error: unknown) => error as { code?: string },
            );
            if (refused) {
              expect(refused.code, `${step.path} refused with`).toMatch(
                /^(money\/total-too-large|money\/too-large|backup\/total-too-large|csv\/bad-amount|csv\/has-invalid-rows)$/,
              );
              expect(await checksumTables(db!)).toEqual(before);
            } else {
              // Every total the views add up stays within the documented bound.
              const totals = totalsOf(await db!.rollups.toArray());
              for (const total of totals.byCurrency.values()) {
                expect(total).toBeLessThanOrEqual(MAX_TOTAL_MINOR);
              }
              expect(totals.base).toBeLessThanOrEqual(MAX_TOTAL_MINOR);
              await everyViewRenders();
            }
          }
        }),
        { numRuns: Number(process.env.BOUNDS_RUNS ?? 200) },
      );
    },
  );
});
