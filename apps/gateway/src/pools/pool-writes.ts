import { randomUUID } from 'node:crypto';
import {
  ConflictException,
  GatewayTimeoutException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { PoolDefinition, PoolEvent, PoolLocation, TopicNames } from '@stockflow/contracts';
import { BatchingPublisher, InjectTopics, PoolFeed } from '@stockflow/kafka';

/** How long a PUT or DELETE waits for its own event to come back from the log. */
const DECIDE_TIMEOUT_MS = 10_000;

/**
 * Pool changes are events on inventory.pools; the answer to a PUT or DELETE is
 * what the fold decided when this gateway read its event back from the log, so
 * two gateways accepting conflicting definitions at once still give one answer
 * each that every service agrees with (the second one is refused: 409).
 */
@Injectable()
export class PoolWrites {
  constructor(
    private readonly publisher: BatchingPublisher,
    private readonly feed: PoolFeed,
    @InjectTopics() private readonly topics: TopicNames,
  ) {}

  async define(
    poolId: string,
    locations: PoolLocation[],
    channels: string[],
  ): Promise<PoolDefinition> {
    // Checked before producing as well, so a refused request leaves nothing in the log.
    const owners = channels
      .map((channel) => [channel, this.feed.current().channelPools.get(channel)] as const)
      .filter(([, owner]) => owner !== undefined && owner !== poolId);
    if (owners.length > 0) {
      throw new ConflictException(
        `channels already sell from another pool: ${owners.map(([c, p]) => `${c} (pool ${p})`).join(', ')}`,
      );
    }
    const outcome = await this.decide({ ...envelope('PoolDefined', poolId), locations, channels });
    if (!outcome.applied) throw new ConflictException(outcome.reason);
    return outcome.pool!;
  }

  async remove(poolId: string): Promise<void> {
    if (!this.feed.pool(poolId)) throw new NotFoundException(`unknown pool ${poolId}`);
    const outcome = await this.decide(envelope('PoolDeleted', poolId) as PoolEvent);
    if (!outcome.applied) throw new NotFoundException(outcome.reason);
  }

  private async decide(event: PoolEvent) {
    const outcome = this.feed.outcomeOf(event.eventId, DECIDE_TIMEOUT_MS);
    await this.publisher.publish(this.topics.pools, [
      { key: event.poolId, value: JSON.stringify(event) },
    ]);
    const decided = await outcome;
    if (!decided) {
      throw new GatewayTimeoutException(
        `pool event ${event.eventId} is in the log but was not read back within ${DECIDE_TIMEOUT_MS} ms; GET the pool to see its state`,
      );
    }
    return decided;
  }
}

function envelope<T extends PoolEvent['type']>(type: T, poolId: string) {
  return {
    eventId: randomUUID(),
    type,
    poolId,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1 as const,
  };
}
