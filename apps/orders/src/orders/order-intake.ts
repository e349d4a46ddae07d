import { Injectable } from '@nestjs/common';
import { Coalescer } from '@stockflow/runtime';
import { NewOrder, OrderStore } from './order-store';

/**
 * Stores accepted orders as `received`, concurrent acceptances coalesced into
 * one multi-row INSERT (two statements in flight keep the pool busy without
 * starving the queue consumer).
 */
@Injectable()
export class OrderIntake {
  private readonly inserts: Coalescer<NewOrder, boolean>;

  constructor(store: OrderStore) {
    this.inserts = new Coalescer(async (orders) => {
      const inserted = await store.insertReceived(orders);
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
