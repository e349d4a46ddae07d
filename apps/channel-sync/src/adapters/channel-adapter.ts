import { ChannelStockUpdate } from '@stockflow/contracts';

/** One call to a channel, ready to go (the body is signed over these exact bytes). */
export interface PreparedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The body as data, kept in dead letters. */
  payload: unknown;
}

/** How a send ended. Failures are values: the pipeline decides retry or dead letter. */
export type DeliveryOutcome =
  | { ok: true; status: number }
  | { ok: false; retryable: boolean; reason: string; status?: number; retryAfterMs?: number };

/**
 * What a channel kind must provide. `prepare` is pure (tests check the exact
 * wire shape); `send` does the I/O and never throws. A new kind of channel is a
 * new class behind this interface plus one line in createAdapter.
 */
export interface ChannelAdapter {
  /** False when the channel does not sell this SKU: its updates are not sent. */
  lists(sku: string): boolean;
  prepare(update: ChannelStockUpdate): PreparedRequest;
  send(request: PreparedRequest): Promise<DeliveryOutcome>;
  close(): Promise<void>;
}
