/**
 * npm run chaos: the fault suite. Starts its own Kafka, Postgres and Redis on
 * free loopback ports and the built services under the supervisor, drives a
 * mixed load, injects one fault after another, and prints per fault the
 * longest window in which every request of a kind failed, then the
 * invariants. Exit 1 when an invariant fails (or, with --strict, an outage
 * exceeds the bound). Ends with one line `chaos-result: {json}`.
 * Usage and output: docs/faults.md.
 */
import { parseArgs } from 'node:util';
import { ChaosResult, parseFaults, runChaos } from './chaos/run-chaos';
import { FAULT_NAMES } from './chaos/faults';

const USAGE = `npm run chaos -- [--duration S] [--faults a,b|all] [--freeze S] [--rate N]
                      [--bound-ms MS] [--settle S] [--seed N] [--strict]
faults: ${FAULT_NAMES.join(', ')}`;

function print(result: ChaosResult, boundMs: number): void {
  const rows = result.faults.map(
    (f) =>
      `  ${f.fault.padEnd(20)} orders ${String(f.longestOutageMs.orders).padStart(6)} ms ` +
      `(${f.failed.orders}/${f.sent.orders} failed)  events ${String(f.longestOutageMs.events).padStart(6)} ms ` +
      `(${f.failed.events}/${f.sent.events})  holds ${String(f.longestOutageMs.holds).padStart(6)} ms  ` +
      `${f.withinBound ? 'within' : 'OVER'} ${boundMs} ms` +
      (f.failed.orders + f.failed.events > 0
        ? `\n  ${''.padEnd(20)} failed answers: orders ${JSON.stringify(f.failures.orders)} events ${JSON.stringify(f.failures.events)}`
        : ''),
  );
  console.log(
    `\nlongest window in which every request of a kind failed, per fault:\n${rows.join('\n')}`,
  );
  console.log('\ninvariants:');
  for (const v of result.invariants)
    console.log(`  ${v.ok ? 'ok  ' : 'FAIL'} ${v.name}: ${v.detail}`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '180' },
      faults: { type: 'string', default: 'all' },
      freeze: { type: 'string', default: '10' },
      rate: { type: 'string', default: '10' },
      'bound-ms': { type: 'string', default: '1000' },
      settle: { type: 'string', default: '120' },
      seed: { type: 'string', default: '7' },
      strict: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const number = (name: keyof typeof values, min: number): number => {
    const n = Number(values[name]);
    if (!Number.isFinite(n) || n < min)
      throw new Error(`--${name} must be a number >= ${min}\n${USAGE}`);
    return n;
  };
  const boundMs = number('bound-ms', 0);
  const startedAt = Date.now();
  const result = await runChaos({
    durationSeconds: number('duration', 5),
    faults: parseFaults(values.faults),
    freezeSeconds: number('freeze', 1),
    rate: number('rate', 1),
    boundMs,
    settleSeconds: number('settle', 10),
    seed: number('seed', 0),
    log: (line) =>
      console.log(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}`),
  });
  print(result, boundMs);
  const failed = !result.invariantsHeld || (values.strict && !result.withinBound);
  console.log(
    `\nchaos: invariants ${result.invariantsHeld ? 'held' : 'FAILED'}; outages ${result.withinBound ? 'within' : 'over'} ` +
      `${boundMs} ms${values.strict ? ' (--strict: counts)' : ' (reported only; --strict makes it count)'}`,
  );
  console.log(
    `chaos-result: ${JSON.stringify({ ...result, boundMs, strict: values.strict, exitCode: failed ? 1 : 0 })}`,
  );
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`chaos: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
