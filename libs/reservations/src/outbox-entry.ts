import type { TraceCarrier } from '@stockflow/tracing';

/** One outbox entry as the relay produces it: the event JSON, keyed by sku, with the trace it continues. */
export interface OutboxEntry {
  sku: string;
  /** The event as inventory.events carries it. */
  value: string;
  /** The W3C trace headers of the request that caused the event; absent for untraced entries. */
  trace?: TraceCarrier;
}

/**
 * Reads an outbox entry in either of its two forms (push_event in
 * lua/common.lua.ts): the bare event JSON, as every entry was written before
 * trace contexts were kept and as reconciliation and hydration still append
 * them, or `{"trace":{traceparent,...},"event":{...}}`. An event always has a
 * `type` and never a top-level `event`, so the two cannot be confused.
 */
export function decodeOutboxEntry(raw: string): OutboxEntry {
  const parsed = JSON.parse(raw) as { sku: string; event?: { sku: string }; trace?: unknown };
  if (parsed.event === undefined) return { sku: parsed.sku, value: raw };
  return {
    sku: parsed.event.sku,
    value: JSON.stringify(parsed.event),
    trace: traceCarrier(parsed.trace),
  };
}

/** Only string headers with a traceparent count: anything else is relayed untraced rather than refused. */
function traceCarrier(trace: unknown): TraceCarrier | undefined {
  if (typeof trace !== 'object' || trace === null) return undefined;
  const carrier = Object.fromEntries(
    Object.entries(trace).filter(([, v]) => typeof v === 'string'),
  ) as TraceCarrier;
  return carrier.traceparent ? carrier : undefined;
}
