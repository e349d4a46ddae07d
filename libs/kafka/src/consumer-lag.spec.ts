import { partitionLag } from './consumer-lag';

describe('partitionLag', () => {
  it('is the distance from the committed offset to the log end', () => {
    expect(partitionLag(7, { low: 0, high: 10 })).toBe(3);
    expect(partitionLag(10, { low: 0, high: 10 })).toBe(0);
  });

  it('counts the whole retained log for a partition with no committed offset', () => {
    expect(partitionLag(-1, { low: 4, high: 10 })).toBe(6);
  });

  it('counts from the earliest retained offset when retention passed the commit', () => {
    expect(partitionLag(2, { low: 5, high: 10 })).toBe(5);
  });
});
