// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import MemberField from '../../src/components/MemberField.svelte';
import SelectField from '../../src/components/SelectField.svelte';

afterEach(cleanup);

/** The options of the one select on the page, as [value, text]. */
function optionsOf(select: HTMLElement): [string, string][] {
  return [...(select as HTMLSelectElement).options].map((o) => [o.value, o.text.trim()]);
}

describe('SelectField', () => {
  it('lists the keys of its labels, named by them, under its label and name', () => {
    render(SelectField, {
      label: 'Kind',
      name: 'kind',
      value: 'b',
      labels: { a: () => 'Alpha', b: () => 'Beta' },
    });
    const select = screen.getByLabelText('Kind');
    expect(select.getAttribute('name')).toBe('kind');
    expect(optionsOf(select)).toEqual([
      ['a', 'Alpha'],
      ['b', 'Beta'],
    ]);
    expect((select as HTMLSelectElement).value).toBe('b');
  });

  it('shows values as they are without labels, with no name unless given', () => {
    render(SelectField, { label: 'Currency', value: 'PHP', options: ['IDR', 'PHP'] });
    const select = screen.getByLabelText('Currency');
    expect(select.hasAttribute('name')).toBe(false);
    expect(optionsOf(select)).toEqual([
      ['IDR', 'IDR'],
      ['PHP', 'PHP'],
    ]);
  });

  it('shows its error, wired to the control, and calls onchange with the pick', async () => {
    const onchange = vi.fn((e: Event) => (e.currentTarget as HTMLSelectElement).value);
    render(SelectField, {
      label: 'Theme',
      value: 'light',
      labels: { system: () => 'System', light: () => 'Light' },
      error: 'Pick one',
      onchange,
    });
    const select = screen.getByLabelText('Theme');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    const error = document.getElementById(select.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(error?.textContent).toContain('Pick one');
    await fireEvent.change(select, { target: { value: 'system' } });
    expect(onchange).toHaveReturnedWith('system');
  });
});

describe('MemberField', () => {
  it('lists the options it is given first, then the members by name', () => {
    render(MemberField, {
      label: 'Who',
      value: '',
      members: [
        { id: 'm1', name: 'Ana' },
        { id: 'm2', name: 'Budi' },
      ],
      testid: 'who',
      children: createRawSnippet(() => ({ render: () => '<option value="">Everyone</option>' })),
    });
    const select = screen.getByTestId('who');
    expect(select.getAttribute('name')).toBe('member');
    expect(optionsOf(select)).toEqual([
      ['', 'Everyone'],
      ['m1', 'Ana'],
      ['m2', 'Budi'],
    ]);
  });
});
