import './kafkajs-idle-timer-fix';

// The class the fix patches, driven the way kafkajs' Connection drives it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

const quietLogger = { debug: () => undefined, warn: () => undefined, error: () => undefined };

function queue(maxInFlightRequests?: number) {
  return new RequestQueue({
    maxInFlightRequests,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'spec',
    broker: 'localhost:9092',
    logger: quietLogger,
  });
}

let correlationId = 0;
function request() {
  const sent = jest.fn();
  const entry = {
    correlationId: ++correlationId,
    apiKey: 1,
    apiName: 'Fetch',
    apiVersion: 11,
    resolve: jest.fn(),
    reject: jest.fn(),
  };
  return { entry, sent, pushed: { entry, expectResponse: true, sendRequest: sent } };
}

/** The broker's (empty) response to `entry`, as the Connection hands it over. */
function answer(q: { fulfillRequest(r: object): void }, entry: { correlationId: number }) {
  q.fulfillRequest({ correlationId: entry.correlationId, payload: Buffer.alloc(0), size: 0 });
}

describe('kafkajs RequestQueue without the idle timer loop', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('leaves no timer behind once a request is answered and nothing waits', () => {
    const q = queue();
    const { entry, sent, pushed } = request();
    q.push(pushed);
    expect(sent).toHaveBeenCalledTimes(1);
    answer(q, entry);
    expect(entry.resolve).toHaveBeenCalledTimes(1);
    // kafkajs 2.2.4 as shipped leaves one here, re-armed every millisecond.
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by a throttle once the throttle ends', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 50;
    const { sent, pushed } = request();
    q.push(pushed);
    expect(sent).not.toHaveBeenCalled();
    jest.advanceTimersByTime(49);
    expect(sent).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(sent).toHaveBeenCalledTimes(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('still sends a request held back by the in-flight limit when one is answered', () => {
    const q = queue(1);
    const first = request();
    const second = request();
    q.push(first.pushed);
    q.push(second.pushed);
    expect(second.sent).not.toHaveBeenCalled();
    answer(q, first.entry);
    expect(second.sent).toHaveBeenCalledTimes(1);
    answer(q, second.entry);
    jest.advanceTimersByTime(100);
    expect(jest.getTimerCount()).toBe(0);
  });
});
