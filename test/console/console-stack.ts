import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Behaviour,
  ChannelReceiver,
  ServiceProcess,
  TestStack,
  createTestStack,
  healthy,
  startService,
} from '@stockflow/testing';

/** Answers every delivery with a 500 until the test switches it to healthy. */
export const refusing: Behaviour = () => ({ status: 500, body: '{"error":"maintenance"}' });

export interface ConsoleStack {
  stack: TestStack;
  gateway: ServiceProcess;
  /** The `web` channel's endpoint: refusing at first, so its updates dead-letter. */
  web: ChannelReceiver;
  heal(): void;
  close(): Promise<void>;
}

/**
 * Every service as a real process on the test's slice of Kafka, Postgres and
 * Redis, the gateway knowing all their URLs (its Services section probes them).
 * One channel, `web`, whose deliveries fail fast (3 attempts) into its DLQ.
 */
/** Readiness wait per service: generous, since the shared 2-core machine can be loaded far beyond its cores. */
const READY = { readyTimeoutMs: 240_000 };

export async function startConsoleStack(): Promise<ConsoleStack> {
  const stack = await createTestStack('console');
  const web = await ChannelReceiver.start({ secret: 'web-secret', behaviour: refusing });
  const dir = mkdtempSync(join(tmpdir(), 'console-e2e-'));
  const channelsFile = join(dir, 'channels.json');
  const channel = {
    name: 'web',
    adapter: 'webhook',
    endpoint: `${web.url}/hooks/stock`,
    secret: 'web-secret',
    safetyStock: 0,
  };
  writeFileSync(
    channelsFile,
    JSON.stringify([{ ...channel, retryBaseMs: 50, retryMaxMs: 100, maxAttempts: 3 }]),
  );
  const started = await Promise.allSettled([
    startService('ledger', stack.env, READY),
    startService('orders', stack.env, READY),
    startService(
      'channel-sync',
      { ...stack.env, CHANNELS_FILE: channelsFile, CHANNEL_COMMIT_INTERVAL_MS: '200' },
      READY,
    ),
    startService('compaction', stack.env, READY),
  ]);
  const up = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const failed = started.find((s) => s.status === 'rejected');
  // One service that never got ready must not leave the others running after the suite.
  const abandon = async (error: unknown): Promise<never> => {
    await Promise.all(up.map((s) => s.stop()));
    await web.close();
    await stack.teardown();
    throw error;
  };
  if (failed) return abandon(failed.reason);
  const [ledger, orders, channelSync, compaction] = up;
  const gateway = await startService(
    'gateway',
    {
      ...stack.env,
      LEDGER_URL: ledger.url,
      ORDERS_URL: orders.url,
      CHANNEL_SYNC_URL: channelSync.url,
      COMPACTION_URL: compaction.url,
    },
    READY,
  ).catch(abandon);
  const services = [gateway, compaction, channelSync, orders, ledger];
  return {
    stack,
    gateway,
    web,
    heal: () => (web.behaviour = healthy),
    close: async () => {
      await Promise.all(services.map((s) => s.stop()));
      await web.close();
      await stack.teardown();
    },
  };
}
