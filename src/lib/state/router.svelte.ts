/** Hash routing: '#/entries' shows Entries; the browser's back button walks the hash history. */
export const ROUTES = ['dashboard', 'entries', 'streams', 'pay', 'plans', 'settings'] as const;
/** Views with no navigation item of their own (six is the most that fits at 360 px). */
export const INNER_ROUTES = ['debts'] as const;
export type Route = (typeof ROUTES)[number] | (typeof INNER_ROUTES)[number];

export function routeFromHash(hash: string): Route {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return ([...ROUTES, ...INNER_ROUTES] as readonly string[]).includes(name)
    ? (name as Route)
    : 'dashboard';
}

/** The view on screen, from the address's hash; it follows the hash as it changes. */
export class Router {
  #current = $state<Route>(routeFromHash(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.#current = routeFromHash(location.hash);
    });
  }

  get current(): Route {
    return this.#current;
  }

  href(route: Route): string {
    return `#/${route}`;
  }
}

export const router = new Router();
