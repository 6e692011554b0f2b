/**
 * Collapses identical work that is in flight at the same moment: the first caller for a key runs it,
 * callers that arrive before it settles wait for the same result, each getting its own copy (the
 * gateway merges fetched data into its response objects, so callers must never share one). Nothing is
 * kept once the work settles: this is not a cache, and a later caller runs the work again.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  /** Runs `work` for `key`, or joins the run already in flight for it. */
  async run(key: string, work: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) return structuredClone(await running);
    const started = work().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }

  /** How many distinct keys are in flight now. */
  get size(): number {
    return this.pending.size;
  }
}
