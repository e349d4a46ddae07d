import fc from 'fast-check';
import { MAX_RETRY_AFTER_MS, backoffDelay, parseRetryAfter } from './retry-policy';

const policy = { maxAttempts: 10, baseDelayMs: 100, maxDelayMs: 5_000 };

describe('backoffDelay', () => {
  it('doubles with every failure: the fixed half of each step is 50, 100, 200, 400 ms', () => {
    const fixed = [1, 2, 3, 4].map((n) => backoffDelay(n, policy, () => 0));
    expect(fixed).toEqual([50, 100, 200, 400]);
  });

  it('adds up to as much again as jitter', () => {
    expect(backoffDelay(3, policy, () => 1)).toBe(400);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
  });

  it('stays between half the capped step and the cap, whatever the failure count and random draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, r) => {
          const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failures - 1));
          const delay = backoffDelay(failures, policy, () => r);
          return delay >= Math.floor(step / 2) && delay <= policy.maxDelayMs;
        },
      ),
    );
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');

  it('reads delay-seconds', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:59:00 GMT', now)).toBe(0);
  });

  it('is undefined when absent or unreadable, so the caller backs off instead', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
  });

  it('caps absurd delays', () => {
    expect(parseRetryAfter('999999', now)).toBe(MAX_RETRY_AFTER_MS);
  });
});
