/**
 * Operates channel-sync dead letters through the public API (so it needs only
 * the gateway URL and a channel token, like any client):
 *
 *   npm run dlq -- list <channel|_input> [--status dead|replaying|replayed|replay_failed|all] [--limit N] [--json]
 *   npm run dlq -- replay <channel> [--sku SKU]...
 *
 * STOCKFLOW_URL (default http://127.0.0.1:3000); STOCKFLOW_TOKEN, else the
 * CHANNEL_TOKENS token of the channel named like <channel>, else the first one.
 * Runs the compiled file: `npm run build` first.
 */
import 'reflect-metadata';
import { IsString, IsUrl } from 'class-validator';
import { BaseEnv, ConfigError, WithChannelTokens, loadConfig } from '@stockflow/config';

class DlqCliConfig extends WithChannelTokens(BaseEnv) {
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'STOCKFLOW_URL must be an http(s) URL' })
  STOCKFLOW_URL = 'http://127.0.0.1:3000';

  @IsString()
  STOCKFLOW_TOKEN = '';
}

const USAGE = `usage: npm run dlq -- list <channel|_input> [--status dead|replaying|replayed|replay_failed|all] [--limit N] [--json]
       npm run dlq -- replay <channel> [--sku SKU]...`;

/** The fields of GET /v1/channels/:channel/dlq entries the table shows. */
interface ListedDeadLetter {
  id: number;
  failedAt: string;
  sku: string | null;
  update: { version: number } | null;
  code: string;
  attempts: number;
  status: string;
  reason: string;
}

interface Args {
  command: string;
  channel: string;
  options: Map<string, string[]>;
}

function parseArgs(argv: string[]): Args | undefined {
  const [command, channel, ...rest] = argv;
  if (!['list', 'replay'].includes(command) || !channel || channel.startsWith('--')) return undefined;
  const options = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (!flag.startsWith('--')) return undefined;
    const takesValue = flag !== '--json';
    if (takesValue && (i + 1 >= rest.length || rest[i + 1].startsWith('--'))) return undefined;
    options.set(flag, [...(options.get(flag) ?? []), takesValue ? rest[++i] : 'true']);
  }
  return { command, channel, options };
}

function tokenFor(config: DlqCliConfig, channel: string): string {
  if (config.STOCKFLOW_TOKEN) return config.STOCKFLOW_TOKEN;
  const pairs = config.CHANNEL_TOKENS.split(',').map((pair) => pair.split(':') as [string, string]);
  return (pairs.find(([name]) => name === channel) ?? pairs[0])[1];
}

async function call<T>(config: DlqCliConfig, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(config.STOCKFLOW_URL + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

function printTable(rows: ListedDeadLetter[]): void {
  if (rows.length === 0) return console.log('no dead letters');
  const lines = rows.map((r) => [String(r.id), r.failedAt, r.sku ?? '-', String(r.update?.version ?? '-'), r.code, String(r.attempts), r.status, r.reason]);
  const header = ['id', 'failedAt', 'sku', 'version', 'code', 'attempts', 'status', 'reason'];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  for (const line of [header, ...lines]) console.log(line.map((cell, i) => (i === line.length - 1 ? cell : cell.padEnd(widths[i]))).join('  '));
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args) {
    console.error(USAGE);
    return 64; // EX_USAGE
  }
  const config = loadConfig(DlqCliConfig);
  const token = tokenFor(config, args.channel);
  const base = `/v1/channels/${encodeURIComponent(args.channel)}/dlq`;
  if (args.command === 'list') {
    const query = new URLSearchParams();
    for (const name of ['status', 'limit']) {
      const value = args.options.get(`--${name}`)?.[0];
      if (value) query.set(name, value);
    }
    const page = await call<{ deadLetters: ListedDeadLetter[] }>(config, token, 'GET', `${base}${query.size > 0 ? `?${query}` : ''}`);
    if (args.options.has('--json')) console.log(JSON.stringify(page, null, 2));
    else printTable(page.deadLetters);
    return 0;
  }
  const skus = args.options.get('--sku');
  const started = await call<{ channel: string; deadLetters: number; skus: number }>(config, token, 'POST', `${base}/replay`, skus ? { skus } : {});
  console.log(`replaying ${started.deadLetters} dead letter(s) of ${started.channel}: ${started.skus} SKU(s), each with its newest state`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause ? ` (${cause.code ?? cause.message})` : '';
    console.error(error instanceof ConfigError ? error.message : `dlq: ${(error as Error).message}${why}`);
    process.exit(error instanceof ConfigError ? 78 : 1);
  },
);
