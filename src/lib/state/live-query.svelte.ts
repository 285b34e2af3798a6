import { liveQuery, type Subscription } from 'dexie';
import { untrack } from 'svelte';
import { createSubscriber } from 'svelte/reactivity';
import { dbStatus } from './db-status.svelte';

/**
 * Dexie's `liveQuery` as rune state: `current` is the latest result, and re-renders whoever
 * reads it when a write in this view, another view or another tab changes what the query read.
 *
 * Shaped like svelte.dev's Persisted.svelte.ts: `createSubscriber` starts the Dexie subscription
 * when `current` is first read inside an effect and stops it when the last reader is gone.
 *
 * Runes do not track reads after an `await`, so a query that depends on state (the month on
 * screen, a filter) reads it in a separate, synchronous `deps` function:
 *
 *   const entries = new LiveQuery(() => [view.month, view.streamId] as const,
 *                                 ([month, streamId]) => listEntriesOfMonth(month, { streamId }));
 *
 * `deps` is read on every access of `current`, so readers depend on it; when its value changes
 * (shallowly) the subscription is rebuilt with the new arguments. Until the new result arrives
 * `current` keeps the previous one (no flash of emptiness) and `loading` is true.
 */
export class LiveQuery<T, D = undefined> {
  #value = $state.raw<T | undefined>(undefined);
  #error = $state.raw<unknown>(undefined);
  /** Which subscription delivered the value (or error) on display. */
  #settled = $state(0);

  readonly #deps: () => D;
  readonly #query: (deps: D) => T | Promise<T>;
  readonly #subscribe: () => void;

  #subscription: Subscription | null = null;
  #args: D | undefined = undefined;
  #generation = 0;
  /** Which subscription saw #error (plain: it changes together with #error or #generation). */
  #errorOf = -1;

  constructor(query: () => T | Promise<T>, initial?: T);
  constructor(deps: () => D, query: (deps: D) => T | Promise<T>, initial?: T);
  constructor(
    first: (() => D) | (() => T | Promise<T>),
    second?: ((deps: D) => T | Promise<T>) | T,
    third?: T,
  ) {
    if (typeof second === 'function') {
      this.#deps = first as () => D;
      this.#query = second as (deps: D) => T | Promise<T>;
      this.#value = third;
    } else {
      this.#deps = () => undefined as D;
      this.#query = first as () => T | Promise<T>;
      this.#value = second;
    }
    this.#subscribe = createSubscriber(() => {
      this.#connect(untrack(this.#deps));
      return () => this.#disconnect();
    });
  }

  /** The latest result; `undefined` (or the initial value) until the first one arrives. */
  get current(): T | undefined {
    this.#track();
    return this.#value;
  }

  /**
   * The last failure of the query, cleared by the next result. A failure belongs to the
   * subscription that saw it: a new one (other arguments, or a reader coming back) may succeed.
   */
  get error(): unknown {
    this.#track();
    // #settled is the reactive signal: it changes whenever a subscription answers.
    const settled = this.#settled;
    return settled === this.#generation && this.#errorOf === settled ? this.#error : undefined;
  }

  /** True until the query for the current arguments has answered. */
  get loading(): boolean {
    this.#track();
    return this.#settled !== this.#generation;
  }

  #track(): void {
    this.#subscribe();
    // Read in the caller's reactive context, so that a change of arguments re-runs the caller,
    // which lands here again and rebuilds the subscription.
    const args = this.#deps();
    if (this.#subscription !== null && !shallowEqual(args, this.#args)) this.#connect(args);
  }

  #connect(args: D): void {
    this.#disconnect();
    this.#args = args;
    const generation = ++this.#generation;
    const observable = liveQuery(() => this.#query(args));
    // Dexie may run the query synchronously here; nothing it reads is the caller's dependency.
    this.#subscription = untrack(() =>
      observable.subscribe({
        next: (value) => {
          if (generation !== this.#generation) return;
          this.#value = value;
          this.#error = undefined;
          this.#settled = generation;
        },
        error: (error: unknown) => {
          if (generation !== this.#generation) return;
          this.#errorOf = generation;
          this.#error = error;
          this.#settled = generation;
          dbStatus.noteError(error);
        },
      }),
    );
  }

  #disconnect(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }
}

/** Equal values, or arrays / plain objects whose own entries are `Object.is`-equal. */
function shallowEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
