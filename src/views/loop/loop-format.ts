import { daysBetweenIso } from '../../lib/domain/dates';
import { intlLocale } from '../../lib/state/format.svelte';

const formats = new Map<string, Intl.DateTimeFormat>();

/** '25 Nov' / '25 Thg 11': a due date this close needs no year. */
export function dayMonth(iso: string): string {
  const locale = intlLocale();
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    formats.set(locale, format);
  }
  const [y, m, d] = iso.split('-').map(Number);
  return format.format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)));
}

const relative = new Map<string, Intl.RelativeTimeFormat>();

/** 'tomorrow' / 'in 5 days' (in the current language): how soon a coming-up item is due. */
export function inDays(dueOn: string, today: string): string {
  const locale = intlLocale();
  let format = relative.get(locale);
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relative.set(locale, format);
  }
  return format.format(daysBetweenIso(today, dueOn), 'day');
}
