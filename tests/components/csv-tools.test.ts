// @vitest-environment jsdom
/**
 * The backup section's three CSV downloads: each button builds its own file (entries, savings,
 * bill payments) and its toast names that file; a failure shows under the buttons.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import CsvTools from '../../src/components/backup/CsvTools.svelte';
import { AnyamError } from '../../src/lib/domain/model';
import { errorText } from '../../src/lib/i18n/error-text';
import { toasts } from '../../src/lib/state/toasts.svelte';
import { m } from '../../src/paraglide/messages.js';

const built = vi.hoisted(() => ({ calls: [] as string[], fail: false }));

function csv(kind: string, rows: number) {
  built.calls.push(kind);
  if (built.fail) return Promise.reject(new AnyamError('backup/partial-replace'));
  return Promise.resolve({ text: 'a\n', filename: `${kind}.csv`, mimeType: 'text/csv', rows });
}

vi.mock('../../src/lib/db/backup', () => ({
  exportEntriesCsv: () => csv('entries', 3),
  exportSavingsCsv: () => csv('savings', 2),
  exportPaymentsCsv: () => csv('payments', 1),
}));
vi.mock('../../src/lib/ui/download', () => ({ downloadText: vi.fn() }));

beforeEach(() => {
  built.calls = [];
  built.fail = false;
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('CsvTools', () => {
  it.each([
    ['csv-export', 'entries', () => m.bk_csv_downloaded({ count: '3', name: 'entries.csv' })],
    [
      'csv-export-savings',
      'savings',
      () => m.bk_csv_downloaded({ count: '2', name: 'savings.csv' }),
    ],
    [
      'csv-export-payments',
      'payments',
      () => m.loop_csv_payments_done({ count: '1', name: 'payments.csv' }),
    ],
  ])('%s downloads the %s file and says so', async (testid, kind, said) => {
    const show = vi.spyOn(toasts, 'show').mockImplementation(() => 0 as never);
    render(CsvTools);
    await fireEvent.click(screen.getByTestId(testid));
    await waitFor(() => expect(show).toHaveBeenCalledWith(said()));
    expect(built.calls).toEqual([kind]);
  });

  it('shows a failed download under the buttons', async () => {
    built.fail = true;
    render(CsvTools);
    await fireEvent.click(screen.getByTestId('csv-export-savings'));
    const text = errorText(new AnyamError('backup/partial-replace'));
    await waitFor(() => expect(screen.getByText(text)).toBeTruthy());
    expect(built.calls).toEqual(['savings']);
  });
});
