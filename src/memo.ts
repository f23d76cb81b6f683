// Remember the result of a pure function of text, so unchanged files are not parsed again
// (the preview re-renders on every save; the benchmark renders hundreds of times).
export function memoByText<T>(limit = 64): (key: string, compute: () => T) => T {
  const cache = new Map<string, T>();
  return (key, compute) => {
    const hit = cache.get(key);
    if (hit !== undefined) {
      cache.delete(key);
      cache.set(key, hit); // most recently used last
      return hit;
    }
    const value = compute();
    cache.set(key, value);
    if (cache.size > limit) cache.delete(cache.keys().next().value!);
    return value;
  };
}
