import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkCsv, guessMapping, importCsv, type CsvImportOptions } from '../../src/lib/db/backup';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { loadSampleHousehold, saveSettings } from '../../src/lib/db/repo';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import {
  samplePersonToken,
  sampleLabelToken,
  SAMPLE_HOUSEHOLD_NAME,
} from '../../src/lib/domain/sample-names';
import { displayName } from '../../src/lib/i18n/sample-labels';
import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';
import { checksumTables } from './checksum';
import { codeOf, dropDatabase, expectRollupsConsistent, freshDatabase } from './helpers';

/*
 * Issue 23: the sample household stores its names as tokens ("{{sample-person:Dewi}}") and shows
 * them in the current language ("Dewi (sample)"). A spreadsheet names people as the screen does;
 * a CSV creating a new stream for such a member failed with "member 'Dewi (sample)' does not
 * exist yet" and imported nothing.
 */
let db: AnyamDatabase;

beforeEach(async () => {
  db = freshDatabase('csv-sample');
  await saveSettings({ householdName: SAMPLE_HOUSEHOLD_NAME, baseCurrency: 'IDR' });
  await loadSampleHousehold(
    buildSampleHousehold(PINNED_TODAY, PINNED_NOW.toISOString(), 'IDR', 'ID'),
  );
});
afterEach(() => dropDatabase(db));

const optionsOf = (text: string): CsvImportOptions => ({
  mapping: guessMapping(text.split('\n')[0]!.split(',')),
  dateFormat: 'YYYY-MM-DD',
  decimalSeparator: '.',
});
const ui = { nameOf: displayName };

async function sampleMember(name: string) {
  const token = samplePersonToken(name);
  return (await db.members.toArray()).find((m) => m.name === token)!;
}

describe('a CSV into the sample household', () => {
  it('creates a new stream for a sample member the file names as the screen shows her', async () => {
    const dewi = await sampleMember('Dewi');
    expect(displayName(dewi.name)).toBe('Dewi (sample)');
    const text = [
      'date,member,stream,amount,currency',
      '2026-11-02,Dewi (sample),Tutoring,50000,IDR',
      '2026-11-03,Dewi (sample),Tutoring,70000,IDR',
      '2026-11-04,Dewi (sample),Image tagging,2.50,USD',
    ].join('\n');
    const report = await checkCsv(text, optionsOf(text), ui);
    expect(report.errors).toEqual([]);
    expect(report.unknownMembers).toEqual([]);
    expect(report.unknownStreams.map((s) => [s.name, s.memberName, s.memberId])).toEqual([
      ['Tutoring', 'Dewi (sample)', dewi.id],
    ]);
    const entriesBefore = await db.entries.count();

    const result = await importCsv(
      report,
      { create: { streams: [{ key: report.unknownStreams[0]!.key }] } },
      ui,
    );

    expect(result).toMatchObject({ added: 3, skipped: 0, createdMembers: [] });
    expect(result.createdStreams.map((s) => [s.name, s.memberId])).toEqual([['Tutoring', dewi.id]]);
    expect(await db.entries.count()).toBe(entriesBefore + 3);
    const tagging = (await db.streams.toArray()).find(
      (s) => s.name === sampleLabelToken('imageTagging'),
    )!;
    const added = await db.entries
      .where('date')
      .between('2026-11-02', '2026-11-04', true, true)
      .toArray();
    expect(
      added
        .filter((e) => !e.isSample)
        .map((e) => [e.date, e.memberId, e.streamId === tagging.id])
        .sort(),
    ).toEqual([
      ['2026-11-02', dewi.id, false],
      ['2026-11-03', dewi.id, false],
      ['2026-11-04', dewi.id, true],
    ]);
    await expectRollupsConsistent(db);
  });

  it('gives a stream the file names without a member to the sample member chosen by her shown name', async () => {
    const dewi = await sampleMember('Dewi');
    const text = 'date,stream,amount\n2026-11-05,Parking,5000\n';
    const report = await checkCsv(text, optionsOf(text), ui);
    const key = report.unknownStreams[0]!.key;
    const before = await checksumTables(db);
    // Without the shown names, "Dewi (sample)" is nobody, and nothing is written.
    expect(
      await codeOf(
        importCsv(report, { create: { streams: [{ key, memberName: 'Dewi (sample)' }] } }),
      ),
    ).toBe('csv/unknown-member');
    expect(await checksumTables(db)).toEqual(before);

    const result = await importCsv(
      report,
      { create: { streams: [{ key, memberName: 'Dewi (sample)' }] } },
      ui,
    );
    expect(result.createdStreams.map((s) => [s.name, s.memberId])).toEqual([['Parking', dewi.id]]);
    // The stored name finds her too.
    const again = await checkCsv(
      'date,stream,amount\n2026-11-06,Snacks,1000\n',
      optionsOf(text),
      ui,
    );
    const second = await importCsv(
      again,
      {
        create: {
          streams: [{ key: again.unknownStreams[0]!.key, memberName: samplePersonToken('Dewi') }],
        },
      },
      ui,
    );
    expect(second.createdStreams[0]?.memberId).toBe(dewi.id);
    await expectRollupsConsistent(db);
  });
});
