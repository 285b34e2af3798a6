/**
 * The shape every record factory shares: `build(overrides)`, `buildList(n)`, and `seeded(seed)`
 * for an independent, reproducible sequence (tests that compare values use `seeded`, so test
 * order never changes what they get).
 */
import { createRng, type Rng } from './rng';

export interface Factory<T> {
  build(overrides?: Partial<T>): T;
  buildList(n: number, overrides?: Partial<T>): T[];
  seeded(seed: number): Factory<T>;
}

/** `make` may read `overrides` to keep derived fields consistent (e.g. an amount's currency). */
export type Make<T> = (rng: Rng, index: number, overrides: Partial<T>) => T;

export function defineFactory<T extends object>(make: Make<T>, seed = 1): Factory<T> {
  const rng = createRng(seed);
  let index = 0;
  const build = (overrides: Partial<T> = {}): T => ({
    ...make(rng, index++, overrides),
    ...overrides,
  });
  return {
    build,
    buildList: (n, overrides) => Array.from({ length: n }, () => build(overrides)),
    seeded: (s) => defineFactory(make, s),
  };
}
