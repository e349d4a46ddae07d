import { ConfigError } from '@stockflow/config';
import { parseChannels } from './load-channels';

const webhook = {
  name: 'web',
  adapter: 'webhook',
  endpoint: 'http://127.0.0.1:9000/stock',
  secret: 's',
  safetyStock: 2,
};
const shopify = {
  name: 'shop',
  adapter: 'shopify',
  endpoint: 'https://shop.example.com',
  secret: 'shpat_x',
  safetyStock: 0,
  locationId: 42,
  inventoryItemIds: { 'SKU-1': 1001 },
};

function problems(value: unknown): string[] {
  try {
    parseChannels(JSON.stringify(value), 'channels.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

describe('parseChannels', () => {
  it('accepts the contract fields and the optional extensions', () => {
    const channels = parseChannels(
      JSON.stringify([
        {
          ...webhook,
          skuSafetyStock: { 'SKU-1': 5 },
          ratePerSecond: 2.5,
          maxAttempts: 3,
          operators: ['pos'],
        },
        shopify,
      ]),
      'channels.json',
    );
    expect(channels.map((c) => c.name)).toEqual(['web', 'shop']);
    expect(channels[0]).toMatchObject({
      skuSafetyStock: { 'SKU-1': 5 },
      ratePerSecond: 2.5,
      maxAttempts: 3,
    });
  });

  it('names the file, the channel index and the field of every problem at once', () => {
    const found = problems([
      webhook,
      { ...webhook, name: 'web2', adapter: 'ftp', endpoint: 'not a url', safetyStock: -1 },
    ]);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^CHANNELS_FILE channels\.json: channels\[1\]\.adapter: adapter must be one of: webhook, shopify/,
        ),
        expect.stringMatching(/^CHANNELS_FILE channels\.json: channels\[1\]\.endpoint: /),
        expect.stringMatching(/^CHANNELS_FILE channels\.json: channels\[1\]\.safetyStock: /),
      ]),
    );
    expect(found).toHaveLength(3);
  });

  it('refuses missing fields, unknown fields and bad per-SKU overrides', () => {
    const found = problems([
      {
        name: 'web',
        adapter: 'webhook',
        endpoint: 'http://x',
        safetyStock: 0,
        skuSafetyStock: { 'bad sku': 1 },
        colour: 'red',
      },
    ]);
    expect(found.some((p) => p.includes('channels[0].secret'))).toBe(true);
    expect(found.some((p) => p.includes('channels[0].skuSafetyStock'))).toBe(true);
    expect(
      found.some((p) => p.includes('channels[0].colour: property colour should not exist')),
    ).toBe(true);
  });

  it('requires a location and an item map for the shopify adapter', () => {
    const { locationId, inventoryItemIds, ...bare } = shopify;
    void locationId;
    void inventoryItemIds;
    const found = problems([bare]);
    expect(found.some((p) => p.includes('channels[0].locationId'))).toBe(true);
    expect(found.some((p) => p.includes('channels[0].inventoryItemIds'))).toBe(true);
  });

  it('refuses two channels with one name, an empty list, and text that is not JSON', () => {
    expect(problems([webhook, webhook])).toEqual([
      `CHANNELS_FILE channels.json: channels[1].name: 'web' is used twice`,
    ]);
    expect(problems([])).toEqual([
      'CHANNELS_FILE channels.json: must be a non-empty JSON array of channels',
    ]);
    expect(() => parseChannels('{', 'channels.json')).toThrow(
      /CHANNELS_FILE channels\.json: not valid JSON/,
    );
  });

  it('refuses names that cannot be a consumer group suffix or URL segment, including the reserved _input', () => {
    expect(problems([{ ...webhook, name: '_input' }])[0]).toMatch(/channels\[0\]\.name/);
    expect(problems([{ ...webhook, name: 'Web Store' }])[0]).toMatch(/channels\[0\]\.name/);
  });
});
