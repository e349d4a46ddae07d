import { Injectable } from '@nestjs/common';
import { NewOrder, OrderStore } from './order-store';

interface Waiting {
  order: NewOrder;
  resolve: (inserted: boolean) => void;
  reject: (error: Error) => void;
}

/**
 * Coalesces concurrent order acceptances into one multi-row INSERT: while one
 * statement is in flight, new orders wait and go together in the next. Under
 * load this turns thousands of round trips and commits per second into a few
 * hundred, which is what keeps acceptance fast on a small machine; alone, an
 * order is inserted at once.
 */
@Injectable()
export class OrderIntake {
  private queue: Waiting[] = [];
  private inFlight = 0;
  /** Two statements in flight keep the pool busy without starving the consumer. */
  private static readonly CONCURRENCY = 2;

  constructor(private readonly store: OrderStore) {}

  /** Resolves true when this call stored the order, false when its orderId existed. */
  insert(order: NewOrder): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.queue.push({ order, resolve, reject });
      if (this.inFlight < OrderIntake.CONCURRENCY) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight++;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, 1000);
      try {
        const inserted = await this.store.insertReceived(batch.map((w) => w.order));
        // Two waiters with one orderId in a batch: only the first counts as the insert.
        const claimed = new Set<string>();
        for (const w of batch) {
          const mine = inserted.has(w.order.orderId) && !claimed.has(w.order.orderId);
          if (mine) claimed.add(w.order.orderId);
          w.resolve(mine);
        }
      } catch (error) {
        batch.forEach((w) => w.reject(error as Error));
      }
    }
    this.inFlight--;
  }
}
