import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TopicNames } from '@stockflow/contracts';
import { TOPICS } from '@stockflow/kafka';
import {
  ConsumerOffsetRepository,
  Queryable,
  SnapshotKey,
  withAdvisoryLock,
  SnapshotRepository,
} from '@stockflow/persistence';
import { gauge } from '@stockflow/runtime';
import { CompactionConfig } from '../compaction.config';
import { CompactionJob } from './compaction-job';

/** Arbitrary constant, unique among Stockflow's advisory locks: one snapshot taker at a time. */
export const SNAPSHOT_LOCK = 7_364_010;

const lastSnapshot = gauge({
  name: 'stockflow_compaction_last_snapshot_timestamp_seconds',
  help: 'When the newest snapshot of the projections was taken (unix time)',
});

/**
 * Takes a snapshot of the projections every SNAPSHOT_INTERVAL_SECONDS and keeps
 * the newest SNAPSHOT_KEEP. Exclusive across replicas through an advisory lock;
 * the "is one due?" check runs under the lock, so the replica that gets the lock
 * second sees the snapshot the first one just took and does nothing.
 */
@Injectable()
export class SnapshotJob implements CompactionJob {
  readonly name = 'snapshot';
  private readonly logger = new Logger(SnapshotJob.name);
  private readonly key: SnapshotKey;

  constructor(
    private readonly db: DataSource,
    private readonly config: CompactionConfig,
    @Inject(TOPICS) topics: TopicNames,
  ) {
    this.key = {
      groupId: config.KAFKA_TOPIC_PREFIX + config.LEDGER_GROUP_ID,
      topic: topics.events,
    };
  }

  async runOnce(): Promise<number> {
    const outcome = await withAdvisoryLock(this.db, SNAPSHOT_LOCK, async (session) => {
      if (!(await this.due(session))) return 0;
      const started = Date.now();
      const snapshots = new SnapshotRepository(session);
      const snapshot = await snapshots.capture(this.key);
      const pruned = await snapshots.prune(this.key, this.config.SNAPSHOT_KEEP);
      lastSnapshot.set(snapshot.takenAt.getTime() / 1000);
      const offsets = [...snapshot.offsets].map(([p, o]) => `${p}:${o}`).join(' ');
      this.logger.log(
        `snapshot ${snapshot.id} at offsets [${offsets}] in ${Date.now() - started} ms, pruned ${pruned}`,
      );
      return 1;
    });
    return outcome.acquired ? outcome.value : 0;
  }

  /** Due when none exists, or the newest is older than the interval and the ledger has moved since. */
  private async due(db: Queryable): Promise<boolean> {
    const snapshots = new SnapshotRepository(db);
    const latest = await snapshots.latest(this.key);
    if (!latest) return true;
    if (latest.ageSeconds < this.config.SNAPSHOT_INTERVAL_SECONDS) return false;
    const now = await new ConsumerOffsetRepository(db).nextOffsets(
      this.key.groupId,
      this.key.topic,
    );
    return (
      now.size !== latest.offsets.size || [...now].some(([p, o]) => latest.offsets.get(p) !== o)
    );
  }
}
