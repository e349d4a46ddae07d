import { Injectable } from '@nestjs/common';
import { NewOrder, OrderRepository } from '@stockflow/persistence';
import { Coalescer } from '@stockflow/runtime';

/**
 * Stores accepted orders as `received`, concurrent acceptances coalesced into
 * one multi-row INSERT (two statements in flight keep the pool busy without
 * starving the queue consumer).
 */
@Injectable()
export class OrderIntake {
  private readonly inserts: Coalescer<NewOrder, boolean>;

  constructor(repository: OrderRepository) {
    this.inserts = new Coalescer(async (orders) => {
      const inserted = await repository.insertReceived(orders);
      // Two requests with one orderId in a batch: only the first counts as the insert.
      const claimed = new Set<string>();
      return orders.map((o) => {
        const mine = inserted.has(o.orderId) && !claimed.has(o.orderId);
        if (mine) claimed.add(o.orderId);
        return mine;
      });
    });
  }

  /** Resolves true when this call stored the order, false when its orderId existed. */
  insert(order: NewOrder): Promise<boolean> {
    return this.inserts.submit(order);
  }
}
