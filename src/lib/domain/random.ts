/**
 * A small seeded generator (mulberry32): the same seed gives the same household on every machine,
 * so a failing test or a benchmark figure can be reproduced exactly.
 */
export interface Rng {
  /** Float in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  bool(p?: number): boolean;
  /** A v4-shaped UUID made from the stream, not from crypto. */
  uuid(): string;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const u32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const next = (): number => u32() / 4294967296;

  return {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
        throw new RangeError(`int(${min}, ${max})`);
      }
      return min + Math.floor(next() * (max - min + 1));
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    bool(p = 0.5) {
      return next() < p;
    },
    uuid() {
      const hex = (n: number): string => n.toString(16).padStart(8, '0');
      const a = hex(u32());
      const b = hex(u32());
      const c = hex(u32());
      const d = hex(u32());
      // Version nibble 4 and RFC 4122 variant bits 10xx, so it passes any UUID v4 check.
      const variant = ((parseInt(c[0]!, 16) & 0x3) | 0x8).toString(16);
      return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
    },
  };
}
