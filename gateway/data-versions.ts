/**
 * Reads one subgraph's data version for many concurrent requests at the cost of one read, without
 * ever answering a request with a version read before it arrived. Requests that ask in the same
 * turn of the event loop join one pending read, which starts only at `setImmediate`, after all of
 * them; a request that arrives once that read has started waits for the next one. So each request
 * sees every write acknowledged before it arrived (the version is read from the database, never
 * remembered), and under load a turn's worth of requests share a single read.
 */
export class SharedVersionRead {
  private pending: Promise<number> | undefined;

  constructor(private readonly read: () => Promise<number>) {}

  /** The version as read by a read that started after this call. */
  latest(): Promise<number> {
    this.pending ??= new Promise<number>((resolve, reject) => {
      setImmediate(() => {
        // Closed to newcomers before the read starts: they get the next read.
        this.pending = undefined;
        this.read().then(resolve, reject);
      });
    });
    return this.pending;
  }
}
