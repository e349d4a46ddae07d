import { ForbiddenException, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { InventoryEvent, REPLY_TO_HEADER, TopicNames, parseEvents } from '@stockflow/contracts';
import { BatchingPublisher, InjectTopics } from '@stockflow/kafka';
import { validationFailed } from '@stockflow/service-kit';
import { GatewayConfig } from '../gateway.config';
import { Durability, StallBuffer } from './stall-buffer';

export const MAX_EVENTS_PER_REQUEST = 1000;

/** Validates events from one channel and appends them to the log (key = sku). */
@Injectable()
export class EventIngest {
  private readonly stallBuffer: StallBuffer;

  constructor(
    private readonly publisher: BatchingPublisher,
    @InjectTopics() private readonly topics: TopicNames,
    config: GatewayConfig,
  ) {
    this.stallBuffer = new StallBuffer(
      publisher,
      config.EVENTS_ACK_WAIT_MS,
      config.EVENTS_STALL_BUFFER_BYTES,
    );
  }

  /**
   * All-or-nothing: every event is validated and channel-checked before any is
   * produced, so a 400/403 changes nothing. Resolves once Kafka acknowledged
   * every message (idempotent producer, acks=all), or, when the broker stalls,
   * once they are held in the stall buffer (durability `buffered`, docs/faults.md).
   */
  async ingest(
    body: unknown,
    channel: string,
    replyTo?: string,
  ): Promise<{ events: InventoryEvent[]; durability: Durability }> {
    const items = Array.isArray(body) ? body : [body];
    if (items.length > MAX_EVENTS_PER_REQUEST) {
      throw new PayloadTooLargeException(
        `at most ${MAX_EVENTS_PER_REQUEST} events per request (got ${items.length}); use POST /v1/events/bulk`,
      );
    }
    if (items.length === 0)
      throw validationFailed([{ field: '(body)', messages: ['no events given'] }]);
    const parsed = parseEvents(items);
    if (!parsed.ok) {
      throw validationFailed(
        Array.isArray(body)
          ? parsed.errors
          : parsed.errors.map((e) => ({
              ...e,
              field: e.field.replace(/^\[0\]\.?/, '') || '(body)',
            })),
      );
    }
    assertOwnChannel(parsed.events, channel);
    const durability = await this.stallBuffer.publish(
      this.topics.events,
      messagesOf(parsed.events, replyTo),
    );
    return { events: parsed.events, durability };
  }

  /**
   * The eventIds a waiting request will be answered for, as the ledger will
   * spell them (lowercase); the body is validated again by ingest().
   */
  eventIdsOf(body: unknown): string[] {
    const items = Array.isArray(body) ? body : [body];
    return items.map((item) =>
      String((item as { eventId?: unknown } | null)?.eventId ?? '').toLowerCase(),
    );
  }

  /** `replyTo` (a waiting gateway instance) asks the ledger for each event's outcome (REPLY_TO_HEADER). */
  publish(events: InventoryEvent[], replyTo?: string): Promise<void> {
    return this.publisher.publish(this.topics.events, messagesOf(events, replyTo));
  }
}

function messagesOf(events: InventoryEvent[], replyTo?: string) {
  const headers = replyTo === undefined ? undefined : { [REPLY_TO_HEADER]: replyTo };
  return events.map((e) => ({ key: e.sku, value: JSON.stringify(e), headers }));
}

export function assertOwnChannel(events: InventoryEvent[], channel: string): void {
  const foreign = events.filter((e) => e.channel !== channel);
  if (foreign.length > 0) {
    throw new ForbiddenException(
      `token of channel '${channel}' may not write events of channel(s) ${[...new Set(foreign.map((e) => `'${e.channel}'`))].join(', ')}`,
    );
  }
}
