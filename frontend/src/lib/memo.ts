/** The value kept in `cache` under `key`, built (and kept) on first use. */
export function cached<T>(cache: Map<string, T>, key: string, build: () => T): T {
  if (cache.has(key)) return cache.get(key) as T;
  const value = build();
  cache.set(key, value);
  return value;
}
