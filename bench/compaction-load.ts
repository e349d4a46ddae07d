import { randomUUID } from 'crypto';
import { performance } from 'perf_hooks';
import { DataSource } from 'typeorm';
import { InventoryEvent, LogMessage } from '@stockflow/contracts';
import { foldPartitionBatch, sqlPool } from '@stockflow/persistence';
import { ReservationContext, reserveOrders } from '@stockflow/reservations';
import { percentile } from './bench-stats';

/** Partitions the ledger load is spread over (each one's batches in order, as the ledger does). */
const PARTITIONS = 4;

export interface LoadShape {
  /** reserveOrders calls per second. */
  checkoutRate: number;
  /** Ledger batches of 100 events per second. */
  ledgerRate: number;
  /** SKUs SKU-0 .. SKU-(skus-1), each with ample stock in the ledger. */
  skus: number;
}

export interface Latencies {
  samples: number[];
  count: number;
  p50: number;
  p99: number;
}

export type Measured = { checkout: Latencies; ledger: Latencies };

export function merge(runs: Measured[]): Measured {
  return {
    checkout: summarise(runs.flatMap((r) => r.checkout.samples)),
    ledger: summarise(runs.flatMap((r) => r.ledger.samples)),
  };
}

/**
 * Open-loop load at fixed rates (what a shop sees: orders arrive whether or not
 * the last one finished): reserveOrders calls, and ledger batches spread over
 * PARTITIONS "partitions", each partition's batches in order. Latency is counted
 * from when a call was due, so a stall shows up in full (no coordinated omission).
 */
export class CheckoutLoad {
  private order = 0;
  private offsets = new Map<number, number>();
  private fulfil: { sku: string; reservationId: string }[][] = Array.from(
    { length: PARTITIONS },
    () => [],
  );
  private partitions: Promise<unknown>[] = Array.from({ length: PARTITIONS }, () =>
    Promise.resolve(),
  );
  private ledgerTurn = 0;

  constructor(
    private readonly ctx: ReservationContext,
    private readonly db: DataSource,
    private readonly shape: LoadShape,
  ) {}

  async run(windowMs: number): Promise<Measured> {
    const [checkout, ledger] = await Promise.all([
      openLoop(this.shape.checkoutRate, windowMs, () => this.reserve()),
      openLoop(this.shape.ledgerRate, windowMs, () => {
        const partition = this.ledgerTurn++ % PARTITIONS;
        const next = this.partitions[partition].then(() => this.ledgerBatch(partition));
        this.partitions[partition] = next;
        return next;
      }),
    ]);
    return { checkout: summarise(checkout), ledger: summarise(ledger) };
  }

  private reserve() {
    const n = this.order++;
    const order = {
      orderId: `bench-${n}`,
      channel: 'web',
      lines: [{ sku: `SKU-${n % this.shape.skus}`, quantity: 1 }],
    };
    return reserveOrders(this.ctx, [order], new Date(), async () => undefined);
  }

  /** 50 new reservations and the fulfilment of the previous batch's 50: the ledger nets as fast as it reserves. */
  private async ledgerBatch(partition: number) {
    const previous = this.fulfil[partition];
    // Each partition owns its own SKUs, as in the ledger (per-SKU ordering).
    const sku = () =>
      `SKU-${partition + PARTITIONS * Math.floor((Math.random() * this.shape.skus) / PARTITIONS)}`;
    const fresh = Array.from({ length: 50 }, () => ({ sku: sku(), reservationId: randomUUID() }));
    const events: InventoryEvent[] = [
      ...fresh.map((r) => event({ type: 'StockReserved', ...r, quantity: 1 })),
      ...previous.map((r) =>
        event({ type: 'ReservationFulfilled', ...r, locationId: 'WH', quantity: 1 }),
      ),
    ];
    this.fulfil[partition] = fresh;
    const offset = this.offsets.get(partition) ?? 0;
    this.offsets.set(partition, offset + events.length);
    const messages: LogMessage[] = events.map((e, i) => ({
      key: Buffer.from(e.sku),
      value: Buffer.from(JSON.stringify(e)),
      offset: String(offset + i),
    }));
    await sqlPool(this.db).transaction((tx) =>
      foldPartitionBatch(tx, { groupId: 'bench', topic: 'bench', partition }, messages),
    );
  }
}

async function openLoop(
  rate: number,
  windowMs: number,
  op: () => Promise<unknown>,
): Promise<number[]> {
  const samples: number[] = [];
  const inFlight: Promise<unknown>[] = [];
  const start = performance.now();
  for (let n = 0; ; n++) {
    const due = start + (n * 1000) / rate;
    if (due >= start + windowMs) break;
    if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
    inFlight.push(op().then(() => samples.push(performance.now() - due)));
  }
  await Promise.all(inFlight);
  return samples;
}

function event(fields: Record<string, unknown>): InventoryEvent {
  return {
    eventId: randomUUID(),
    channel: 'web',
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
    ...fields,
  } as InventoryEvent;
}

export function summarise(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples,
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
}
