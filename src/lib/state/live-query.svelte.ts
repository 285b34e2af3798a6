import { liveQuery, type Subscription } from 'dexie';
import type { EarlySeed } from './early-read';
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
  /** Gives the first value from a read already under way (seedFrom); asked once. */
  #seed: (() => EarlySeed<T> | null) | null = null;
  /** Cancels a seeded connection's wait for its live subscription. */
  #cancelWait: (() => void) | null = null;
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

  /**
   * The first value comes from `seed()` (issue 29: the dashboard's reads, begun in one early
   * transaction) instead of this query's own first run, if it gives one when the first reader
   * arrives. The live subscription starts once that value is shown and the page is idle; its
   * first result replaces the value only if a write has happened since the early read began
   * (otherwise it is the same rows, and assigning them would compute the view again).
   */
  seedFrom(seed: () => EarlySeed<T> | null): this {
    this.#seed = seed;
    return this;
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
    const seed = this.#seed?.() ?? null;
    this.#seed = null;
    if (seed === null) this.#subscribeLive(args, generation, null);
    else this.#connectSeeded(args, generation, seed);
  }

  #connectSeeded(args: D, generation: number, seed: EarlySeed<T>): void {
    let waiting = true;
    let idle: (() => void) | null = null;
    this.#cancelWait = () => {
      waiting = false;
      idle?.();
    };
    const live = (unchangedFirst: EarlySeed<T> | null) => {
      if (!waiting || generation !== this.#generation) return;
      waiting = false;
      this.#cancelWait = null;
      this.#subscribeLive(args, generation, unchangedFirst);
    };
    seed.value.then(
      (value) => {
        if (!waiting || generation !== this.#generation) return;
        if (seed.changed()) return live(null);
        this.#value = value;
        this.#error = undefined;
        this.#settled = generation;
        idle = whenIdle(() => live(seed));
      },
      () => live(null),
    );
  }

  /** `seeded`: the value shown came from it; the first result is skipped if nothing changed. */
  #subscribeLive(args: D, generation: number, seeded: EarlySeed<T> | null): void {
    let skipFirst = seeded !== null;
    const observable = liveQuery(() => this.#query(args));
    // Dexie may run the query synchronously here; nothing it reads is the caller's dependency.
    this.#subscription = untrack(() =>
      observable.subscribe({
        next: (value) => {
          if (generation !== this.#generation) return;
          const same = skipFirst && !seeded!.changed();
          skipFirst = false;
          if (same) return;
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
    this.#cancelWait?.();
    this.#cancelWait = null;
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }
}

/** Runs `run` once the page is idle (within a second); returns the cancel. */
function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 1000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 50);
  return () => clearTimeout(id);
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
