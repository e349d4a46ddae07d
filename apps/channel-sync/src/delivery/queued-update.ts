import { ChannelStockUpdate } from '@stockflow/contracts';
import { TraceCarrier } from '@stockflow/tracing';

/** Where an update came from, as a dead letter records it. */
export interface UpdateSource {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
}

/** An update as one channel's pipeline carries it. */
export interface QueuedUpdate extends ChannelStockUpdate {
  source?: UpdateSource;
  /** When the ledger produced the state (ms), for the change-to-channel latency. */
  changedAt?: number;
  /** The trace of the ledger fold that produced the state (from the stock-level message's headers). */
  trace?: TraceCarrier;
}

/** A SKU's stock as channel sync needs it: from a stock-level message, the ledger's table or a dead letter. */
export interface StockState {
  sku: string;
  version: number;
  available: number;
  /** When the ledger produced it (ms), if known. */
  changedAt?: number;
  trace?: TraceCarrier;
}
