import { Kafka } from 'kafkajs';
import { Pool } from 'pg';
import { createKafka } from '@stockflow/kafka';
import { waitFor } from '@stockflow/testing';
import { ensureDatabase } from '../migrate';
import { FAULT_NAMES, allFaults } from './faults';
import { Verdict, checkInvariants, waitLedgerAtEnd } from './invariants';
import { MixedLoad } from './load';
import { Phase, PhaseReport, reportPhases } from './outages';
import { startPrivateStack } from './private-stack';
import { TOKENS, startSystem } from './system';

export interface ChaosOptions {
  /** Seconds of load; the faults are spread evenly over it, after a fault-free baseline. */
  durationSeconds: number;
  faults: string[];
  freezeSeconds: number;
  /** Requests per second of orders and of event batches (holds at a third). */
  rate: number;
  /** The availability target: no outage of orders or events longer than this. */
  boundMs: number;
  /** How long the system may take, once the load stops, to decide and converge. */
  settleSeconds: number;
  seed: number;
  log: (line: string) => void;
}

export interface FaultOutcome extends PhaseReport {
  what: string;
  /** Longest outage of orders or events within the bound. */
  withinBound: boolean;
}

export interface ChaosResult {
  faults: FaultOutcome[];
  invariants: Verdict[];
  invariantsHeld: boolean;
  withinBound: boolean;
  requests: number;
  seconds: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function parseFaults(list: string | undefined): string[] {
  if (!list || list === 'all') return FAULT_NAMES;
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !FAULT_NAMES.includes(n));
  if (unknown.length > 0)
    throw new Error(`unknown fault(s) ${unknown.join(', ')}; known: ${FAULT_NAMES.join(', ')}`);
  return names;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosResult> {
  const t0 = Date.now();
  const log = options.log;
  log(`chaos: starting a private Kafka, Postgres and Redis on free loopback ports`);
  const stack = await startPrivateStack();
  let kafka: Kafka | undefined;
  let db: Pool | undefined;
  let system: Awaited<ReturnType<typeof startSystem>> | undefined;
  let cleaning: Promise<void> | undefined;
  const cleanup = () =>
    (cleaning ??= (async () => {
      await db?.end().catch(() => undefined);
      await system?.stop().catch(() => undefined);
      await stack.stop();
    })());
  // Ctrl-C mid-run: the private broker, Postgres, Redis and services go too.
  const onSignal = (signal: NodeJS.Signals) => {
    log(`chaos: ${signal}: stopping everything this run started`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const databaseUrl = stack.databaseUrl.replace(/\/postgres$/, '/stockflow');
    await ensureDatabase(databaseUrl);
    system = await startSystem(stack, databaseUrl);
    log(`chaos: services under the supervisor (log ${system.logFile}); waiting for readiness`);
    await system.ready(180_000);
    kafka = createKafka({ brokers: stack.kafkaBrokers, clientId: 'chaos' });
    db = new Pool({ connectionString: databaseUrl, max: 4 });
    // The invariants' reads must survive the Postgres restart's dropped connections.
    db.on('error', () => undefined);

    const load = new MixedLoad({
      gatewayUrl: system.gatewayUrl,
      rate: options.rate,
      requestTimeoutMs: 5_000,
      seed: options.seed,
    });
    const seed = load.seedEvents();
    await waitFor(() => load.postEvents(TOKENS['3pl'], seed), {
      timeoutMs: 60_000,
      what: 'seed accepted',
    });
    // The ledger has folded the seed (whatever it made of it: the invariants judge that),
    // and checkout's counters follow the stock levels it published.
    await waitLedgerAtEnd(kafka, db, 90_000);
    await sleep(2_000);

    const ctx = { stack, system, freezeSeconds: options.freezeSeconds };
    const faults = allFaults(ctx).filter((f) => options.faults.includes(f.name));
    const gapMs = (options.durationSeconds * 1000) / (faults.length + 1);
    log(
      `chaos: load at ${options.rate}/s orders and event batches for ${options.durationSeconds} s; ` +
        `${faults.length} fault(s), one every ${(gapMs / 1000).toFixed(1)} s after a fault-free baseline`,
    );
    load.start();
    const phases: Phase[] = [{ name: 'baseline (no fault)', from: Date.now(), to: 0 }];
    const what = new Map<string, string>();
    await sleep(gapMs);
    for (const fault of faults) {
      const from = Date.now();
      phases[phases.length - 1].to = from;
      phases.push({ name: fault.name, from, to: 0 });
      const said = await fault.inject();
      what.set(fault.name, said);
      log(`chaos: ${fault.name}: ${said}`);
      // The next fault waits for this one's repair: one fault at a time, as the target says.
      await system
        .ready(Math.max(gapMs, 120_000))
        .catch(() => log(`chaos: ${fault.name}: not ready again within the gap`));
      await sleep(Math.max(0, from + gapMs - Date.now()));
    }
    phases[phases.length - 1].to = Date.now();
    log('chaos: load stopped; retrying unanswered orders, then waiting for the system to settle');
    const result = await load.stop(Date.now() + options.settleSeconds * 1000);

    const reports = reportPhases(result.records, phases);
    const outcomes: FaultOutcome[] = reports.map((r) => ({
      ...r,
      what: what.get(r.fault) ?? 'none',
      withinBound: Math.max(r.longestOutageMs.orders, r.longestOutageMs.events) <= options.boundMs,
    }));
    const invariants = await checkInvariants({
      kafka,
      db,
      system,
      load: result,
      settleTimeoutMs: options.settleSeconds * 1000,
    });
    return {
      faults: outcomes,
      invariants,
      invariantsHeld: invariants.every((v) => v.ok),
      withinBound: outcomes.every((o) => o.withinBound),
      requests: result.records.length,
      seconds: Math.round((Date.now() - t0) / 1000),
    };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}
