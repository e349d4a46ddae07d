import { SpanKind, contextOf, inSpan, markFailed, tracingEnabled } from '@stockflow/tracing';
import { DeliveryOutcome } from '../adapters/channel-adapter';
import { QueuedUpdate } from './queued-update';

/**
 * A CLIENT span around one call to a channel, continuing the trace of the
 * ledger fold that produced the update (so one trace runs from the ingest
 * request to the channel). A failed call (outcomes are values, not throws) is
 * marked failed with its reason; retries are separate spans of the same trace.
 */
export function traceDelivery(
  channel: string,
  update: QueuedUpdate,
  send: () => Promise<DeliveryOutcome>,
): Promise<DeliveryOutcome> {
  if (!tracingEnabled()) return send();
  const attributes = {
    'stockflow.channel': channel,
    'stockflow.sku': update.sku,
    'stockflow.version': update.version,
  };
  return inSpan(
    'channel-sync deliver',
    { parent: contextOf(update.trace), kind: SpanKind.CLIENT, attributes },
    async (span) => {
      const outcome = await send();
      if (outcome.status !== undefined)
        span.setAttribute('http.response.status_code', outcome.status);
      if (!outcome.ok) markFailed(span, new Error(outcome.reason));
      return outcome;
    },
  );
}
