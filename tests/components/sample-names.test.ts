// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { loadSampleHousehold, saveSettings } from '../../src/lib/db/repo';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { sampleLabelToken, SAMPLE_HOUSEHOLD_NAME } from '../../src/lib/domain/sample-names';
import { household } from '../../src/lib/state/household.svelte';
import { locale } from '../../src/lib/i18n/locale.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';
import { stubDialogs } from './dialog-stub';
import SampleNamesProbe from './SampleNamesProbe.svelte';

/*
 * Issue 23, "names stored once": the sample household's names are stored as tokens and shown in
 * the current language. A name field shows the translation; left as shown, the token is written
 * back (it keeps following the language); typed over, the typed text is the household's own.
 */
let db: AnyamDatabase;
const CASH = sampleLabelToken('cashAtHome');
const BANK = sampleLabelToken('bankAccount');

beforeAll(stubDialogs);

beforeEach(async () => {
  locale.set('en');
  db = freshDatabase('sample-names');
  await saveSettings({ householdName: SAMPLE_HOUSEHOLD_NAME, baseCurrency: 'IDR' });
  await loadSampleHousehold(
    buildSampleHousehold(PINNED_TODAY, PINNED_NOW.toISOString(), 'IDR', 'ID'),
  );
});

afterEach(async () => {
  cleanup();
  locale.set('en');
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});

async function renderPage() {
  render(SampleNamesProbe);
  await waitFor(async () => {
    const places = (await db.places.toArray()).map((p) => p.id).sort();
    expect(household.places.map((p) => p.id).sort()).toEqual(places);
    expect(household.settings?.householdName).toBe(SAMPLE_HOUSEHOLD_NAME);
  });
  await screen.findByText('Cash at home');
}

function dialog(): HTMLElement {
  const open = document.querySelector<HTMLElement>('dialog[open]');
  if (!open) throw new Error('no open dialog');
  return open;
}

function householdField(): HTMLInputElement {
  return document.querySelector<HTMLInputElement>('input[name="householdName"]')!;
}

/** Opens a place's edit form, types `name` over the one shown (if given), and saves. */
async function editPlace(shown: string, name?: string) {
  await fireEvent.click(screen.getByRole('button', { name: `Edit ${shown}` }));
  const field = within(dialog()).getByLabelText<HTMLInputElement>('Name');
  expect(field.value).toBe(shown);
  if (name !== undefined) {
    field.value = name;
    await fireEvent.input(field);
  }
  await fireEvent.click(within(dialog()).getByRole('button', { name: 'Save' }));
  await waitFor(() => expect(document.querySelector('dialog[open]')).toBeNull());
}

/** Saves the household card, with `name` typed over the one shown (if given). */
async function saveHousehold(name?: string) {
  const before = (await db.settings.toCollection().first())?.updatedAt;
  const field = householdField();
  expect(field.value).toBe('Sample household');
  if (name !== undefined) {
    field.value = name;
    await fireEvent.input(field);
  }
  await fireEvent.submit(field.form!);
  await waitFor(async () =>
    expect((await db.settings.toCollection().first())?.updatedAt).not.toBe(before),
  );
}

const placeName = async (token: string) =>
  (await db.places.toArray()).find((p) => p.isSample && p.kind === kindOf[token])?.name;
const kindOf: Record<string, string> = { [CASH]: 'cash', [BANK]: 'bank' };
const storedHousehold = async () => (await db.settings.toCollection().first())?.householdName;

describe('sample names: stored once, shown in the language of now', () => {
  it('a place left as shown keeps its token; a household name typed over is the household’s own', async () => {
    await renderPage();
    await editPlace('Cash at home');
    await saveHousehold('Rumah Kami');
    await waitFor(async () => expect(await storedHousehold()).toBe('Rumah Kami'));
    expect(await placeName(CASH)).toBe(CASH);

    locale.set('vi');
    // The untouched place follows the language; the household name stays as typed.
    expect(await screen.findByText('Tiền mặt ở nhà')).toBeTruthy();
    expect(screen.queryByText('Cash at home')).toBeNull();
    await waitFor(() => expect(householdField().value).toBe('Rumah Kami'));
    expect(document.body.textContent).not.toContain('{{');
  });

  it('a place typed over is the household’s own; a household name left as shown keeps its token', async () => {
    await renderPage();
    await editPlace('BRI savings account', 'Bank BRI Ibu');
    await saveHousehold();
    await waitFor(async () => expect(await placeName(BANK)).toBe('Bank BRI Ibu'));
    expect(await storedHousehold()).toBe(SAMPLE_HOUSEHOLD_NAME);

    locale.set('vi');
    await waitFor(() => expect(householdField().value).toBe('Hộ gia đình mẫu'));
    expect(await screen.findByText('Bank BRI Ibu')).toBeTruthy();
    expect(screen.getByText('Tiền mặt ở nhà')).toBeTruthy();
    expect(document.body.textContent).not.toContain('{{');
  });
});
