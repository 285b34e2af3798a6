/**
 * The score's bands and where each begins: in a module of their own, so that the entry chunk can
 * check a kept score's band (db/score-snapshot.ts) without the guidance that names them.
 */
export type Band = 'fragile' | 'building' | 'strong';

/** Lower bound of each band; docs/resilience.md says why these cut points. */
export const BAND_FROM: Record<Band, number> = { fragile: 0, building: 40, strong: 70 };

/** Whether `value` names a band. */
export function isBand(value: unknown): value is Band {
  return typeof value === 'string' && Object.hasOwn(BAND_FROM, value);
}
