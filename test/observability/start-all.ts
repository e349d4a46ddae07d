import { ServiceProcess } from '@stockflow/testing';

/**
 * Starts services in parallel; when one fails to become ready, stops the ones
 * that did before rethrowing, so a slow broker never leaves processes behind.
 */
export async function startAll(starts: Promise<ServiceProcess>[]): Promise<ServiceProcess[]> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const started = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  if (failed) {
    await Promise.all(started.map((s) => s.stop()));
    throw failed.reason;
  }
  return started;
}
