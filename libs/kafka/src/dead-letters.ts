import { KafkaMessage, Message } from 'kafkajs';
import { DeadLetter } from '@stockflow/contracts';

export interface DeadLetterSource {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/** The DLQ record of a message that could not be applied; keeps the original bytes. */
export function deadLetterRecord(
  source: DeadLetterSource,
  code: string,
  reason: string,
  details?: unknown,
): DeadLetter {
  return {
    reason,
    code,
    sourceTopic: source.topic,
    partition: source.partition,
    offset: source.message.offset,
    key: source.message.key?.toString() ?? null,
    originalValue: (source.message.value ?? Buffer.alloc(0)).toString('base64'),
    failedAt: new Date().toISOString(),
    details,
  };
}

/** Builds the DLQ message for a message that could not be applied; keeps the original bytes. */
export function deadLetter(
  source: DeadLetterSource,
  code: string,
  reason: string,
  details?: unknown,
): Message {
  return {
    key: source.message.key,
    value: JSON.stringify(deadLetterRecord(source, code, reason, details)),
    headers: { 'x-dlq-code': code, 'x-source-offset': source.message.offset },
  };
}
