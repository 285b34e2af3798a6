import { locale } from './lib/i18n/locale.svelte';
import { device } from './lib/state/device.svelte';
import type { Route } from './lib/state/router.svelte';
import { markPhase } from './lib/db/phase-mark';
import { takeEarlyOpen, warmDatabase, type WarmDatabase } from './lib/db/warm-database';
import { startEarlyScore } from './lib/db/early-score';

/** What the page's first task asked of other threads, for the rest of the early start. */
export interface EarlyData {
  warm: WarmDatabase;
}

/**
 * A returning visit's first ask, in the entry chunk's first task even when the last score's
 * frame comes first (main.ts): the browser opens the database's files while the page loads its
 * code (a plain connection that gives way once Dexie's is open; index.html's first script has
 * usually asked for it already, and this takes that one). It costs this thread an IPC, not the
 * frame. Null on a first visit: it starts nothing (docs/performance.md, "Eleventh pass").
 */
export function startEarlyData(): EarlyData | null {
  markPhase('entry');
  if (!device.current.householdName) return null;
  return { warm: takeEarlyOpen() ?? warmDatabase() };
}

/**
 * A returning visit (the device store remembers the household's name: see ShellData) loads what
 * its first screen needs before the shell mounts (main.ts waits for the first frame to mount
 * it): the data layer, the household gate and, on the dashboard, the score's worker and the
 * view's code. App.svelte imports the same modules later and gets these loads. A first visit
 * loads nothing here: onboarding must not wait behind the data layer.
 */
export function startEarly(route: Route, data: EarlyData | null): void {
  if (data === null) return;
  const ignore = () => undefined;
  const { warm } = data;
  // The dashboard's score is read and computed in a worker (lib/db/first-score.ts) while this
  // page loads the rest. Started here, not before the last score's frame: started there it
  // delayed that frame and the page's own loading on two cores ("Eleventh pass").
  const scoring =
    route === 'dashboard' &&
    startEarlyScore({
      now: Date.now(),
      ownerId: device.current.memberId,
      scope: device.current.dashboardScope,
    });
  import('./lib/db/open-early').then((mod) => mod.openEarly().finally(warm.release), warm.release);
  // The first screen's reads, in one transaction (the dashboard's rows too, without a worker).
  import('./lib/state/household.svelte').then(
    (mod) => mod.readEarly({ rollups: route === 'dashboard' && !scoring }),
    ignore,
  );
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
