import { PrivateStack } from './private-stack';
import { ServiceName, System } from './system';

/** One fault the suite injects: what it does, and how it says what it did. */
export interface Fault {
  name: string;
  /** Injects the fault and returns once it is over (a freeze thawed, a restart done); the repair is the system's. */
  inject(): Promise<string>;
}

export interface FaultContext {
  stack: PrivateStack;
  system: System;
  freezeSeconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function killService(ctx: FaultContext, name: ServiceName): Fault {
  return {
    name: `kill-${name}`,
    inject: async () => {
      const pids = ctx.system.pids(name);
      if (pids.length === 0) throw new Error(`no running ${name} process to kill`);
      // One process: with several instances, the others are what keeps the service up.
      process.kill(pids[0], 'SIGKILL');
      return `SIGKILL to ${name} pid ${pids[0]} (of ${pids.length}); the supervisor restarts it`;
    },
  };
}

/** Every fault, in the order a full run injects them. */
export function allFaults(ctx: FaultContext): Fault[] {
  return [
    killService(ctx, 'gateway'),
    killService(ctx, 'ledger'),
    killService(ctx, 'orders'),
    killService(ctx, 'channel-sync'),
    killService(ctx, 'compaction'),
    {
      name: 'broker-freeze',
      inject: async () => {
        const pid = ctx.stack.kafkaPid();
        process.kill(pid, 'SIGSTOP');
        try {
          await sleep(ctx.freezeSeconds * 1000);
        } finally {
          process.kill(pid, 'SIGCONT');
        }
        return `SIGSTOP to the broker (pid ${pid}) for ${ctx.freezeSeconds} s, then SIGCONT`;
      },
    },
    {
      name: 'postgres-restart',
      inject: async () => {
        const t0 = Date.now();
        await ctx.stack.restartPostgres();
        return `pg_ctl restart -m fast of the private Postgres (${Date.now() - t0} ms until it answered)`;
      },
    },
    {
      name: 'redis-flush',
      inject: async () => {
        await ctx.stack.flushRedis();
        return 'FLUSHALL on the private Redis';
      },
    },
    {
      name: 'redis-restart',
      inject: async () => {
        const t0 = Date.now();
        await ctx.stack.restartRedis();
        return `SIGKILL of the private redis-server (nothing persisted) and a new one on its port (${Date.now() - t0} ms)`;
      },
    },
  ];
}

export const FAULT_NAMES = [
  'kill-gateway',
  'kill-ledger',
  'kill-orders',
  'kill-channel-sync',
  'kill-compaction',
  'broker-freeze',
  'postgres-restart',
  'redis-flush',
  'redis-restart',
];
