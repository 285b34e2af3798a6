// @vitest-environment jsdom
/**
 * Issue 24, acceptance 4: every form goes the one way of RecordForm (or onboarding's FormState).
 * Each form here is rendered and driven: bad input shows a translated error next to its field
 * and writes nothing; a second submit while the first write waits for the database is refused
 * (the Save button is disabled meanwhile), so exactly one record is written.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/svelte';
import type { Component } from 'svelte';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase, StoreName } from '../../src/lib/db/database';
import { addMember, addPlace, addPlan, saveSettings } from '../../src/lib/db/repo';
import type { Place, Plan } from '../../src/lib/domain/model';
import { locale } from '../../src/lib/i18n/locale.svelte';
import { m } from '../../src/paraglide/messages.js';
import PaymentForm from '../../src/views/loop/PaymentForm.svelte';
import OnboardingView from '../../src/views/onboarding/OnboardingView.svelte';
import TrainingForm from '../../src/views/pay/TrainingForm.svelte';
import PlaceForm from '../../src/views/plans/PlaceForm.svelte';
import PlanForm from '../../src/views/plans/PlanForm.svelte';
import SavingForm from '../../src/views/plans/SavingForm.svelte';
import HouseholdSection from '../../src/views/settings/HouseholdSection.svelte';
import RatesSection from '../../src/views/settings/RatesSection.svelte';
import MemberForm from '../../src/views/streams/MemberForm.svelte';
import StreamForm from '../../src/views/streams/StreamForm.svelte';
import { dropDatabase, freshDatabase } from '../db/helpers';
import HouseholdProbe from './HouseholdProbe.svelte';
import { stubDialogs } from './dialog-stub';

let db: AnyamDatabase;
let place: Place;
let plan: Plan;

beforeAll(stubDialogs);
beforeEach(async () => {
  db = freshDatabase('form-states');
  await saveSettings({ householdName: 'Keluarga Uji', baseCurrency: 'IDR' });
  await addMember({ name: 'Sari' });
  place = await addPlace({ name: 'Dompet', kind: 'cash', currency: 'IDR' });
  plan = await addPlan({
    name: 'Sewa',
    category: 'essential',
    amountMinor: 150_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-11-05',
    memberId: null,
    fundedBy: [],
  });
  const member = await db.members.toCollection().first();
  render(HouseholdProbe);
  await waitFor(() =>
    expect(the('[data-testid="household-probe"]').textContent?.trim()).toBe(
      `Keluarga Uji|${member!.id}`,
    ),
  );
  // Every error is read in Bahasa Indonesia: a code or English words would not do.
  locale.set('id');
});
afterEach(async () => {
  cleanup();
  locale.set('en');
  await new Promise((resolve) => setTimeout(resolve, 0));
  await dropDatabase(db);
});
afterAll(() => locale.set('en'));

/** Counts the records `table` gets (added or changed) from now on. */
function countWrites(table: StoreName): { readonly count: number } {
  const counter = { count: 0 };
  db.table(table).hook('creating', () => {
    counter.count += 1;
  });
  db.table(table).hook('updating', () => {
    counter.count += 1;
  });
  return counter;
}

/**
 * Keeps `table` locked by a read-write transaction (asking the database again and again), so
 * that a form's write waits behind it until `release` is called.
 */
function holdWrites(table: StoreName): () => Promise<void> {
  let released = false;
  // Dexie promises only: a native await would leave the transaction and let it commit.
  const held = db.transaction('rw', [table], (tx) => {
    const spin = (): Promise<void> =>
      released ? Dexie.Promise.resolve() : tx.table(table).count().then(spin);
    return spin();
  });
  return async () => {
    released = true;
    await held;
  };
}

const noop = () => undefined;

/** What `words` says in English: a translated error must say something else. */
function inEnglish(words: () => string): string {
  locale.set('en');
  try {
    return words();
  } finally {
    locale.set('id');
  }
}

function the<T extends Element>(selector: string): T {
  const found = document.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

async function type(selector: string, value: string): Promise<void> {
  const input = the<HTMLInputElement>(selector);
  input.value = value;
  await fireEvent.input(input);
}

/** The words of the error a control is described by. */
function errorOf(control: Element): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ');
  return ids
    .map((id) => document.getElementById(id))
    .filter((el) => el?.classList.contains('field-error'))
    .map((el) => el!.textContent ?? '')
    .join('')
    .trim();
}

