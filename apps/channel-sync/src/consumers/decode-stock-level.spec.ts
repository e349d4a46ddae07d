import { decodeStockLevel } from './decode-stock-level';

const message = (value: unknown, key: string | null = 'SKU-1') => ({
  key: key === null ? null : Buffer.from(key),
  value:
    value === null ? null : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});
const level = {
  sku: 'SKU-1',
  onHand: 5,
  reserved: 1,
  available: 4,
  locations: [],
  version: 3,
  previousVersion: 2,
  externalAvailableDelta: 0,
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('decodeStockLevel', () => {
  it('reads a stock-level message', () => {
    expect(decodeStockLevel(message(level))).toEqual({ ok: true, level });
  });

  it('accepts a negative available (oversold by POS)', () => {
    expect(decodeStockLevel(message({ ...level, available: -2 })).ok).toBe(true);
  });

  it('refuses locations without a locationId or an integer available (a pool sums them)', () => {
    const decoded = decodeStockLevel(
      message({ ...level, locations: [{ locationId: 'wh-1', available: '3' }] }),
    );
    expect(decoded).toMatchObject({
      ok: false,
      code: 'schema',
      reason: expect.stringContaining('locations'),
    });
    expect(
      decodeStockLevel(message({ ...level, locations: [{ locationId: 'wh-1', available: -3 }] }))
        .ok,
    ).toBe(true);
  });

  it('calls bytes that are not JSON invalid_json', () => {
    expect(decodeStockLevel(message('{nope'))).toMatchObject({ ok: false, code: 'invalid_json' });
  });

  it('lists every schema problem at once', () => {
    const decoded = decodeStockLevel(message({ sku: 'bad sku', version: 0, available: '4' }));
    expect(decoded).toMatchObject({ ok: false, code: 'schema' });
    expect(
      decoded.ok === false && decoded.code === 'schema' && decoded.reason.split('; '),
    ).toHaveLength(3);
    expect(decodeStockLevel(message([1, 2]))).toMatchObject({ ok: false, code: 'schema' });
  });

  it('refuses a message whose key is not its sku', () => {
    expect(decodeStockLevel(message(level, 'SKU-2'))).toMatchObject({
      ok: false,
      code: 'schema',
      reason: 'message key "SKU-2" is not the sku',
    });
  });

  it('tells a compaction tombstone apart from poison', () => {
    expect(decodeStockLevel(message(null))).toEqual({ ok: false, code: 'tombstone' });
  });
});
