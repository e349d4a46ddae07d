import fc from 'fast-check';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('lets a burst of one second worth through, then refuses', () => {
    const bucket = new TokenBucket(5, 0);
    const taken = Array.from({ length: 8 }, () => bucket.tryTake(0));
    expect(taken.filter(Boolean)).toHaveLength(5);
    expect(bucket.tryTake(0)).toBe(false);
  });

  it('refills at the rate and names the time of the next token', () => {
    const bucket = new TokenBucket(4, 0);
    for (let i = 0; i < 4; i++) bucket.tryTake(0);
    expect(bucket.nextTokenAt(0)).toBe(250);
    expect(bucket.tryTake(249)).toBe(false);
    expect(bucket.tryTake(250)).toBe(true);
  });

  it('allows a fractional rate (one call every two seconds)', () => {
    const bucket = new TokenBucket(0.5, 0);
    expect(bucket.tryTake(0)).toBe(true);
    expect(bucket.tryTake(1999)).toBe(false);
    expect(bucket.tryTake(2000)).toBe(true);
  });

  it('never lets more than rate * seconds + one burst through, however calls are spread', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 300 }),
        (rate, gaps) => {
          const bucket = new TokenBucket(rate, 0);
          let now = 0;
          let taken = 0;
          for (const gap of gaps) {
            now += gap;
            if (bucket.tryTake(now)) taken++;
          }
          return taken <= Math.max(1, rate) + (rate * now) / 1000;
        },
      ),
    );
  });
});
