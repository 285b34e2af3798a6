// @vitest-environment jsdom
/**
 * The merge preview as a person reads it (issue 23, point 1): the summary sentence names a lone
 * new entry by stream, date and amount in the current language (never a "{{sample:…}}" token);
 * many records are counted, and the folded list says "and N more" past its cap; a record edited
 * on both phones lists only the fields that differ, with both values formatted and one time.
 */
import { cleanup, render } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import MergePreviewView from '../../src/components/household/MergePreviewView.svelte';
import {
  emptyCounts,
  PREVIEW_DETAIL_LIMIT,
  type MergePreview,
  type PreviewRecord,
} from '../../src/lib/db/backup/merge-preview-model';
import { TABLE_NAMES, type Entry, type Plan } from '../../src/lib/domain/model';
import { formatDate } from '../../src/lib/state/format.svelte';
import { locale } from '../../src/lib/i18n/locale.svelte';

afterEach(() => {
  cleanup();
  locale.set('en');
});

const NOW = '2026-11-24T02:00:00.000Z';
const base = { createdAt: NOW, updatedAt: NOW, deletedAt: null, isSample: true } as const;

function entry(i: number, over: Partial<Entry> = {}): Entry {
  return {
    ...base,
    id: `e-${i}`,
    streamId: 'salary',
    memberId: 'lan',
    date: '2026-07-24',
    amountMinor: 8_500_000,
    currency: 'VND',
    status: 'received',
    paidMinutes: 0,
    unpaidMinutes: 0,
    note: '',
    ...over,
  };
}

function plan(over: Partial<Plan> = {}): Plan {
  return {
    ...base,
    id: 'rent',
    name: '{{sample:rent}}',
    category: 'essential',
    amountMinor: 4_000_000,
    currency: 'VND',
    cadence: 'monthly',
    dueOn: '2026-11-05',
    memberId: null,
    fundedBy: ['formal'],
    ...over,
  };
}

/** A preview of the sample household (stored names are tokens) with the given records. */
function preview(records: PreviewRecord[], over: Partial<MergePreview> = {}): MergePreview {
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [t, emptyCounts()]),
  ) as MergePreview['tables'];
  const members: MergePreview['members'] = {};
  for (const r of records) {
    tables[r.table][r.kind] += 1;
    if (r.table === 'entries')
      (members[(r.after as Entry).memberId] ??= emptyCounts())[r.kind] += 1;
  }
  const listed = TABLE_NAMES.flatMap((t) =>
    records.filter((r) => r.table === t).slice(0, PREVIEW_DETAIL_LIMIT),
  );
  return {
    tables,
    members,
    records: listed,
    conflicts: [],
    conflictCount: 0,
    names: {
      household: '{{sample:household}}',
      members: { lan: '{{sample-person:Lan}}', minh: '{{sample-person:Minh}}' },
      streams: {
        salary: { name: '{{sample:salary}}', memberId: 'lan', currency: 'VND' },
        ride: { name: '{{sample:rideHailing}}', memberId: 'minh', currency: 'VND' },
      },
      plans: { rent: '{{sample:rent}}' },
      places: {},
    },
    senderMemberId: null,
    nothingNew: records.length === 0,
    ...over,
  };
}

const added = (after: Entry): PreviewRecord => ({
  table: 'entries',
  id: after.id,
  kind: 'added',
  before: null,
  after,
});

