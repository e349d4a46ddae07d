import { Logger } from '@nestjs/common';
import { BatchingPublisher, Message } from '@stockflow/kafka';
import { counter, gauge } from '@stockflow/runtime';

const bufferedBytes = gauge({
  name: 'stockflow_gateway_stall_buffer_bytes',
  help: 'Bytes of accepted events held in memory because the broker had not acknowledged them in time',
});
const bufferedRequests = counter({
  name: 'stockflow_gateway_stall_buffered_total',
  help: 'POST /v1/events answered 202 from the stall buffer (before the broker acknowledged)',
});

export type Durability = 'log' | 'buffered';

/**
 * Rides out a short broker stall (docs/faults.md). A publish the broker has
 * not acknowledged within `ackWaitMs` is answered anyway, its messages held in
 * this process's memory, as long as that memory stays under `maxBytes`; the
 * send goes on and, if the producer gives up, is sent again until the broker
 * takes it. What that means: an event answered `buffered` is in no log yet. If
 * this process dies before the broker comes back, it is lost (a second fault in
 * the same window); a single fault loses nothing. Over `maxBytes` the caller
 * waits for the broker as before the buffer existed.
 */
export class StallBuffer {
  private readonly logger = new Logger(StallBuffer.name);
  private held = 0;

  constructor(
    private readonly publisher: BatchingPublisher,
    private readonly ackWaitMs: number,
    private readonly maxBytes: number,
    private readonly retryDelayMs = 1000,
  ) {}

  get heldBytes(): number {
    return this.held;
  }

  async publish(topic: string, messages: Message[]): Promise<Durability> {
    const sent = this.publisher.publish(topic, messages);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>(
      (resolve) => (timer = setTimeout(() => resolve('late'), this.ackWaitMs)),
    );
    try {
      if ((await Promise.race([sent, late])) !== 'late') return 'log';
    } finally {
      clearTimeout(timer);
    }
    const bytes = messages.reduce((t, m) => t + sizeOf(m.value) + sizeOf(m.key), 0);
    if (this.held + bytes > this.maxBytes) {
      await sent; // full: the caller waits for the broker (or its error)
      return 'log';
    }
    this.held += bytes;
    bufferedBytes.set(this.held);
    bufferedRequests.inc();
    void this.untilSent(sent, topic, messages).finally(() => {
      this.held -= bytes;
      bufferedBytes.set(this.held);
    });
    return 'buffered';
  }

  /** Answered already: the messages must reach the log, however long the broker takes. */
  private async untilSent(first: Promise<void>, topic: string, messages: Message[]): Promise<void> {
    let attempt: Promise<void> = first;
    for (;;) {
      try {
        await attempt;
        return;
      } catch (error) {
        this.logger.error(
          `${messages.length} buffered event(s) not sent yet (${(error as Error).message}); retrying`,
        );
        await new Promise((r) => setTimeout(r, this.retryDelayMs));
        attempt = this.publisher.publish(topic, messages);
      }
    }
  }
}

function sizeOf(value: Message['value'] | Message['key']): number {
  if (value === null || value === undefined) return 0;
  return typeof value === 'string' ? Buffer.byteLength(value) : value.length;
}
