/** Bad usage: the CLI prints the message and the command's usage, and exits 64 (EX_USAGE). */
export class UsageError extends Error {}

/** Exit codes of `npm run ops`, shared by every command (sysexits where one fits). */
export const EXIT = {
  ok: 0,
  failed: 1,
  replayFailed: 2,
  usage: 64,
  tempFail: 75,
  config: 78,
} as const;

export interface ParsedArgs {
  positional: string[];
  /** `--name value` (repeatable) and `--name=value`; boolean flags hold 'true'. */
  options: Map<string, string[]>;
}

/**
 * Splits argv into positional words and options. `booleans` are the flags that
 * take no value; every other `--flag` needs one. Unknown flags are refused, so
 * a typo never silently changes what a command does.
 */
export function parseArgs(
  argv: string[],
  spec: { values?: string[]; booleans?: string[] },
): ParsedArgs {
  const values = new Set(spec.values ?? []);
  const booleans = new Set(spec.booleans ?? []);
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  const add = (name: string, value: string) =>
    options.set(name, [...(options.get(name) ?? []), value]);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleans.has(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      add(name, 'true');
    } else if (values.has(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`--${name} needs a value`);
      add(name, value);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return { positional, options };
}

export function one(args: ParsedArgs, name: string): string | undefined {
  return args.options.get(name)?.at(-1);
}
