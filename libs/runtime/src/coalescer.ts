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
 */
export class Coalescer<T, R> {
  private queue: Waiting<T, R>[] = [];
  private inFlight = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly concurrency = 2,
    private readonly maxBatch = 1000,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.inFlight < this.concurrency) void this.drain();
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
