import { IsString, IsUrl } from 'class-validator';
import { BaseEnv, loadConfig } from '@stockflow/config';
import { UsageError, one, parseArgs } from './cli-args';
import { HttpError, callApi } from './gateway-client';
import { printTable } from './table';

export const POOLS_USAGE = `ops pools list [--url URL] [--token TOKEN] [--json]
  The pool definitions (GET /v1/pools on the gateway), with an operator token
  (--token, else STOCKFLOW_TOKEN). --url defaults to STOCKFLOW_URL, else http://127.0.0.1:3000.`;

class PoolsConfig extends BaseEnv {
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'STOCKFLOW_URL must be an http(s) URL' },
  )
  STOCKFLOW_URL = 'http://127.0.0.1:3000';

  @IsString()
  STOCKFLOW_TOKEN = '';
}

interface Pool {
  poolId: string;
  locations: { locationId: string; priority: number }[];
  channels: string[];
  version?: number;
}

export async function poolsCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['url', 'token'], booleans: ['json'] });
  const [action, extra] = args.positional;
  if (action !== 'list') throw new UsageError(`pools needs list, got ${action ?? 'nothing'}`);
  if (extra) throw new UsageError(`unexpected argument ${extra}`);
  const config = loadConfig(PoolsConfig);
  const url = one(args, 'url') ?? config.STOCKFLOW_URL;
  if (!/^https?:\/\/\S+$/.test(url)) throw new UsageError('--url must be an http(s) URL');
  const token = one(args, 'token') ?? config.STOCKFLOW_TOKEN;
  if (!token) throw new UsageError('pools needs an operator token: --token or STOCKFLOW_TOKEN');
  let body: unknown;
  try {
    body = await callApi<unknown>(url, token, 'GET', '/v1/pools');
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) {
      throw new Error(
        `the gateway at ${url} has no GET /v1/pools (404): this deployment does not serve pools yet`,
      );
    }
    if (error instanceof HttpError && (error.status === 401 || error.status === 403)) {
      throw new Error(
        `the gateway at ${url} refused the token (${error.status}): pools need an operator token (OPERATOR_TOKENS)`,
      );
    }
    throw error;
  }
  const pools: Pool[] = Array.isArray(body) ? body : ((body as { pools?: Pool[] }).pools ?? []);
  if (args.options.has('json')) console.log(JSON.stringify(pools, null, 2));
  else if (pools.length === 0)
    console.log('no pools defined (every channel sells from the implicit pool default)');
  else
    printTable(
      ['poolId', 'version', 'channels', 'locations (priority)'],
      pools.map((p) => [
        p.poolId,
        String(p.version ?? '-'),
        p.channels.join(',') || '-',
        [...p.locations]
          .sort((a, b) => a.priority - b.priority)
          .map((l) => `${l.locationId}(${l.priority})`)
          .join(' '),
      ]),
    );
  return 0;
}
