import { flushSync } from 'svelte';

/*
 * The state specs read a state class the way a component's markup does: inside an effect under
 * `$effect.root`, so a reader re-runs when the state changes and what the state starts stops with
 * the root. One harness for every spec (issue 24).
 */
const stops: (() => void)[] = [];

/** Runs `read` in an effect, as a component would; returns what it saw, run after run. */
export function watch<T>(read: () => T): T[] {
  const seen: T[] = [];
  stops.push(
    $effect.root(() => {
      $effect(() => {
        seen.push(read());
      });
    }),
  );
  flushSync();
  return seen;
}

/** Ends every watch: the roots stop, and so does what they started. */
export function stopWatching(): void {
  for (const stop of stops.splice(0)) stop();
}
