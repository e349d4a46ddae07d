import { NewOrder } from '@stockflow/persistence';
import { LogOnlyOrders } from './log-only-orders';

const order = (orderId: string): NewOrder => ({
  orderId,
  channel: 'web',
  cartId: null,
  paymentMethod: 'card',
  lines: [{ sku: 'SKU-1', quantity: 1 }],
});

describe('LogOnlyOrders', () => {
  it('answers an order it accepted until Postgres holds its row', () => {
    const book = new LogOnlyOrders();
    book.remember(order('a'));
    expect(book.find('a')).toEqual(order('a'));
    book.forget('a');
    expect(book.find('a')).toBeUndefined();
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const book = new LogOnlyOrders(2);
    book.remember(order('a'));
    book.remember(order('b'));
    book.remember(order('a')); // accepted again: now the newest
    book.remember(order('c'));
    expect(['a', 'b', 'c'].map((id) => book.find(id)?.orderId)).toEqual(['a', undefined, 'c']);
  });
});
