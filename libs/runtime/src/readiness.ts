import { Injectable } from '@nestjs/common';

export type ReadinessCheck = () => Promise<void> | void;

/** Components register a check; /health/ready answers 200 only when every one passes. */
@Injectable()
export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private draining = false;

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Called on SIGTERM: stop receiving traffic before the process winds down. */
  markDraining(): void {
    this.draining = true;
  }

  async evaluate(): Promise<{ ready: boolean; checks: Record<string, string> }> {
    const results: Record<string, string> = {};
    if (this.draining) results.shutdown = 'draining';
    for (const [name, check] of this.checks) {
      try {
        await check();
        results[name] = 'ok';
      } catch (error) {
        results[name] = (error as Error).message || 'failed';
      }
    }
    return { ready: Object.values(results).every((r) => r === 'ok'), checks: results };
  }
}
