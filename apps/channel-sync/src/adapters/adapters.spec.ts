import { verifyWebhookSignature } from '@stockflow/contracts';
import { HttpTransport } from './http-transport';
import { ShopifyAdapter } from './shopify.adapter';
import { WebhookAdapter } from './webhook.adapter';

// prepare() is pure; the transport is never used here (the e2e suite sends for real).
const transport = {} as HttpTransport;
const update = { sku: 'SKU-1', version: 7, available: 12, quantity: 10 };

describe('WebhookAdapter.prepare', () => {
  const adapter = new WebhookAdapter(
    { name: 'web', endpoint: 'http://hooks.local:8080/stock?src=sf', secret: 'k' },
    transport,
  );

  it('posts {channel, sku, quantity, version} to the endpoint path', () => {
    const request = adapter.prepare(update);
    expect(request.path).toBe('/stock?src=sf');
    expect(JSON.parse(request.body)).toEqual({
      channel: 'web',
      sku: 'SKU-1',
      quantity: 10,
      version: 7,
    });
    expect(request.payload).toEqual(JSON.parse(request.body));
  });

  it('signs the exact body bytes with the channel secret', () => {
    const request = adapter.prepare(update);
    expect(
      verifyWebhookSignature(request.body, 'k', request.headers['x-stockflow-signature']),
    ).toBe(true);
  });
});

describe('ShopifyAdapter.prepare', () => {
  const channel = {
    endpoint: 'https://shop.local/base/',
    secret: 'shpat_1',
    locationId: 55,
    inventoryItemIds: { 'SKU-1': 9001 },
  };
  const adapter = new ShopifyAdapter(channel, transport);

  it('sets the level of the mapped inventory item at the location, with the access token header', () => {
    const request = adapter.prepare(update);
    expect(request.path).toBe('/base/admin/api/2024-01/inventory_levels/set.json');
    expect(JSON.parse(request.body)).toEqual({
      location_id: 55,
      inventory_item_id: 9001,
      available: 10,
    });
    expect(request.headers).toEqual({ 'x-shopify-access-token': 'shpat_1' });
  });

  it('lists only the SKUs mapped to an inventory item', () => {
    expect(adapter.lists('SKU-1')).toBe(true);
    expect(adapter.lists('SKU-2')).toBe(false);
  });
});
