import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BaseEnv } from '@stockflow/config';
import { topicNames } from '@stockflow/contracts';
import { contractTopicConfigs } from '@stockflow/kafka';
import { ChannelSyncConfig } from '../../apps/channel-sync/src/channel-sync.config';
import { LedgerConfig } from '../../apps/ledger/src/ledger.config';
import { OrdersConfig } from '../../apps/orders/src/orders.config';
import { orderTopicConfigs, orderTopics } from '../../apps/orders/src/orders/order-topics';

// What the services themselves say, so the manifests are checked against the
// code they deploy rather than against a second copy of the same numbers.

const ROOT = join(__dirname, '..', '..');

export interface TopicFacts {
  partitions: number;
  compacted: boolean;
}

/** Every topic a service creates at startup when it is missing, with its partitions and cleanup policy. */
export function serviceTopics(): Map<string, TopicFacts> {
  const configs = [
    ...contractTopicConfigs(topicNames('')),
    ...orderTopicConfigs(orderTopics(''), new OrdersConfig().ORDERS_PARTITIONS),
  ];
  return new Map(
    configs.map((c) => [
      c.topic,
      {
        partitions: c.numPartitions ?? 1,
        compacted: (c.configEntries ?? []).some(
          (e) => e.name === 'cleanup.policy' && e.value.includes('compact'),
        ),
      },
    ]),
  );
}

export interface ConsumerFacts {
  /** Groups it joins; `prefix` covers the ones named at run time (one per channel). */
  exact: string[];
  prefix?: string;
  /** Topics it reads (its consumers in apps/<service>/src/consumers). */
  reads: string[];
}

/** The consumer groups and topics of each consuming service (production runs without KAFKA_TOPIC_PREFIX). */
export function consumers(): Record<string, ConsumerFacts> {
  const topics = topicNames('');
  const ledger = new LedgerConfig().LEDGER_GROUP_ID;
  const orders = new OrdersConfig().ORDERS_GROUP_ID;
  const channelSync = new ChannelSyncConfig().CHANNEL_SYNC_GROUP_ID;
  return {
    ledger: { exact: [ledger, `${ledger}-pools`], reads: [topics.events, topics.pools] },
    orders: {
      exact: [orders, `${orders}-stock-levels`],
      reads: [orderTopics('').received, topics.stockLevels],
    },
    // One group per channel, plus .input and .dlq-index.
    'channel-sync': {
      exact: [`${channelSync}.input`, `${channelSync}.dlq-index`],
      prefix: `${channelSync}.`,
      reads: [topics.stockLevels, topics.channelSyncDlq],
    },
  };
}

/** SHUTDOWN_TIMEOUT_SECONDS when nothing sets it (libs/config). */
export const DEFAULT_SHUTDOWN_SECONDS = new BaseEnv().SHUTDOWN_TIMEOUT_SECONDS;

/** Names of the Prometheus metrics the services register (`name: 'stockflow_...'` in apps/ and libs/). */
export function definedMetrics(): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(join(ROOT, 'apps')).concat(sourceFiles(join(ROOT, 'libs')))) {
    for (const match of readFileSync(file, 'utf8').matchAll(
      /name:\s*['"`](stockflow_[a-z0-9_]+)['"`]/g,
    ))
      names.add(match[1]);
  }
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}
