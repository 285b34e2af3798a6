// @vitest-environment jsdom
/**
 * Pay on 5 December 2026 (issue 22, item 3): the best-platform line and the platform cards read
 * the same named period, Sep – Nov 2026. December's entries would make Remotasks, the platform
 * that paid less over Sep – Nov, look better on its card if the card counted this month (as it
 * did before: the headline said Toloka ₱300/h while Remotasks' card said ₱600/h). This month so
 * far is shown apart on the card, labelled and never ranked; a platform that has received
 * nothing says so instead of a bare "—".
 */
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addMember, addStream, saveSettings } from '../../src/lib/db/repo';
import type { Stream } from '../../src/lib/domain/model';
import { household } from '../../src/lib/state/household.svelte';
import PayView from '../../src/views/pay/PayView.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';

let db: AnyamDatabase;
let toloka: Stream;
let remotasks: Stream;

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = () => null;
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-05T09:00:00+07:00'));
  db = freshDatabase('pay-period');
  await saveSettings({ householdName: 'Test', baseCurrency: 'PHP' });
  const dewi = await addMember({ name: 'Dewi' });
  const stream = (platform: string) =>
    addStream({ memberId: dewi.id, name: platform, kind: 'microtask', platform, currency: 'PHP' });
  toloka = await stream('Toloka');
  remotasks = await stream('Remotasks');
});

afterEach(async () => {
  cleanup();
  vi.useRealTimers();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

async function renderView() {
  render(PayView);
  await waitFor(
    async () => {
      const ids = (await db.streams.toArray()).map((s) => s.id).sort();
      expect(household.streams.map((s) => s.id).sort()).toEqual(ids);
      expect(household.baseCurrency).toBe('PHP');
      expect(screen.getByTestId('pay-best')).toBeTruthy();
    },
    { timeout: 5000 },
  );
}

/** "₱1,234.50/h" → 123450 (centavos an hour). */
function perHour(text: string): number {
  const match = /([\d,]+\.\d{2})\/h/.exec(text);
  if (!match) throw new Error(`no hourly figure in "${text}"`);
  return Math.round(Number(match[1]!.replace(/,/g, '')) * 100);
}

/** An element's text with every run of spaces (thin spaces of "Sep – Nov" too) as one space. */
function text(el: HTMLElement): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function card(platform: string): HTMLElement {
  const el = screen
    .getByTestId('pay-platforms')
    .querySelector<HTMLElement>(`li[data-platform="${platform}"]`);
  if (!el) throw new Error(`no card for ${platform}`);
  return el;
}

describe('Pay on the 5th of a month', () => {
  it('names as best the platform whose card shows the highest hourly pay of the same period', async () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      // Toloka ₱600 over 2 h a month: ₱300/h. Remotasks ₱400 over 2 h: ₱200/h.
      await addEntry({
        streamId: toloka.id,
        date: `${month}-10`,
        amountMinor: 60_000,
        paidMinutes: 100,
        unpaidMinutes: 20,
      });
      await addEntry({
        streamId: remotasks.id,
        date: `${month}-12`,
        amountMinor: 40_000,
        paidMinutes: 100,
        unpaidMinutes: 20,
      });
    }
    // December so far: Remotasks ₱3,000 in one hour. Counted on its card, it would show
    // (₱1,200 + ₱3,000) / 7 h = ₱600/h, above Toloka's ₱300/h.
    await addEntry({
      streamId: remotasks.id,
      date: '2026-12-03',
      amountMinor: 300_000,
      paidMinutes: 60,
      unpaidMinutes: 0,
    });
    await renderView();

    const best = screen.getByTestId('pay-best');
    await waitFor(() => expect(best.textContent).toContain('Toloka paid'));
    const named = ['Toloka', 'Remotasks'].find((p) => best.textContent.includes(`${p} paid`))!;
    const figures = ['Toloka', 'Remotasks'].map((p) => ({
      platform: p,
      rate: perHour(within(card(p)).getByTestId('pay-effective').textContent),
    }));
    const highest = figures.reduce((a, b) => (b.rate > a.rate ? b : a));
    expect(named).toBe(highest.platform);
    expect(figures).toEqual([
      { platform: 'Toloka', rate: 30_000 },
      { platform: 'Remotasks', rate: 20_000 },
    ]);
    // Both say the period by name, the same one.
    expect(text(best)).toContain('Sep – Nov 2026');
    expect(text(card('Toloka'))).toContain('Effective pay, Sep – Nov 2026');
    expect(text(card('Remotasks'))).toContain('Effective pay, Sep – Nov 2026');
    // December is on Remotasks' card apart, labelled and not ranked.
    const soFar = within(card('Remotasks')).getByTestId('pay-so-far');
    expect(text(soFar)).toContain('December so far, not ranked');
    expect(soFar.textContent).toContain('₱3,000.00/h');
  });

  it('lists a platform with under an hour as "not enough data yet", never named best', async () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      await addEntry({
        streamId: toloka.id,
        date: `${month}-10`,
        amountMinor: 60_000,
        paidMinutes: 100,
        unpaidMinutes: 20,
      });
    }
    // Remotasks: ₱500 over 30 minutes in October = ₱1,000/h, on too little time to rank.
    await addEntry({
      streamId: remotasks.id,
      date: '2026-10-12',
      amountMinor: 50_000,
      paidMinutes: 30,
      unpaidMinutes: 0,
    });
    await renderView();
    const best = screen.getByTestId('pay-best');
    await waitFor(() => expect(best.textContent).toContain('Toloka paid ₱300.00/h'));
    expect(best.textContent).not.toContain('Remotasks paid');
    expect(within(best).getByTestId('pay-best-not-enough').textContent).toContain('Remotasks');
    expect(text(within(card('Remotasks')).getByTestId('pay-not-enough'))).toContain(
      'Not enough data yet: 0.5 h logged in Sep – Nov 2026',
    );
    expect(within(card('Remotasks')).queryByTestId('pay-effective')).toBeNull();
  });

  it('says "nothing received yet" for a platform whose payouts are all pending, and that pay counts pending', async () => {
    for (const month of ['2026-09', '2026-10', '2026-11']) {
      await addEntry({
        streamId: toloka.id,
        date: `${month}-10`,
        amountMinor: 60_000,
        paidMinutes: 100,
        unpaidMinutes: 20,
        status: 'pending',
      });
    }
    await renderView();
    const tolokaCard = await waitFor(() => card('Toloka'));
    expect(within(tolokaCard).getByTestId('pay-received-only').textContent.trim()).toBe(
      'nothing received yet',
    );
    expect(tolokaCard.textContent).not.toMatch(/(^|\s)—(\s|$)/);
    expect(within(tolokaCard).getByTestId('pay-includes-pending').textContent).toContain(
      'Includes ₱1,800.00 pending.',
    );
    // The paid-time figure counts the pending payouts too, and says so.
    expect(within(tolokaCard).getByTestId('pay-paid-only').parentElement!.textContent).toContain(
      'includes pending',
    );
  });
});