interface FormCase {
  name: string;
  /** The table its save writes to. */
  table: StoreName;
  /** Renders it and returns its form element, or the element whose buttons finish it. */
  open: () => Promise<HTMLElement>;
  /** Types a mistake; returns the control it shows beside and the words expected (in id). */
  bad: () => Promise<{ control: string; words: () => string }>;
  /** Types what saves. */
  good: () => Promise<void>;
  /** Sends it: the submit (or finishing button) of the form. */
  send: (form: HTMLElement) => void;
  /** The control that is disabled while the save is under way. */
  saveButton: (form: HTMLElement) => HTMLButtonElement;
}

const submit = (form: HTMLElement) => void fireEvent.submit(form);
const saveButton = (form: HTMLElement) =>
  form.querySelector<HTMLButtonElement>('button[type="submit"]')!;

function renderForm(component: Component<never>, props: object, testId: string) {
  return () => {
    render(component as Component<Record<string, unknown>>, { props: props as never });
    return Promise.resolve(the<HTMLElement>(`[data-testid="${testId}"]`));
  };
}

const emptyName =
  (selector = '[name="name"]') =>
  async () => {
    await type(selector, '   ');
    return { control: selector, words: () => m.err_empty_name() };
  };

const CASES: FormCase[] = [
  {
    name: 'PlaceForm',
    table: 'places',
    open: renderForm(PlaceForm, { onsaved: noop, oncancel: noop }, 'place-form'),
    bad: emptyName(),
    good: () => type('[name="name"]', 'Bank'),
    send: submit,
    saveButton,
  },
  {
    name: 'PaymentForm',
    table: 'payments',
    open: () =>
      renderForm(
        PaymentForm,
        {
          bill: {
            planId: plan.id,
            dueOn: plan.dueOn,
            amountMinor: plan.amountMinor,
            currency: 'IDR',
            payments: [],
            skipped: false,
          },
          onsaved: noop,
          oncancel: noop,
        },
        'payment-form',
      )(),
    bad: async () => {
      await type('[name="amount"]', 'seratus');
      return { control: '[name="amount"]', words: () => m.err_money_invalid() };
    },
    good: () => type('[name="amount"]', '150.000'),
    send: submit,
    saveButton,
  },
  {
    name: 'RatesSection',
    table: 'rates',
    open: async () => {
      render(RatesSection);
      await fireEvent.click(the('[data-testid="rates-section"] > button.primary'));
      return the<HTMLElement>('[data-testid="rate-form"]');
    },
    bad: async () => {
      await type('[name="rateCurrency"]', 'USD');
      await type('[name="rateValue"]', 'enam belas');
      return { control: '[name="rateValue"]', words: () => m.err_invalid_rate() };
    },
    good: async () => {
      await type('[name="rateCurrency"]', 'USD');
      await type('[name="rateDate"]', '2026-11-01');
      await type('[name="rateValue"]', '16.250,5');
    },
    send: submit,
    saveButton,
  },
  {
    name: 'HouseholdSection',
    table: 'settings',
    open: renderForm(HouseholdSection, {}, 'household-form'),
    bad: emptyName('[name="householdName"]'),
    good: () => type('[name="householdName"]', 'Keluarga Baru'),
    send: submit,
    saveButton,
  },
  {
    name: 'StreamForm',
    table: 'streams',
    open: renderForm(StreamForm, { onsaved: noop, oncancel: noop }, 'stream-form'),
    bad: emptyName(),
    good: () => type('[name="name"]', 'Warung'),
    send: submit,
    saveButton,
  },
  {
    name: 'PlanForm',
    table: 'plans',
    open: renderForm(PlanForm, { onsaved: noop, oncancel: noop }, 'plan-form'),
    bad: emptyName(),
    good: async () => {
      await type('[name="name"]', 'Listrik');
      await type('[name="amount"]', '200.000');
    },
    send: submit,
    saveButton,
  },
  {
    name: 'SavingForm',
    table: 'savings',
    open: () => renderForm(SavingForm, { place, onsaved: noop, oncancel: noop }, 'saving-form')(),
    bad: async () => {
      await type('[name="amount"]', '1.2.3,4,5');
      return { control: '[name="amount"]', words: () => m.err_money_invalid() };
    },
    good: () => type('[name="amount"]', '500.000'),
    send: submit,
    saveButton,
  },
  {
    name: 'TrainingForm',
    table: 'training',
    open: renderForm(TrainingForm, { onsaved: noop }, 'training-form'),
    bad: emptyName('[name="title"]'),
    good: () => type('[name="title"]', 'Kursus menjahit'),
    send: submit,
    saveButton,
  },
  {
    name: 'MemberForm',
    table: 'members',
    open: renderForm(MemberForm, { onsaved: noop, oncancel: noop }, 'member-form'),
    bad: emptyName(),
    good: () => type('[name="name"]', 'Budi'),
    send: submit,
    saveButton,
  },
];

