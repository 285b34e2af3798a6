/**
 * Bounds of every compound key that starts with `prefix`, for `between(lower, upper)`.
 * A shorter array sorts before its extensions, and an array sorts after every string, number
 * and date, so `[...prefix]` … `[...prefix, []]` holds exactly the keys with that prefix.
 * (Dexie.minKey / maxKey are single shared objects: used twice in one key they make it invalid,
 * since IndexedDB rejects a key that contains the same array twice.)
 */
export function prefixRange(...prefix: string[]): [lower: unknown[], upper: unknown[]] {
  return [[...prefix], [...prefix, []]];
}
