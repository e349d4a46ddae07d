/**
 * kafkajs 2.2.4 keeps a 1 ms timer spinning on every broker connection, forever,
 * once the connection has answered its first request (tulios/kafkajs#1556,
 * #1604, #1704, unfixed upstream): `RequestQueue.scheduleCheckPendingRequests`
 * schedules the next check even when nothing is pending and nothing throttles,
 * with a negative delay (`throttledUntil` is -1), and that check schedules the
 * next. Measured on an idle gateway: 1,547 event-loop wake-ups a second (250
 * with this fix), 70–90 ms of CPU per second in each service before any
 * message moved (36–55 with it).
 *
 * This replaces the method on kafkajs' own class (every connection of every
 * client in the process uses it) with the same logic minus the loop: with
 * nothing pending and no throttle there is nothing to check. A request that has
 * to wait is pushed to `pending`, which schedules a check again; one that
 * completes or times out checks the queue itself. Imported by kafka-client.ts,
 * so it is in place before any client of this library is made.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

/** kafkajs' own interval for re-checking a queue that waits on in-flight requests. */
const CHECK_PENDING_REQUESTS_INTERVAL_MS = 10;

// kafkajs ships no types for its internals; the module exports the class itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as {
  prototype: RequestQueueInternals;
};

if (typeof RequestQueue.prototype.scheduleCheckPendingRequests !== 'function') {
  // A kafkajs upgrade moved it: fail loudly rather than silently keep the spin.
  throw new Error(
    'kafkajs RequestQueue.scheduleCheckPendingRequests is gone: revisit kafkajs-idle-timer-fix.ts',
  );
}

RequestQueue.prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
  if (this.throttleCheckTimeoutId) return;
  const untilUnthrottled = this.throttledUntil - Date.now();
  if (this.pending.length === 0 && untilUnthrottled <= 0) return;
  const delay = untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_INTERVAL_MS;
  this.throttleCheckTimeoutId = setTimeout(() => {
    this.throttleCheckTimeoutId = null;
    this.checkPendingRequests();
  }, delay);
};

export {};
