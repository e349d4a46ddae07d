import { IsString, IsUrl } from 'class-validator';
import { BaseEnv, WithChannelTokens, loadConfig } from '@stockflow/config';
import { UsageError, one, parseArgs } from './cli-args';
import { callApi } from './gateway-client';
import { printTable } from './table';

export const DLQ_USAGE = `ops dlq list <channel|_input> [--status dead|replaying|replayed|replay_failed|all] [--limit N] [--json]
ops dlq replay <channel> [--sku SKU]...
  Channel-sync dead letters, through the public API (GET/POST /v1/channels/:channel/dlq).
  STOCKFLOW_URL (default http://127.0.0.1:3000); STOCKFLOW_TOKEN, else the CHANNEL_TOKENS
  token of the channel named like <channel>, else the first one.`;

class DlqConfig extends WithChannelTokens(BaseEnv) {
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'STOCKFLOW_URL must be an http(s) URL' },
  )
  STOCKFLOW_URL = 'http://127.0.0.1:3000';

  @IsString()
  STOCKFLOW_TOKEN = '';
}

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

function tokenFor(config: DlqConfig, channel: string): string {
  if (config.STOCKFLOW_TOKEN) return config.STOCKFLOW_TOKEN;
  const pairs = config.CHANNEL_TOKENS.split(',').map((pair) => pair.split(':') as [string, string]);
  return (pairs.find(([name]) => name === channel) ?? pairs[0])[1];
}

export async function dlqCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['status', 'limit', 'sku'], booleans: ['json'] });
  const [action, channel, extra] = args.positional;
  if (action !== 'list' && action !== 'replay')
    throw new UsageError(`dlq needs list or replay, got ${action ?? 'nothing'}`);
  if (!channel) throw new UsageError(`dlq ${action} needs a channel`);
  if (extra) throw new UsageError(`unexpected argument ${extra}`);
  const config = loadConfig(DlqConfig);
  const token = tokenFor(config, channel);
  const base = `/v1/channels/${encodeURIComponent(channel)}/dlq`;
  if (action === 'list') {
    const query = new URLSearchParams();
    for (const name of ['status', 'limit']) {
      const value = one(args, name);
      if (value) query.set(name, value);
    }
    const page = await callApi<{ deadLetters: ListedDeadLetter[] }>(
      config.STOCKFLOW_URL,
      token,
      'GET',
      `${base}${query.size > 0 ? `?${query}` : ''}`,
    );
    if (args.options.has('json')) console.log(JSON.stringify(page, null, 2));
    else if (page.deadLetters.length === 0) console.log('no dead letters');
    else
      printTable(
        ['id', 'failedAt', 'sku', 'version', 'code', 'attempts', 'status', 'reason'],
        page.deadLetters.map((r) => [
          String(r.id),
          r.failedAt,
          r.sku ?? '-',
          String(r.update?.version ?? '-'),
          r.code,
          String(r.attempts),
          r.status,
          r.reason,
        ]),
      );
    return 0;
  }
  const skus = args.options.get('sku');
  const started = await callApi<{ channel: string; deadLetters: number; skus: number }>(
    config.STOCKFLOW_URL,
    token,
    'POST',
    `${base}/replay`,
    skus ? { skus } : {},
  );
  console.log(
    `replaying ${started.deadLetters} dead letter(s) of ${started.channel}: ${started.skus} SKU(s), each with its newest state`,
  );
  return 0;
}
