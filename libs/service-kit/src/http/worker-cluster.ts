import cluster, { Worker } from 'node:cluster';
import { Logger } from '@nestjs/common';

/** A worker that died is replaced after this long (a crash loop must not burn the CPU). */
const REFORK_DELAY_MS = 500;

/**
 * Runs `workers` copies of this process sharing one listening port (Node's
 * `cluster`: the primary accepts connections and hands them round robin to
 * the workers). A worker that dies, even by SIGKILL, leaves the port served
 * by the others while the primary forks its replacement, so clients see no
 * refused connection. The primary runs no request and holds no state: like
 * the supervisor, it is not a service process (docs/faults.md).
 *
 * Returns true in the primary (which has started the workers and must do
 * nothing else), false in a worker or when `workers` is 1 (then the caller
 * is the service itself).
 */
export function startWorkerCluster(name: string, workers: number): boolean {
  if (workers <= 1 || !cluster.isPrimary) return false;
  const logger = new Logger(`${name}-cluster`);
  let stopping = false;
  let exitCode = 0;
  const fork = () => {
    const worker = cluster.fork();
    logger.log(`worker ${worker.id} started (pid ${worker.process.pid})`);
  };
  cluster.on('exit', (worker: Worker, code, signal) => {
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
      return;
    }
    logger.warn(
      `worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); replacing it`,
    );
    setTimeout(() => !stopping && fork(), REFORK_DELAY_MS);
  });
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      stopping = true;
      logger.log(`${signal}: stopping ${Object.keys(cluster.workers ?? {}).length} worker(s)`);
      const alive = Object.values(cluster.workers ?? {});
      if (alive.length === 0) process.exit(0);
      // Each worker drains like a single process would (startHttpService's shutdown).
      for (const worker of alive) worker?.process.kill('SIGTERM');
    });
  }
  for (let i = 0; i < workers; i++) fork();
  return true;
}
