import { createHmac } from 'node:crypto';
import { signWebhookBody, verifyWebhookSignature } from './webhook';

describe('webhook signature', () => {
  const body = JSON.stringify({ channel: 'web', sku: 'SKU-1', quantity: 7, version: 3 });

  it('is sha256= followed by the hex HMAC-SHA256 of the raw body keyed with the secret', () => {
    const hex = createHmac('sha256', 's3cret').update(body).digest('hex');
    expect(signWebhookBody(body, 's3cret')).toBe(`sha256=${hex}`);
  });

  it('verifies a signature made with the same secret over the same bytes', () => {
    expect(verifyWebhookSignature(body, 's3cret', signWebhookBody(body, 's3cret'))).toBe(true);
  });

  it('rejects another secret, a changed body, a missing or malformed header', () => {
    const signature = signWebhookBody(body, 's3cret');
    expect(verifyWebhookSignature(body, 'other', signature)).toBe(false);
    expect(verifyWebhookSignature(body.replace('7', '8'), 's3cret', signature)).toBe(false);
    expect(verifyWebhookSignature(body, 's3cret', undefined)).toBe(false);
    expect(verifyWebhookSignature(body, 's3cret', 'sha256=abc')).toBe(false);
  });
});
