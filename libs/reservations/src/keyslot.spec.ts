import { crc16, keySlot } from './keyslot';
import { RedisKeys } from './redis-keys';
import { ScriptArgs } from './script-args';

const keys = new RedisKeys('t1:');
const args = new ScriptArgs(keys, 60);
const now = new Date('2026-12-01T00:00:00Z');

/** The KEYS of a script call built as RedisStock sends it: [numKeys, ...keys, ...argv]. */
function keysOf(call: (string | number)[]): string[] {
  return call.slice(1, 1 + Number(call[0])) as string[];
}

/** Keys not of one SKU: checkout-wide (order outcome, cart, outbox); docs/pools.md "Redis Cluster". */
const checkoutWide = (key: string) => /^t1:(order:|cart:|outbox)/.test(key);

describe('keySlot (Redis Cluster spec)', () => {
  it('computes CRC16/XMODEM as the cluster spec gives it', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
  });

  it('answers the slots the Redis documentation shows for CLUSTER KEYSLOT', () => {
    expect(keySlot('somekey')).toBe(11058);
    expect(keySlot('foo{hash_tag}')).toBe(2515);
  });

  it('hashes only the first non-empty tag', () => {
    expect(keySlot('{user1000}.following')).toBe(keySlot('{user1000}.followers'));
    expect(keySlot('foo{}{bar}')).toBe(crc16(Buffer.from('foo{}{bar}')) % 16384);
    expect(keySlot('foo{{bar}}zap')).toBe(crc16(Buffer.from('{bar')) % 16384);
  });
});

describe('Redis layout: the keys of one SKU share one slot', () => {
  const skus = ['SKU-1', 'a', 'Z.9_x-', 'x'.repeat(64)];

  it.each(skus)('puts the counter and every registry entry of %s on the sku slot', (sku) => {
    const slot = keySlot(keys.stock(sku));
    for (const rid of ['ord:o-1:1', 'hold:web.c1:abc', 'x'])
      expect(keySlot(keys.reservation(sku, rid))).toBe(slot);
  });

  it('gives apply-level one key: a single-slot script', () => {
    // applyLevels builds (1, stock key, ...) directly; the one key is the counter.
    expect(keysOf([1, keys.stock('SKU-1'), 1, 2, 'L1', 5])).toEqual([keys.stock('SKU-1')]);
  });

  it('gives hydrate, hold, cart release and expiry of one SKU only keys of that SKU besides the checkout-wide ones', () => {
    const sku = 'SKU-7';
    const slot = keySlot(keys.stock(sku));
    const hold = {
      cartId: 'web.c1',
      sku,
      quantity: 1,
      rid: 'hold:web.c1:1',
      channel: 'web',
      deadline: now,
      pool: ['A', 'B'],
    };
    const entry = {
      quantity: 1,
      orderId: null,
      expiresAtMs: 0,
      channel: 'web',
      allocations: [{ locationId: 'A', quantity: 1 }],
    };
    const plan = {
      counter: { avail: 3, ver: 1, locations: { A: 3 } },
      registry: [
        { ...entry, rid: 'hold:web.c1:0', kind: 'hold' as const, cartId: 'web.c1' },
        { ...entry, rid: 'ord:o:1', kind: 'order' as const, cartId: null, orderId: 'o' },
      ],
      precounted: [],
      republish: [],
    };
    const calls = [
      args.hydrate(sku, plan),
      args.hold(hold, 'hold:web.c1:0', now),
      args.releaseCart('web.c1', [{ sku, rid: 'hold:web.c1:0' }], now),
      args.expire([{ sku, rid: 'hold:web.c1:0', cartId: 'web.c1' }], now),
      args.reserve(
        {
          orderId: 'o',
          channel: 'web',
          cartId: 'web.c1',
          lines: [{ sku, quantity: 2, reservationId: 'ord:o:1' }],
        },
        [{ sku, rid: 'hold:web.c1:0' }],
        now,
      ),
    ];
    for (const call of calls) {
      const perSku = keysOf(call).filter((k) => !checkoutWide(k));
      expect(perSku.length).toBeGreaterThan(0);
      expect(new Set(perSku.map(keySlot))).toEqual(new Set([slot]));
    }
  });

  it('spreads a multi-SKU order over the slots of its SKUs (why cluster mode reserves per SKU, docs/pools.md)', () => {
    const call = args.reserve(
      {
        orderId: 'o',
        channel: 'web',
        lines: [
          { sku: 'A-1', quantity: 1, reservationId: 'ord:o:1' },
          { sku: 'B-2', quantity: 1, reservationId: 'ord:o:2' },
        ],
      },
      [],
      now,
    );
    const slots = new Set(
      keysOf(call)
        .filter((k) => !checkoutWide(k))
        .map(keySlot),
    );
    expect(slots).toEqual(new Set([keySlot(keys.stock('A-1')), keySlot(keys.stock('B-2'))]));
    expect(slots.size).toBe(2);
  });
});
