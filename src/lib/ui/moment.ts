import { intlLocale } from '../i18n/locale.svelte';

/** A moment (an edit, a backup, a send) in the current language: medium date, short time. */
export function formatMoment(iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}
