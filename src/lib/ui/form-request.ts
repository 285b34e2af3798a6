/**
 * Links such as '#/plans?new=saving' ask a view to open its "new" form on arrival: the
 * dashboard's "To raise your score" buttons use them. The request is read once and removed
 * from the address, so a reload or the back button does not open the form again.
 */
export type FormRequest = 'plan' | 'saving' | 'stream';

export function formRequestHref(route: 'plans' | 'streams', form: FormRequest): string {
  return `#/${route}?new=${form}`;
}

export function takeFormRequest(): FormRequest | null {
  const [path, query] = location.hash.split('?');
  if (query === undefined) return null;
  const value = new URLSearchParams(query).get('new');
  history.replaceState(history.state, '', `${location.pathname}${location.search}${path}`);
  return value === 'plan' || value === 'saving' || value === 'stream' ? value : null;
}
