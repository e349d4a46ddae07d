import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Orders (AsyncOrder: received -> pending | rejected) with their status history,
 * and order_reservations: every reservation the orders service issued in Redis,
 * durable. It is what hydration subtracts from the ledger for reservations the
 * ledger has not folded yet, and what rebuilds the Redis registry after a loss.
 * `settled` rows have every event of theirs folded into the journal, so the
 * hot queries only ever read the small unsettled remainder.
 */
export class OrdersSchema1765000000000 implements MigrationInterface {
  name = 'OrdersSchema1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE orders (
        order_id       varchar(64)  PRIMARY KEY,
        channel        varchar(32)  NOT NULL,
        cart_id        varchar(64),  -- as the client named it
        payment_method varchar(64)  NOT NULL,
        status         varchar(16)  NOT NULL CHECK (status IN ('received', 'pending', 'rejected')),
        reason         varchar(32),
        lines          jsonb        NOT NULL,
        created_at     timestamptz  NOT NULL DEFAULT now(),
        updated_at     timestamptz  NOT NULL DEFAULT now()
      )`);
    // Finds orders still waiting (re-queued if their message never reached Kafka).
    await q.query(
      `CREATE INDEX orders_received_idx ON orders (created_at) WHERE status = 'received'`,
    );
    await q.query(`
      CREATE TABLE order_status_history (
        id          bigserial    PRIMARY KEY,
        order_id    varchar(64)  NOT NULL REFERENCES orders (order_id) ON DELETE CASCADE,
        status      varchar(16)  NOT NULL,
        reason      varchar(32),
        recorded_at timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, id)`,
    );
    await q.query(`
      CREATE TABLE order_reservations (
        reservation_id   varchar(128) PRIMARY KEY,
        sku              varchar(64)  NOT NULL,
        quantity         integer      NOT NULL CHECK (quantity > 0),
        kind             varchar(8)   NOT NULL CHECK (kind IN ('order', 'hold')),
        order_id         varchar(64),
        cart_id          varchar(100), -- <channel>.<cartId>: carts are per channel
        channel          varchar(32)  NOT NULL,
        state            varchar(12)  NOT NULL CHECK (state IN ('reserving', 'open', 'released')),
        release_reason   varchar(16),
        expires_at       timestamptz,
        reserve_event_id uuid         NOT NULL,
        release_event_id uuid         NOT NULL,
        settled          boolean      NOT NULL DEFAULT false,
        created_at       timestamptz  NOT NULL DEFAULT now(),
        updated_at       timestamptz  NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX order_reservations_unsettled_idx ON order_reservations (sku) WHERE NOT settled`,
    );
    await q.query(
      `CREATE INDEX order_reservations_due_holds_idx ON order_reservations (expires_at)
       WHERE kind = 'hold' AND state = 'open'`,
    );
    await q.query(
      `CREATE INDEX order_reservations_cart_idx ON order_reservations (cart_id) WHERE kind = 'hold' AND state = 'open'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['order_reservations', 'order_status_history', 'orders']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
