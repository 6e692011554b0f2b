/**
 * A `Map` bounded to `capacity` entries that forgets the least recently used first: a `Map` keeps
 * insertion order, so a read or write moves its entry to the end and the first entry is always the
 * least recently used.
 */
export class LruMap<V> {
  private readonly entries = new Map<string, V>();

  /** `onEvict` hears each entry forgotten for the bound (not those deleted or replaced by a caller). */
  constructor(
    readonly capacity: number,
    private readonly onEvict?: (key: string, value: V) => void,
  ) {}

  /** The value held for `key`, which becomes the most recently used; undefined when none is. */
  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Holds `value` for `key` as the most recently used, forgetting the least recently used beyond the bound. */
  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    for (const [oldest, evicted] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
      this.onEvict?.(oldest, evicted);
    }
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** The keys held now, least recently used first. */
  keys(): IterableIterator<string> {
    return this.entries.keys();
  }

  clear(): void {
    this.entries.clear();
  }

  /** Entries held now. */
  get size(): number {
    return this.entries.size;
  }
}