/** Text with Intl's no-break and narrow spaces as plain ones. */
const plain = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the merge preview', () => {
  it('names one new sample entry by stream, date and amount, in Vietnamese, with no token', () => {
    locale.set('vi');
    const { getByTestId, container } = render(MergePreviewView, {
      preview: preview([added(entry(1))]),
    });
    const summary = plain(getByTestId('merge-summary').textContent);
    expect(summary).toContain('Lương nhà máy');
    expect(summary).toContain(plain(formatDate('2026-07-24')));
    expect(summary).toContain('8.500.000 ₫');
    expect(summary).toContain('1 khoản thu mới');
    expect(summary).toContain('ngoài ra không có gì thay đổi');
    expect(container.textContent).not.toContain('{{');
    expect(getByTestId('merge-preview').dataset.changes).toBe('1');
  });

  it('says who sent it when the file names its member, and says nothing new when so', () => {
    const one = render(MergePreviewView, {
      preview: preview([added(entry(1))], { senderMemberId: 'minh' }),
    });
    expect(plain(one.getByTestId('merge-summary').textContent)).toMatch(
      /^From Minh \(sample\)'s phone: 1 new entry \(Factory salary, Jul 24, 2026, ₫8,500,000\); nothing else changed\.$/,
    );
    cleanup();
    const none = render(MergePreviewView, { preview: preview([]) });
    expect(none.getByTestId('merge-summary').textContent).toContain('nothing new');
    expect(none.queryByTestId('merge-nothing-new')).not.toBeNull();
    expect(none.queryByTestId('merge-details')).toBeNull();
  });

  it('counts many records per member and kind, and lists the capped ones with "and N more"', () => {
    const many = [
      ...Array.from({ length: 230 }, (_, i) => added(entry(i))),
      ...Array.from({ length: 20 }, (_, i) =>
        added(entry(1000 + i, { memberId: 'minh', streamId: 'ride' })),
      ),
      {
        table: 'plans',
        id: 'rent',
        kind: 'changed',
        before: plan(),
        after: plan({ amountMinor: 4_200_000 }),
      } satisfies PreviewRecord,
    ];
    const { getByTestId, getAllByTestId, container } = render(MergePreviewView, {
      preview: preview(many),
    });
    const summary = plain(getByTestId('merge-summary').textContent);
    expect(summary).toContain('250 new entries (Lan (sample): 230, Minh (sample): 20)');
    expect(summary).toContain('1 changed plan (Rent)');
    expect(summary).not.toContain('nothing else changed');
    // 200 of 250 entries are listed (the model's cap): Lan's first 200 of 230, none of Minh's 20.
    const more = getAllByTestId('merge-more').map((li) => plain(li.textContent));
    expect(more).toEqual(['and 30 more', 'and 20 more']);
    expect(container.querySelectorAll('[data-group^="entries"] li[data-kind]').length).toBe(200);
    const rent = container.querySelector('[data-group="plans"] li')!;
    expect(plain(rent.textContent)).toContain('amount: ₫4,000,000 → ₫4,200,000');
    expect(container.textContent).not.toContain('{{');
  });

  it('shows a record edited on both phones by its differing fields only, both values, one time', () => {
    const phone = plan({ amountMinor: 4_500_000, updatedAt: '2026-11-24T03:10:00.000Z' });
    const file = plan({ amountMinor: 4_200_000, updatedAt: '2026-11-24T02:50:00.000Z' });
    const { getByTestId, container } = render(MergePreviewView, {
      preview: preview([], {
        conflicts: [
          { table: 'plans', id: 'rent', kept: 'phone', phone, file, fields: ['amountMinor'] },
        ],
        conflictCount: 1,
      }),
    });
    expect(getByTestId('merge-conflict-summary').textContent).toContain(
      '1 record was edited on both phones',
    );
    const item = getByTestId('merge-conflicts').querySelector('li[data-kept="phone"]')!;
    expect(plain(item.querySelector('.what')?.textContent)).toBe('Rent');
    const rows = [...item.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.children].map((c) => plain(c.textContent)),
    );
    expect(rows).toEqual([['amount', '₫4,500,000', '₫4,200,000']]);
    const kept = plain(getByTestId('merge-kept').textContent);
    expect(kept).toMatch(/^Kept: this phone's version, the newer edit \(.+\)\.$/);
    // One time, the kept edit's: never the two side by side.
    expect(kept.match(/\d{1,2}:\d{2}/g)).toHaveLength(1);
    expect(container.textContent).not.toContain('{{');
  });

  it('says so when two edits carry the same moment, without printing it twice', () => {
    const phone = plan({ amountMinor: 4_500_000 });
    const file = plan({ amountMinor: 4_200_000 });
    const { getByTestId } = render(MergePreviewView, {
      preview: preview([], {
        conflicts: [
          { table: 'plans', id: 'rent', kept: 'file', phone, file, fields: ['amountMinor'] },
        ],
        conflictCount: 1,
      }),
    });
    const kept = plain(getByTestId('merge-kept').textContent);
    expect(kept).toContain('same moment');
    expect(kept).not.toMatch(/\d{1,2}:\d{2}/);
  });

  it("does not call a phone's own bookkeeping (when it last made a backup) an edit on both phones", () => {
    const settings = {
      ...base,
      id: 'settings',
      householdName: '{{sample:household}}',
      baseCurrency: 'VND',
      locale: 'vi' as const,
      theme: 'system' as const,
      lastBackupAt: null,
      backupReminderSnoozedUntil: null,
    };
    const phone = { ...settings, lastBackupAt: NOW, updatedAt: '2026-11-24T02:10:00.000Z' };
    const { queryByTestId } = render(MergePreviewView, {
      preview: preview([added(entry(1))], {
        conflicts: [
          {
            table: 'settings',
            id: 'settings',
            kept: 'phone',
            phone,
            file: settings,
            fields: ['lastBackupAt'],
          },
        ],
        conflictCount: 1,
      }),
    });
    expect(queryByTestId('merge-conflict-summary')).toBeNull();
    expect(queryByTestId('merge-conflicts')).toBeNull();
  });
});
