// @vitest-environment jsdom
/**
 * The language field switches once the language's texts are in (each language is its own files
 * in the build: src/lib/i18n/translated.ts); when they cannot be fetched it says why and stays.
 */
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { locale } from '../../src/lib/i18n/locale.svelte';
import LanguageField from '../../src/components/LanguageField.svelte';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  locale.set('en');
});

describe('the language field', () => {
  it('switches to the language picked, then tells its owner', async () => {
    const picked: string[] = [];
    render(LanguageField, { onpick: (next: string) => picked.push(next) });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), {
      target: { value: 'fil' },
    });
    await vi.waitFor(() => expect(locale.current).toBe('fil'));
    expect(document.documentElement.lang).toBe('fil');
    expect(picked).toEqual(['fil']);
  });

  it('offline, a language whose texts cannot be fetched is refused in words and nothing changes', async () => {
    vi.spyOn(locale, 'switchTo').mockRejectedValue(new TypeError('Failed to fetch'));
    const picked: string[] = [];
    render(LanguageField, { onpick: (next: string) => picked.push(next) });
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Language' });
    await fireEvent.change(select, { target: { value: 'vi' } });
    expect(
      await screen.findByText(
        'Tiếng Việt is not on this phone yet: connect to the internet once to download it.',
      ),
    ).toBeTruthy();
    expect(select.value).toBe('en');
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(locale.current).toBe('en');
    expect(picked).toEqual([]);
  });
});