describe.each(CASES)('$name', (c) => {
  it('shows a mistake in Bahasa Indonesia beside its field and writes nothing', async () => {
    const form = await c.open();
    const writes = countWrites(c.table);
    const { control, words } = await c.bad();
    c.send(form);
    await waitFor(() => expect(errorOf(the(control))).toBe(words()));
    expect(words()).not.toBe(inEnglish(words));
    expect(the(control).getAttribute('aria-invalid')).toBe('true');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes.count).toBe(0);
  });

  it('is busy while its write waits, and a second submit writes nothing more', async () => {
    const form = await c.open();
    await c.good();
    const writes = countWrites(c.table);
    const release = holdWrites(c.table);
    c.send(form);
    c.send(form);
    await waitFor(() => expect(c.saveButton(form).disabled).toBe(true));
    c.send(form);
    await release();
    await waitFor(() => expect(writes.count).toBe(1), { timeout: 5000 });
    // Saved: the form is ready again, or gone with its dialog (a rate).
    await waitFor(() =>
      expect(
        form.isConnected && form.closest('dialog:not([open])') === null
          ? c.saveButton(form).disabled
          : false,
      ).toBe(false),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes.count).toBe(1);
  });
});

describe('PaymentForm', () => {
  it("prefills the bill's amount as the locale writes it, and saves it unchanged", async () => {
    const saved: number[] = [];
    render(PaymentForm, {
      props: {
        bill: {
          planId: plan.id,
          dueOn: plan.dueOn,
          amountMinor: plan.amountMinor,
          currency: 'IDR',
          payments: [],
          skipped: false,
        },
        onsaved: (p: { amountMinor: number }) => saved.push(p.amountMinor),
        oncancel: noop,
      },
    });
    // Not "150000.00": in id-ID a dot groups thousands, and rupiah show no sen.
    expect(the<HTMLInputElement>('[name="amount"]').value).toBe('150.000');
    await fireEvent.submit(the('[data-testid="payment-form"]'));
    await waitFor(() => expect(saved).toEqual([150_000_00]));
  });
});

describe('onboarding', () => {
  beforeEach(async () => {
    cleanup();
    await dropDatabase(db);
    db = freshDatabase('form-states-onboarding');
    history.replaceState(null, '');
    render(OnboardingView);
  });

  it('shows a missing household name in Bahasa Indonesia beside it and writes nothing', async () => {
    const writes = countWrites('settings');
    await type('[name="household"]', '');
    await fireEvent.submit(the('[data-testid="onboarding-household"]'));
    await waitFor(() => expect(errorOf(the('[name="household"]'))).toBe(m.err_empty_name()));
    expect(m.err_empty_name()).not.toBe(inEnglish(m.err_empty_name));
    expect(document.querySelector('[data-testid="onboarding-members"]')).toBeNull();

    // Step 2: an invisible member name is refused beside its field.
    await type('[name="household"]', 'Keluarga Uji');
    await fireEvent.submit(the('[data-testid="onboarding-household"]'));
    await waitFor(() => the('[name="memberName"]'));
    await type('[name="memberName"]', '\u200B\u200B');
    await fireEvent.keyDown(the('[name="memberName"]'), { key: 'Enter' });
    await waitFor(() => expect(errorOf(the('[name="memberName"]'))).toBe(m.err_invisible_name()));
    expect(writes.count).toBe(0);
    expect(await db.settings.count()).toBe(0);
  });

  it('is busy while the household is written, and a second tap writes it once', async () => {
    await type('[name="household"]', 'Keluarga Uji');
    await fireEvent.submit(the('[data-testid="onboarding-household"]'));
    await waitFor(() => the('[name="memberName"]'));
    await type('[name="memberName"]', 'Sari');
    const start = the<HTMLButtonElement>('.finish button.primary');
    const writes = countWrites('settings');
    const release = holdWrites('settings');
    start.click();
    start.click();
    await waitFor(() => expect(start.disabled).toBe(true));
    await release();
    await waitFor(() => expect(writes.count).toBe(1), { timeout: 5000 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(writes.count).toBe(1);
    expect((await db.members.toArray()).map((x) => x.name)).toEqual(['Sari']);
    expect(location.hash).toBe('#/streams');
  });
});
