/** Consumers off the delivery path fetch bigger, rarer batches (see channelSubscription for the fast path). */
export const OFF_THE_DELIVERY_PATH = { minBytes: 64 * 1024, maxWaitTimeInMs: 200 };
