/**
 * maxWaitTimeInMs for consumers of topics that are quiet most of the time
 * (pool definitions, event results, stock levels followed by orders).
 *
 * With kafkajs' default minBytes of 1 the broker answers a fetch as soon as one
 * record arrives, so this wait adds no latency to a message: it only bounds how
 * often an idle consumer wakes up to send an empty fetch. At 100 ms, three such
 * consumers cost an idle service ~30 wake-ups a second, a visible share of its
 * CPU on a small box. It also bounds how long a stop or a seek waits for the
 * fetch in flight, so it stays at a second rather than kafkajs' 5 s default.
 */
export const QUIET_TOPIC_MAX_WAIT_MS = 1_000;
