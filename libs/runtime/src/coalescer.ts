interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: Error) => void;
}

/**
 * Turns concurrent single calls into batch calls: while `concurrency` batches
 * are in flight, new items wait and go together in the next one (up to
 * `maxBatch`). Alone, an item goes at once. Under load this turns thousands of
 * round trips and commits per second into a few hundred, which is what keeps
 * checkout fast on a small machine. `run` answers one result per item, in order;
 * if it throws, every item of the batch gets the error.
 *
 * `gather: 'tick'` makes even the first item wait for the end of the current
 * turn of the event loop (setImmediate), so calls made together (the partition
 * batches of one Kafka fetch, handed out in one turn) go in one batch.
 */
export class Coalescer<T, R> {
  private queue: Waiting<T, R>[] = [];
  private inFlight = 0;
  private gathering = false;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly concurrency = 2,
    private readonly maxBatch = 1000,
    private readonly options: { gather?: 'tick' } = {},
  ) {}

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight >= this.concurrency) return;
      if (this.options.gather !== 'tick') return void this.drain();
      if (this.gathering) return;
      this.gathering = true;
      setImmediate(() => {
        this.gathering = false;
        if (this.inFlight < this.concurrency) void this.drain();
      });
    });
  }

  private async drain(): Promise<void> {
    this.inFlight++;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      try {
        const results = await this.run(batch.map((w) => w.item));
        batch.forEach((w, i) => w.resolve(results[i]));
      } catch (error) {
        batch.forEach((w) => w.reject(error as Error));
      }
    }
    this.inFlight--;
  }
}
