import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body, keyed with the channel's secret>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'x-stockflow-signature';

/** Body of the generic webhook: the channel's new sellable quantity of one SKU. */
export interface WebhookStockUpdate {
  channel: string;
  sku: string;
  quantity: number;
  /**
   * The channel availability version (ledger version + pool version, see
   * ChannelAvailabilityMessage): a receiver drops anything not newer than what it has.
   * With no pool ever defined it equals the ledger's version of the SKU.
   */
  version: number;
}

export function signWebhookBody(rawBody: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check, for receivers (and the tests that act as one). */
export function verifyWebhookSignature(
  rawBody: string | Buffer,
  secret: string,
  header: unknown,
): boolean {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(signWebhookBody(rawBody, secret));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
