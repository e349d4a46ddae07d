import { KafkaMessage, Message } from '@stockflow/kafka';
import { EventResultMessage, REPLY_TO_HEADER, decodeLogMessage } from '@stockflow/contracts';
import { FoldedPartitionBatch } from '@stockflow/persistence';

/**
 * One result per message of the batch that asked for one (REPLY_TO_HEADER) and
 * that this batch decided (not one the stored offset already covered: its
 * result went out with the batch that decided it). Applied when the journal
 * entry came from this very message; refused when this message was rejected;
 * otherwise its eventId was applied before: duplicate.
 */
export function eventResultMessages(
  messages: KafkaMessage[],
  folded: FoldedPartitionBatch<KafkaMessage>,
): Message[] {
  const asking = messages
    .slice(folded.skipped)
    .filter((m) => m.headers?.[REPLY_TO_HEADER] !== undefined);
  if (asking.length === 0) return [];
  const rejected = new Map(folded.rejected.map((r) => [r.message, r]));
  const entries = new Map(folded.result.entries.map((e) => [e.eventId, e]));
  return asking.map((message) => {
    const replyTo = message.headers![REPLY_TO_HEADER]!.toString();
    const decoded = decodeLogMessage(message);
    const eventId = decoded.ok ? decoded.event.eventId : readEventId(message);
    const sku = decoded.ok ? decoded.event.sku : undefined;
    const refusal = rejected.get(message);
    const entry = entries.get(eventId);
    let result: EventResultMessage;
    if (refusal) {
      const current = (refusal.details as { current?: number } | undefined)?.current;
      result = {
        replyTo,
        eventId,
        sku,
        outcome: 'refused',
        code: refusal.code,
        reason: refusal.reason,
        current,
      };
    } else if (entry && folded.sources.get(eventId)?.position.offset === message.offset) {
      result = {
        replyTo,
        eventId,
        sku,
        outcome: 'applied',
        version: entry.version,
        onHandDelta: entry.onHandDelta,
        availableDelta: entry.availableDelta,
      };
    } else {
      result = { replyTo, eventId, sku, outcome: 'duplicate' };
    }
    return { key: replyTo, value: JSON.stringify(result) };
  });
}

/** The eventId of a message that did not decode, if its JSON has one (a poison event can still be answered). */
function readEventId(message: KafkaMessage): string {
  try {
    const id = JSON.parse(message.value?.toString() ?? '').eventId;
    return typeof id === 'string' ? id.toLowerCase() : '';
  } catch {
    return '';
  }
}
