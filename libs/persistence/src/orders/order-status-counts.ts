import { Queryable } from '../queryable';
import { OrderStatus } from './order.entity';

export interface OrderStatusCounts {
  /** Window length in minutes, ending now. */
  minutes: number;
  /** Orders created in the window, by their status now. */
  totals: Record<OrderStatus, number>;
  /** The same counts per minute (oldest first; minutes without orders are absent). */
  perMinute: { minute: string; received: number; pending: number; rejected: number }[];
}

/**
 * Orders created in the last `minutes`, by current status: what the operator
 * console shows as received / pending / rejected. Reads orders_created_at_idx.
 */
export async function countOrdersByStatus(
  db: Queryable,
  minutes: number,
): Promise<OrderStatusCounts> {
  const rows: { minute: Date; status: OrderStatus; count: number }[] = await db.query(
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
