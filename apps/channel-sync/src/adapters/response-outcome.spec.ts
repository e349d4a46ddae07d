import { responseOutcome, transportFailure } from './response-outcome';

const now = Date.parse('2026-01-01T00:00:00Z');

describe('responseOutcome', () => {
  it('treats every 2xx as delivered', () => {
    for (const status of [200, 201, 202, 204])
      expect(responseOutcome(status, undefined, '', now)).toEqual({ ok: true, status });
  });

  it('retries 429 and 503 honouring Retry-After', () => {
    expect(responseOutcome(429, '3', 'slow down', now)).toEqual({
      ok: false,
      retryable: true,
      status: 429,
      reason: 'channel answered 429: slow down',
      retryAfterMs: 3000,
    });
    expect(responseOutcome(503, 'Thu, 01 Jan 2026 00:00:02 GMT', '', now)).toMatchObject({
      retryable: true,
      retryAfterMs: 2000,
    });
  });

  it('retries 429 without Retry-After with backoff (no retryAfterMs)', () => {
    expect(responseOutcome(429, undefined, '', now)).not.toHaveProperty('retryAfterMs');
  });

  it('retries server errors and timeouts, without honouring Retry-After on a 500', () => {
    for (const status of [408, 500, 502, 504, 599])
      expect(responseOutcome(status, '9', '', now)).toMatchObject({ ok: false, retryable: true });
    expect(responseOutcome(500, '9', '', now)).not.toHaveProperty('retryAfterMs');
  });

  it('does not retry a refusal of the update itself, and says why', () => {
    for (const status of [400, 401, 403, 404, 422, 501])
      expect(responseOutcome(status, undefined, '', now)).toMatchObject({ retryable: false });
    expect(responseOutcome(422, undefined, '{"errors":\n "unknown item"}', now)).toMatchObject({
      reason: 'channel answered 422: {"errors": "unknown item"}',
    });
  });
});

describe('transportFailure', () => {
  it('is retryable and names the error code', () => {
    expect(
      transportFailure(
        Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
      ),
    ).toEqual({
      ok: false,
      retryable: true,
      reason: 'no answer: ECONNREFUSED connect ECONNREFUSED 127.0.0.1:9',
    });
  });
});
