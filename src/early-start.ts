import { locale } from './lib/i18n/locale.svelte';
import { device } from './lib/state/device.svelte';
import type { Route } from './lib/state/router.svelte';
import { markPhase } from './lib/db/phase-mark';

/**
 * A returning visit (the device store remembers the household's name: see ShellData) starts what its first
 * screen needs from the entry chunk's first task, before the shell mounts (main.ts waits for
 * the first frame to mount it): the data layer, opening IndexedDB, the household gate and, on
 * the dashboard, the view's code. App.svelte imports the same modules later and gets these
 * loads. A first visit starts nothing here: onboarding must not wait behind the data layer.
 */
export function startEarly(route: Route): void {
  markPhase('entry');
  if (!device.current.householdName) return;
  const ignore = () => undefined;
  const now = Date.now();
  import('./lib/db/open-early').then((mod) => mod.openEarly(), ignore);
  import('./lib/state/household.svelte').then((mod) => {
    // The dashboard's score is read and computed in a worker (lib/db/first-score.ts) while this
    // page loads the rest. Started once this chunk has arrived, not in the first task: on two
    // cores the worker's own loading slowed the page's (docs/performance.md, "Tenth pass").
    const scoring =
      route === 'dashboard' &&
      mod.startEarlyScore({
        now,
        ownerId: device.current.memberId,
        scope: device.current.dashboardScope,
      });
    // The first screen's reads, in one transaction (the dashboard's rows too, without a worker).
    mod.readEarly({ rollups: route === 'dashboard' && !scoring });
  }, ignore);
  import('./components/ShellData.svelte').catch(ignore);
  if (route !== 'dashboard') return;
  import('./views/dashboard/DashboardView.svelte').catch(ignore);
  // Every chunk the dashboard needs before its score, listed at build time
  // (scripts/dashboard-preload.mjs): fetched at once instead of one import depth at a time.
  const chunks = document.querySelector<HTMLMetaElement>('meta[name="anyam-dashboard-chunks"]');
  for (const url of chunks?.content.split(' ') ?? []) import(/* @vite-ignore */ url).catch(ignore);
  // Their texts in the language shown (none in English): each chunk awaits its own only once its
  // imports have run, one depth at a time; fetched here, they are in when it asks.
  const texts = document.querySelector<HTMLMetaElement>('meta[name="anyam-dashboard-texts"]');
  const mine = texts?.content.split(' ').find((list) => list.startsWith(`${locale.current}:`));
  for (const url of mine?.slice(locale.current.length + 1).split(',') ?? []) {
    import(/* @vite-ignore */ url).catch(ignore);
  }
}
