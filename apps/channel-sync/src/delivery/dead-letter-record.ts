import { ChannelDeadLetter } from '@stockflow/contracts';
import { QueuedUpdate } from './queued-update';

export interface DeliveryFailure {
  code: 'rejected' | 'retries_exhausted';
  reason: string;
  attempts: number;
}

/** The channel-sync.dlq record of an update a channel did not take. */
export function deliveryDeadLetter(
  channel: string,
  update: QueuedUpdate,
  failure: DeliveryFailure,
  payload: unknown,
  now: Date,
): ChannelDeadLetter {
  const { source, changedAt, ...stockUpdate } = update;
  void changedAt;
  return {
    channel,
    sku: update.sku,
    code: failure.code,
    reason: failure.reason,
    attempts: failure.attempts,
    update: stockUpdate,
    payload,
    sourceTopic: source?.topic ?? '',
    partition: source?.partition ?? -1,
    offset: source?.offset ?? '-1',
    key: source?.key ?? update.sku,
    originalValue: source?.value?.toString('base64') ?? '',
    failedAt: now.toISOString(),
  };
}
