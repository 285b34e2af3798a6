export function missingOptionalEntries(
  lock: object,
): { name: string; range: string; path: string }[];
