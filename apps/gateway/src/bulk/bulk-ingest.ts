import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { InventoryEvent, parseEvent } from '@stockflow/contracts';
import { BulkError, BulkJobRepository } from '@stockflow/persistence';
import { EventIngest } from '../events/event-ingest';

export const MAX_BULK_EVENTS = 100_000;
/** Events validated and produced per step; each step records progress (and heartbeats the job). */
const CHUNK = 1000;
/** A processing job without progress for this long belonged to a process that died. */
const STALE_SECONDS = 300;

/**
 * Background processing of POST /v1/events/bulk. Unlike POST /v1/events it is
 * not all-or-nothing: each valid event of the caller's channel is appended to
 * the log, each invalid one is counted as rejected with its field errors.
 */
@Injectable()
export class BulkIngest implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BulkIngest.name);
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly bulkJobs: BulkJobRepository,
    private readonly ingest: EventIngest,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const failed = await this.bulkJobs.failStale(STALE_SECONDS);
    if (failed > 0) this.logger.warn(`marked ${failed} interrupted bulk job(s) failed`);
  }

  /** SIGTERM: finish the chunk in flight, then mark the job failed (resubmitting is safe). */
  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running);
  }

  async submit(events: unknown[], channel: string): Promise<string> {
    const bulkId = randomUUID();
    await this.bulkJobs.create(bulkId, channel, events.length);
    const job = this.process(bulkId, events, channel).finally(() => this.running.delete(job));
    this.running.add(job);
    return bulkId;
  }

  private async process(bulkId: string, events: unknown[], channel: string): Promise<void> {
    try {
      for (let start = 0; start < events.length; start += CHUNK) {
        if (this.stopping) {
          await this.bulkJobs.finish(
            bulkId,
            'failed',
            `stopped at event ${start}: the gateway shut down; resubmit`,
          );
          return;
        }
        const { valid, errors, rejected } = validateChunk(
          events.slice(start, start + CHUNK),
          start,
          channel,
        );
        await this.ingest.publish(valid);
        await this.bulkJobs.recordProgress(bulkId, valid.length, errors, rejected);
      }
      await this.bulkJobs.finish(bulkId, 'completed');
    } catch (error) {
      this.logger.error(`bulk ${bulkId} failed: ${(error as Error).message}`);
      await this.bulkJobs.finish(bulkId, 'failed', (error as Error).message).catch(() => undefined);
    }
  }
}

function validateChunk(items: unknown[], offset: number, channel: string) {
  const valid: InventoryEvent[] = [];
  const errors: BulkError[] = [];
  let rejected = 0;
  items.forEach((item, i) => {
    const index = offset + i;
    const parsed = parseEvent(item);
    if (!parsed.ok) {
      rejected++;
      errors.push(...parsed.errors.map((e) => ({ index, ...e })));
    } else if (parsed.event.channel !== channel) {
      rejected++;
      errors.push({
        index,
        field: 'channel',
        messages: [`token of channel '${channel}' may not write channel '${parsed.event.channel}'`],
      });
    } else {
      valid.push(parsed.event);
    }
  });
  return { valid, errors, rejected };
}
