/**
 * npm run ops -- <command> [...]: the one operator CLI. `npm run ops -- --help`
 * lists the commands; `npm run ops -- <command> --help` explains one. Exit codes:
 * 0 done, 1 failed (or replay found differences), 2 replay failed, 64 bad usage,
 * 75 try again (reconcile inconclusive), 78 bad configuration (names the variable).
 * Runs the compiled file: `npm run build` first.
 */
import 'reflect-metadata';
import { ConfigError } from '@stockflow/config';
import { EXIT, UsageError } from './ops/cli-args';
import { DLQ_USAGE, dlqCommand } from './ops/dlq-command';
import { LAG_USAGE, lagCommand } from './ops/lag-command';
import { POOLS_USAGE, poolsCommand } from './ops/pools-command';
import { RECONCILE_USAGE, reconcileCommand } from './ops/reconcile-command';
import { REPLAY_USAGE, isReplayFailure, replayCommand } from './ops/replay-command';

const COMMANDS: Record<string, { usage: string; run: (argv: string[]) => Promise<number> }> = {
  dlq: { usage: DLQ_USAGE, run: dlqCommand },
  replay: { usage: REPLAY_USAGE, run: replayCommand },
  reconcile: { usage: RECONCILE_USAGE, run: reconcileCommand },
  lag: { usage: LAG_USAGE, run: lagCommand },
  pools: { usage: POOLS_USAGE, run: poolsCommand },
};

const HELP = `usage: npm run ops -- <command> [options]   (or: node dist/scripts/ops.js <command>)

${Object.values(COMMANDS)
  .map((c) => c.usage)
  .join('\n\n')}

exit codes: 0 done, 1 failed or replay differs, 2 replay failed, 64 bad usage, 75 try again, 78 bad configuration`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return EXIT.ok;
  }
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    console.error(
      `${name === undefined ? 'no command given' : `unknown command ${name}`}\n\n${HELP}`,
    );
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`ops ${name}: ${error.message}\n\nusage: ${command.usage}`);
      return EXIT.usage;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(EXIT.config);
    }
    if (isReplayFailure(error)) {
      console.error((error as Error).message);
      process.exit(EXIT.replayFailed);
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause ? ` (${cause.code ?? cause.message})` : '';
    console.error(`ops: ${(error as Error).message}${why}`);
    process.exit(EXIT.failed);
  },
);
