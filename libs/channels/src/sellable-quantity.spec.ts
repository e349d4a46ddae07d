import { sellableQuantity } from './sellable-quantity';

describe('sellableQuantity', () => {
  const channel = { safetyStock: 2, skuSafetyStock: { 'SKU-HOT': 10, 'SKU-NONE': 0 } };

  it('is available minus the channel default safety stock', () => {
    expect(sellableQuantity(12, 'SKU-1', channel)).toBe(10);
  });

  it('uses the per-SKU override instead of the default, including an override of 0', () => {
    expect(sellableQuantity(12, 'SKU-HOT', channel)).toBe(2);
    expect(sellableQuantity(12, 'SKU-NONE', channel)).toBe(12);
  });

  it('never goes below zero, even when available is negative', () => {
    expect(sellableQuantity(1, 'SKU-1', channel)).toBe(0);
    expect(sellableQuantity(2, 'SKU-1', channel)).toBe(0);
    expect(sellableQuantity(-5, 'SKU-1', channel)).toBe(0);
  });

  it('passes available through when the channel keeps no safety stock', () => {
    expect(sellableQuantity(7, 'SKU-1', { safetyStock: 0 })).toBe(7);
  });
});
