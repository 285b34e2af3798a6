import { device } from './lib/state/device.svelte';
import type { View } from './lib/state/router.svelte';

/**
 * A returning visit (the device store remembers the household's name: see ShellData) starts what its first
 * screen needs from the entry chunk's first task, before the shell mounts (main.ts waits for
 * the first frame to mount it): the data layer, opening IndexedDB, the household gate and, on
 * the dashboard, the view's code. App.svelte imports the same modules later and gets these
 * loads. A first visit starts nothing here: onboarding must not wait behind the data layer.
 */
export function startEarly(route: View): void {
  if (!device.current.householdName) return;
  const ignore = () => undefined;
  import('./lib/db/open-early').then((mod) => mod.openEarly(), ignore);
  import('./components/ShellData.svelte').catch(ignore);
  if (route === 'dashboard') import('./views/dashboard/DashboardView.svelte').catch(ignore);
}
