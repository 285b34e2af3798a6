/** Hash routing: '#/entries' shows Entries; the browser's back button walks the hash history. */
export const ROUTES = ['dashboard', 'entries', 'streams', 'pay', 'plans', 'settings'] as const;
export type Route = (typeof ROUTES)[number];
/** Views reached from another view, with no navigation item of their own (six fit at 360 px). */
export const SUB_ROUTES = ['groups'] as const;
export type View = Route | (typeof SUB_ROUTES)[number];

export function routeFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  const known: readonly string[] = [...ROUTES, ...SUB_ROUTES];
  return known.includes(name) ? (name as View) : 'dashboard';
}

/** The view on screen, from the address's hash; it follows the hash as it changes. */
export class Router {
  #current = $state<View>(routeFromHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.#current = routeFromHash(location.hash);
    });
  }

  get current(): View {
    return this.#current;
  }

  href(route: View): string {
    return `#/${route}`;
  }
}

export const router = new Router();
