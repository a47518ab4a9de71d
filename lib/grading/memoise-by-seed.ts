// One small LRU for the pure seed → params generators of exercises and labs:
// a grade asks for the same seed's params several times.

/** Caches a pure `seed → value` function, keeping the `capacity` most recently used seeds. */
export function memoiseBySeed<P>(generate: (seed: number) => P, capacity: number): (seed: number) => P {
  const cache = new Map<number, P>();
  return (seed) => {
    const hit = cache.get(seed);
    if (hit !== undefined) {
      cache.delete(seed);
      cache.set(seed, hit);
      return hit;
    }
    const value = generate(seed);
    cache.set(seed, value);
    if (cache.size > capacity) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return value;
  };
}
