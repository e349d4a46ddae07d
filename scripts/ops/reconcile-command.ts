import { BaseEnv, WithDatabase, WithRedis, loadConfig } from '@stockflow/config';
import { SKU_PATTERN } from '@stockflow/contracts';
import { connectDatabase } from '@stockflow/persistence';
import { RedisStock, createFailClosedRedis, reconcileSku } from '@stockflow/reservations';
import { EXIT, UsageError, parseArgs } from './cli-args';

export const RECONCILE_USAGE = `ops reconcile <sku>
  Compares the SKU's Redis counter with the ledger (as the compaction job does) and rebuilds
  it when they differ. Prints in_sync, repaired, hydrated or inconclusive (traffic in flight:
  try again); exit 0, or 75 (EX_TEMPFAIL) for inconclusive. DATABASE_URL, REDIS_URL, REDIS_KEY_PREFIX.`;

class ReconcileConfig extends WithRedis(WithDatabase(BaseEnv)) {}

export async function reconcileCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {});
  const [sku, extra] = args.positional;
  if (!sku) throw new UsageError('reconcile needs a sku');
  if (extra) throw new UsageError(`unexpected argument ${extra}`);
  if (!SKU_PATTERN.test(sku)) throw new UsageError(`sku must match ${SKU_PATTERN.source}`);
  const config = loadConfig(ReconcileConfig);
  const db = await connectDatabase({
    url: config.DATABASE_URL,
    poolSize: 2,
    applicationName: 'stockflow-ops',
    preparedStatements: config.DATABASE_PREPARED_STATEMENTS,
  });
  const redis = createFailClosedRedis(config.REDIS_URL);
  try {
    await redis.connect();
    const outcome = await reconcileSku(
      { stock: new RedisStock(redis, config.REDIS_KEY_PREFIX), db },
      sku,
    );
    const counter = await new RedisStock(redis, config.REDIS_KEY_PREFIX).counter(sku);
    console.log(
      `${sku}: ${outcome}${counter ? ` (counter available=${counter.avail} version=${counter.ver})` : ''}`,
    );
    return outcome === 'inconclusive' ? EXIT.tempFail : EXIT.ok;
  } finally {
    redis.disconnect();
    await db.destroy();
  }
}
