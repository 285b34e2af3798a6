import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Issue 16: a field's label, hint, error and aria wiring, and a row's Edit/Archive/Delete buttons,
 * live in one component each (FormField, CheckField, ItemActions), so that a fix to them is made
 * once. This reads every .svelte file under src/ and refuses one that wires them by hand again.
 * FORM_WIRING_SRC points it at another tree (an older checkout) to see what it would refuse there.
 */
const SRC = process.env.FORM_WIRING_SRC ?? join(__dirname, '..', '..', 'src');

/** The components whose job the wiring is; each may hold its own pattern. */
const OWNERS: Record<string, string[]> = {
  'components/FormField.svelte': ['field', 'invalid', 'described', 'label-for'],
  'components/CheckField.svelte': ['check', 'described'],
  'components/ItemActions.svelte': ['actions'],
  // A group of radio-like buttons under one legend and hint: a fieldset, not a single control.
  'components/Choices.svelte': ['field'],
  // The error line FormField and the forms' own form-level errors use.
  'components/FieldError.svelte': [],
};

interface Rule {
  id: string;
  what: string;
  test: (markup: string) => boolean;
}

/** A form control's opening tag that names its own descriptions (its hint, its error). */
const DESCRIBED_CONTROL =
  /<(?:input|select|textarea)\b(?:[^>"'{]|"[^"]*"|'[^']*'|\{[^}]*\})*\baria-describedby=/;

const RULES: Rule[] = [
  {
    id: 'invalid',
    what: 'marks a control aria-invalid by hand (FormField does, from its error)',
    test: (markup) => /\baria-invalid\s*=/.test(markup),
  },
  {
    id: 'described',
    what: 'points a control at its hint or error with aria-describedby (use FormField or CheckField)',
    test: (markup) => DESCRIBED_CONTROL.test(markup),
  },
  {
    id: 'label-for',
    what: 'labels a control with its own <label for> (FormField does)',
    test: (markup) => /<label\b[^>]*\bfor=/.test(markup),
  },
  {
    id: 'field',
    what: 'builds a class="field" block by hand (FormField does)',
    test: (markup) => /<(?:label|div|p|span)\b[^>]*\bclass="field[\s"]/.test(markup),
  },
  {
    id: 'check',
    what: 'builds a <label class="check"> checkbox or radio by hand (CheckField does)',
    test: (markup) => /<label\b[^>]*\bclass="check[\s"]/.test(markup),
  },
  {
    id: 'actions',
    what: 'writes an Edit/Delete (or Archive) button row by hand (ItemActions does)',
    test: (markup) =>
      /\bm\.item_(?:edit|archive|unarchive|delete)\(/.test(markup) ||
      (/\{m\.edit\(\)\}/.test(markup) && /\{m\.(?:delete|archive)\(\)\}/.test(markup)),
  },
];

/** What a component renders: its markup, without <style>, so that a CSS rule is no offence. */
export function markupOf(source: string): string {
  return source.replace(/<style[\s\S]*?<\/style>/g, '');
}

/** The rules a file breaks, given its path under src/. */
export function offences(path: string, source: string): string[] {
  const allowed = OWNERS[path] ?? [];
  const markup = markupOf(source);
  return RULES.filter((rule) => !allowed.includes(rule.id) && rule.test(markup)).map(
    (rule) => `${path}: ${rule.what}`,
  );
}

function svelteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return svelteFiles(path);
    return name.endsWith('.svelte') ? [path] : [];
  });
}

// Hand-wired fields and rows as they stood in src/ before issue 16 (PlaceForm, LockSection,
// OnboardingView, CurrencyField, SavingsSection), each of which the check must refuse.
const OLD = {
  placeName: `<div class="field">
    <label for="name-{uid}">{m.plan_place_name()}</label>
    <input
      id="name-{uid}"
      name="name"
      type="text"
      maxlength="80"
      bind:value={name}
      aria-invalid={errors.name ? 'true' : undefined}
      aria-describedby="name-error-{uid}"
    />
    <FieldError id="name-error-{uid}" message={errors.name ?? null} />
  </div>`,
  lockPinAgain: `<input
        id="lock-pin-again-{uid}"
        type="password"
        bind:value={again}
        aria-describedby="lock-pin-error-{uid}"
        data-testid="lock-pin-again"
      />`,
  onboardingName: `<label class="field">
        <span>{m.onb_household_name()}</span>
        <input name="household" type="text" bind:value={name} />
      </label>`,
  conditionalDescribed: `<select
      value={x}
      disabled={a > b}
      aria-describedby="currency-error-{uid}"
    >`,
  hideAmounts: `<label class="check">
    <input type="checkbox" checked={on} data-testid="hide-amounts" />
    <span>{m.hh_hide_amounts()}</span>
  </label>`,
  savingsRow: `<div class="row-actions">
    <button class="button small" type="button" onclick={() => edit(row)}>{m.edit()}</button>
    <button class="button small danger" type="button" onclick={() => remove(row)}>{m.delete()}</button>
  </div>`,
  namedRow: `<button aria-label={m.item_edit({ name })} onclick={onedit}>Edit</button>`,
};

describe('form and action wiring lives in the shared components', () => {
  it('refuses each hand-wired field and row of the old code', () => {
    expect(offences('views/plans/PlaceForm.svelte', OLD.placeName)).toEqual([
      expect.stringContaining('aria-invalid'),
      expect.stringContaining('aria-describedby'),
      expect.stringContaining('<label for>'),
      expect.stringContaining('class="field"'),
    ]);
    expect(offences('components/lock/LockSection.svelte', OLD.lockPinAgain)).toHaveLength(1);
    expect(offences('views/onboarding/OnboardingView.svelte', OLD.onboardingName)).toHaveLength(1);
    expect(offences('components/CurrencyField.svelte', OLD.conditionalDescribed)).toHaveLength(1);
    expect(offences('components/lock/LockSection.svelte', OLD.hideAmounts)).toHaveLength(1);
    expect(offences('views/plans/SavingsSection.svelte', OLD.savingsRow)).toEqual([
      expect.stringContaining('ItemActions'),
    ]);
    expect(offences('views/pay/TrainingLog.svelte', OLD.namedRow)).toHaveLength(1);
  });

  it('lets the shared components hold their own wiring, and leaves CSS and buttons alone', () => {
    expect(offences('components/FormField.svelte', OLD.placeName)).toEqual([]);
    expect(offences('components/ItemActions.svelte', OLD.savingsRow)).toEqual([]);
    expect(offences('components/CheckField.svelte', OLD.hideAmounts)).toEqual([]);
    // A button described by the note beside it is not a field.
    expect(
      offences('views/onboarding/OnboardingView.svelte', '<button aria-describedby="sample-hint">'),
    ).toEqual([]);
    expect(offences('x.svelte', '<style>\n  .check input { margin: 0; }\n</style>')).toEqual([]);
    // One delete button (an entry row's icon) is not the row of actions.
    expect(offences('views/entries/EntryRow.svelte', '<button>{m.delete()}</button>')).toEqual([]);
  });

  it('finds no hand-wired field or action row in src/', () => {
    const files = svelteFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) =>
      offences(relative(SRC, file).split('\\').join('/'), readFileSync(file, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
