import { LruMap } from "../subgraphs/lib/lru";

/**
 * The response cache's admission policy: an answer is worth reading data versions, a lookup and a
 * store only if its query comes again, so a key is admitted from its `admitAfter`-th sighting on
 * (TinyLFU's "doorkeeper" idea, with exact counts). Traffic where every request differs then costs
 * no more than without a cache, and repeated traffic hits from its third request instead of its
 * second. Sightings are counted for the `window` most recently seen keys only (least recently seen
 * forgotten first), so memory is bounded whatever the traffic; a forgotten key starts counting again.
 * Counts are per process: gateways sharing Redis each admit on their own sightings.
 */
export class CacheAdmission {
  private readonly sightings: LruMap<number>;

  constructor(
    private readonly admitAfter: number,
    window: number,
  ) {
    this.sightings = new LruMap(window);
  }

  /** Notes one sighting of `key`; true when it has now been seen at least `admitAfter` times within the window. */
  admit(key: string): boolean {
    if (this.admitAfter <= 1) return true;
    const seen = Math.min((this.sightings.get(key) ?? 0) + 1, this.admitAfter);
    this.sightings.set(key, seen);
    return seen === this.admitAfter;
  }

  /** Keys whose sightings are remembered now. */
  get size(): number {
    return this.sightings.size;
  }
}
