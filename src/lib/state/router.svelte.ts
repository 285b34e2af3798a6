/** Hash routing: '#/entries' shows Entries; the browser's back button walks the hash history. */
export const ROUTES = ['dashboard', 'entries', 'streams', 'pay', 'plans', 'settings'] as const;
export type NavRoute = (typeof ROUTES)[number];
/** Routes reached from another view (Settings, Plans, the dashboard), with no navigation item of
 * their own (six fit at 360 px). */
export const INNER_ROUTES = ['statement', 'funds', 'groups', 'debts'] as const;
export type Route = NavRoute | (typeof INNER_ROUTES)[number];

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
