import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Queryable } from '../queryable';
import { SqlPool, sqlPool } from '../sql-pool';
import { Order, OrderLine, OrderStatus } from './order.entity';
import { preparedSql } from '../prepared-statements';

/** An order as accepted, before any decision. */
export interface NewOrder {
  orderId: string;
  channel: string;
  cartId: string | null;
  paymentMethod: string;
  lines: OrderLine[];
}

/** An order still `received`: what deciding it needs. */
export interface ReceivedOrder {
  orderId: string;
  channel: string;
  cartId: string | null;
  lines: OrderLine[];
}

/** The decision on a received order (reservations' ReservationDecision is one). */
export type OrderDecision =
  | { orderId: string; status: 'pending'; lines: OrderLine[] }
  | { orderId: string; status: 'rejected'; reason: string };

export interface OrderStatusCounts {
  /** Window length in minutes, ending now. */
  minutes: number;
  /** Orders created in the window, by their status now. */
  totals: Record<OrderStatus, number>;
  /** The same counts per minute (oldest first; minutes without orders are absent). */
  perMinute: ({ minute: string } & Record<OrderStatus, number>)[];
}

interface OrderIdRow {
  order_id: string;
}
interface OrderStatusRow {
  order_id: string;
  status: OrderStatus;
}
interface ReceivedOrderRow {
  order_id: string;
  channel: string;
  cart_id: string | null;
  lines: OrderLine[];
}
interface StatusCountRow {
  minute: Date;
  status: OrderStatus;
  count: number;
}

/**
 * Every statement on `orders` and `order_status_history` (entities Order and
 * OrderStatusChange, migration OrdersSchema). Writes are set-based: one
 * statement per batch, each status change with its history row.
 */
@Injectable()
export class OrderRepository {
  private readonly sql: SqlPool;

  constructor(private readonly db: DataSource) {
    this.sql = sqlPool(db);
  }

  /**
   * Stores orders as `received` with their first history row, in one statement.
   * An orderId that exists is left as it is; returns the ids this call inserted.
   */
  async insertReceived(orders: NewOrder[]): Promise<Set<string>> {
    const rows: OrderIdRow[] = await this.sql.query(
      preparedSql(`WITH input AS (
         SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::jsonb[])
           AS t(order_id, channel, cart_id, payment_method, lines)),
       inserted AS (
         INSERT INTO orders (order_id, channel, cart_id, payment_method, status, lines)
         SELECT order_id, channel, cart_id, payment_method, 'received', lines FROM input
         ON CONFLICT (order_id) DO NOTHING RETURNING order_id),
       history AS (INSERT INTO order_status_history (order_id, status) SELECT order_id, 'received' FROM inserted)
       SELECT order_id FROM inserted`),
      [
        orders.map((o) => o.orderId),
        orders.map((o) => o.channel),
        orders.map((o) => o.cartId),
        orders.map((o) => o.paymentMethod),
        orders.map((o) => JSON.stringify(o.lines)),
      ],
    );
    return new Set(rows.map((r) => r.order_id));
  }

  find(orderId: string): Promise<Order | null> {
    return this.db.getRepository(Order).findOneBy({ orderId });
  }

  async findMany(orderIds: string[]): Promise<Map<string, Order>> {
    if (orderIds.length === 0) return new Map();
    const rows = await this.db.getRepository(Order).findBy({ orderId: In(orderIds) });
    return new Map(rows.map((o) => [o.orderId, o]));
  }

  async statuses(orderIds: string[]): Promise<Map<string, OrderStatus>> {
    const rows: OrderStatusRow[] = await this.sql.query(
      'SELECT order_id, status FROM orders WHERE order_id = ANY($1)',
      [orderIds],
    );
    return new Map(rows.map((r) => [r.order_id, r.status]));
  }

  /** Records decisions on orders still `received` (a decision is made once) with their history rows. */
  async applyDecisions(tx: Queryable, decisions: readonly OrderDecision[]): Promise<void> {
    if (decisions.length === 0) return;
    await tx.query(
      `WITH decided AS (
         UPDATE orders o SET status = t.status, reason = t.reason, lines = COALESCE(t.lines, o.lines), updated_at = now()
         FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::jsonb[]) AS t(order_id, status, reason, lines)
         WHERE o.order_id = t.order_id AND o.status = 'received'
         RETURNING o.order_id, o.status, o.reason)
       INSERT INTO order_status_history (order_id, status, reason) SELECT order_id, status, reason FROM decided`,
      [
        decisions.map((d) => d.orderId),
        decisions.map((d) => d.status),
        decisions.map((d) => (d.status === 'rejected' ? d.reason : null)),
        decisions.map((d) => (d.status === 'pending' ? JSON.stringify(d.lines) : null)),
      ],
    );
  }

  /** Undoes an acceptance that could not be decided (sync checkout answering 503). */
  async deleteReceived(orderId: string): Promise<void> {
    await this.sql.query(`DELETE FROM orders WHERE order_id = $1 AND status = 'received'`, [
      orderId,
    ]);
  }

  /** Orders still `received` that were created before `cutoff`, oldest first. */
  async receivedBefore(cutoff: Date, limit: number): Promise<ReceivedOrder[]> {
    const rows: ReceivedOrderRow[] = await this.sql.query(
      `SELECT order_id, channel, cart_id, lines FROM orders WHERE status = 'received' AND created_at < $1
       ORDER BY created_at LIMIT $2`,
      [cutoff.toISOString(), limit],
    );
    return rows.map((r) => ({
      orderId: r.order_id,
      channel: r.channel,
      cartId: r.cart_id,
      lines: r.lines,
    }));
  }

  /**
   * Orders created in the last `minutes`, by current status: what the operator
   * console shows as received / pending / rejected. Reads orders_created_at_idx.
   */
  async countByStatus(minutes: number): Promise<OrderStatusCounts> {
    const rows: StatusCountRow[] = await this.sql.query(
      `SELECT date_trunc('minute', created_at) AS minute, status, count(*)::int AS count
         FROM orders
        WHERE created_at >= now() - make_interval(mins => $1)
        GROUP BY 1, 2
        ORDER BY 1`,
      [minutes],
    );
    const totals: Record<OrderStatus, number> = { received: 0, pending: 0, rejected: 0 };
    const byMinute = new Map<string, OrderStatusCounts['perMinute'][number]>();
    for (const row of rows) {
      totals[row.status] = (totals[row.status] ?? 0) + row.count;
      const minute = new Date(row.minute).toISOString();
      const bucket = byMinute.get(minute) ?? { minute, received: 0, pending: 0, rejected: 0 };
      bucket[row.status] = row.count;
      byMinute.set(minute, bucket);
    }
    return { minutes, totals, perMinute: [...byMinute.values()] };
  }
}
