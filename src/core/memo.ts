/** A WeakMap or a Map: what `memo` needs of a cache. */
interface Cache<K, V> { get(key: K): V | undefined; set(key: K, value: V): unknown }

/**
 * The value derived from a key (a rule pack, a word list, a passage), built on first use and kept in the
 * cache: packs are loaded once and shared, so what is compiled from them is compiled once.
 */
export function memo<K, V>(cache: Cache<K, V>, key: K, build: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = build();
    cache.set(key, v);
  }
  return v;
}
