import { decodeQueuedOrder } from './queued-order';

describe('decodeQueuedOrder', () => {
  it('reads an order message', () => {
    const order = {
      orderId: 'o-1',
      channel: 'web',
      cartId: null,
      lines: [{ sku: 'A', quantity: 2 }],
    };
    expect(decodeQueuedOrder(Buffer.from(JSON.stringify(order)))).toEqual(order);
  });

  it.each([
    ['not JSON', 'nope', /not JSON/],
    [
      'no lines',
      JSON.stringify({ orderId: 'o', channel: 'web', cartId: null, lines: [] }),
      /not an order/,
    ],
    [
      'a fractional quantity',
      JSON.stringify({
        orderId: 'o',
        channel: 'web',
        cartId: null,
        lines: [{ sku: 'A', quantity: 1.5 }],
      }),
      /not an order/,
    ],
    ['null', 'null', /not an order/],
  ])('reports %s as a poison message', (_, value, reason) => {
    expect(decodeQueuedOrder(Buffer.from(value))).toMatch(reason);
  });
});
