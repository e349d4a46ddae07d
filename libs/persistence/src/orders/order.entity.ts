import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OrderStatus = 'received' | 'pending' | 'rejected';

export interface OrderLine {
  sku: string;
  quantity: number;
  /** Set once the order is pending. */
  reservationId?: string;
  /** Where the line's units were reserved (set once pending; docs/pools.md). */
  allocations?: { locationId: string; quantity: number }[];
}

/** An order as the orders service keeps it (table `orders`, migration OrdersSchema). */
@Entity({ name: 'orders' })
export class Order {
  @PrimaryColumn({ name: 'order_id', type: 'varchar', length: 64 })
  orderId: string;

  @Column({ type: 'varchar', length: 32 })
  channel: string;

  @Column({ name: 'cart_id', type: 'varchar', length: 64, nullable: true })
  cartId: string | null;

  @Column({ name: 'payment_method', type: 'varchar', length: 64 })
  paymentMethod: string;

  @Column({ type: 'varchar', length: 16 })
  status: OrderStatus;

  @Column({ type: 'varchar', length: 32, nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb' })
  lines: OrderLine[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
