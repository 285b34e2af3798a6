/**
 * Links such as '#/plans?new=saving' ask a view to open its "new" form on arrival: the
 * dashboard's "To raise your score" buttons use them. The request stays in the address while
 * the form is open (a view may be mounted twice while the app starts) and is removed when the
 * form closes, so the back button or a reload does not open it again.
 */
export type FormRequest = 'plan' | 'saving' | 'stream';

export function formRequestHref(
  route: 'plans' | 'streams',
  form: FormRequest,
  options: { place?: string } = {},
): string {
  const place = options.place === undefined ? '' : `&place=${encodeURIComponent(options.place)}`;
  return `#/${route}?new=${form}${place}`;
}

/**
 * The place a `saving` request names (`#/plans?new=saving&place=<id>`): the request is for a new
 * balance of that place. null when none is named.
 */
export function formRequestPlace(): string | null {
  const query = location.hash.split('?')[1];
  if (query === undefined) return null;
  return new URLSearchParams(query).get('place');
}

export function formRequest(): FormRequest | null {
  const query = location.hash.split('?')[1];
  if (query === undefined) return null;
  const value = new URLSearchParams(query).get('new');
  return value === 'plan' || value === 'saving' || value === 'stream' ? value : null;
}

/** Removes the request from the address, without a navigation. */
export function clearFormRequest(): void {
  const [path, query] = location.hash.split('?');
  if (query === undefined) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}${path}`);
}
