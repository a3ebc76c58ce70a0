/** Picks `value` when it is one of `allowed` (e.g. a filter value read from the URL), else undefined. */
export function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return allowed.find((item) => item === value);
}
