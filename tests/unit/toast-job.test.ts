/**
 * A write with no Undo (snoozing the backup reminder, removing the sample, saving a backup first)
 * says its result in a toast: the success text when given, the failure in words, never thrown.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import { errorText } from '../../src/lib/i18n/error-text';
import { toasts } from '../../src/lib/state/toasts.svelte';
import { toastJob } from '../../src/lib/ui/toast-job';

afterEach(() => vi.restoreAllMocks());

describe('toastJob', () => {
  it('says the success text after the job has finished', async () => {
    const show = vi.spyOn(toasts, 'show').mockImplementation(() => 0 as never);
    const order: string[] = [];
    await toastJob(
      () => {
        order.push('job');
        return Promise.resolve();
      },
      () => {
        order.push('done');
        return 'Snoozed';
      },
    );
    expect(order).toEqual(['job', 'done']);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith('Snoozed');
  });

  it('says nothing on success when no text is given', async () => {
    const show = vi.spyOn(toasts, 'show').mockImplementation(() => 0 as never);
    await toastJob(() => Promise.resolve());
    expect(show).not.toHaveBeenCalled();
  });

  it('says a failure in words instead of throwing, and not the success text', async () => {
    const show = vi.spyOn(toasts, 'show').mockImplementation(() => 0 as never);
    const error = new AnyamError('backup/partial-replace');
    await expect(
      toastJob(
        () => Promise.reject(error),
        () => 'Snoozed',
      ),
    ).resolves.toBeUndefined();
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith(errorText(error));
  });
});
