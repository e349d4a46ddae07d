import { ChannelStockUpdate } from '@stockflow/contracts';

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
}
