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
