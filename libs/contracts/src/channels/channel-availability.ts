/**
 * What one channel may sell of one SKU: the answer of
 * GET /v1/channels/:channel/stock/:sku and the value of the compacted topic
 * `inventory.channel-availability` (key `<channel>:<sku>`).
 *
 * `version = ledgerVersion + poolVersion`. Both parts only grow for what is
 * sent to a channel (the ledger's version of the SKU; the position of the last
 * pool change in inventory.pools), so their sum strictly grows whenever either
 * does: a pool change with no new ledger version still gets a newer `version`,
 * and a receiver keeps its one rule "drop what is not newer".
 */
export interface ChannelAvailabilityMessage {
  channel: string;
  /** The pool the channel sells from (`default` when it is in none). */
  poolId: string;
  sku: string;
  /** The pool's available: the sum of its locations' available, a location below zero counting 0. */
  available: number;
  /** max(0, available - the channel's safety stock for the SKU). */
  sellable: number;
  version: number;
  /** The ledger's version of the SKU (GET /v1/stock/:sku `version`). */
  ledgerVersion: number;
  /** inventory.pools offset after the last applied pool change (0 before any). */
  poolVersion: number;
}

export function channelAvailabilityKey(channel: string, sku: string): string {
  return `${channel}:${sku}`;
}
