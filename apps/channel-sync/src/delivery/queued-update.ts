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

/**
 * An update as one channel's pipeline carries it. `version` is the channel
 * availability version (ledgerVersion + poolVersion, see ChannelAvailabilityMessage),
 * `available` the channel's pool's available, `quantity` its sellable.
 */
export interface QueuedUpdate extends ChannelStockUpdate {
  poolId: string;
  ledgerVersion: number;
  poolVersion: number;
  source?: UpdateSource;
  /** When the ledger produced the state (ms), for the change-to-channel latency. */
  changedAt?: number;
  /** The trace of the ledger fold that produced the state (from the stock-level message's headers). */
  trace?: TraceCarrier;
}

/** A SKU's stock as channel sync needs it: from a stock-level message or the ledger's table. */
export interface StockState {
  sku: string;
  /** The ledger's version of the SKU. */
  version: number;
  /** The SKU's total available: used only when `locations` is unknown. */
  available: number;
  /** Per-location available (stock-level messages and the ledger's table carry it). */
  locations?: readonly { locationId: string; available: number }[];
  /** When the ledger produced it (ms), if known. */
  changedAt?: number;
  trace?: TraceCarrier;
}
