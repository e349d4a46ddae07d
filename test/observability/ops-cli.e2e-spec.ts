import { execFile } from 'child_process';
import { writeFileSync } from 'fs';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { Producer } from 'kafkajs';
import {
  ChannelReceiver,
  ServiceProcess,
  TEST_OPERATOR_TOKEN,
  TEST_TOKENS,
  api,
  TestStack,
  createTestStack,
  makeEvent,
  repoRoot,
  startService,
  waitFor,
} from '@stockflow/testing';
import { startAll } from './start-all';

/** Readiness waits on Kafka consumer groups; on a loaded shared broker that can take over a minute. */
const SLOW_START = { readyTimeoutMs: 150_000 };

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built `npm run ops` entry point. */
function ops(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoRoot(), 'dist/scripts/ops.js'), ...args],
      { env: { ...process.env, KAFKAJS_NO_PARTITIONER_WARNING: '1', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/** An HTTP server answering every request with one status and body (a gateway with or without pools). */
async function fakeGateway(
  status: number,
  body: unknown,
): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

describe('npm run ops: usage', () => {
  it('prints every command with --help and exits 0', async () => {
    const help = await ops(['--help']);
    expect(help.code).toBe(0);
    for (const command of [
      'ops dlq list',
      'ops dlq replay',
      'ops replay',
      'ops reconcile',
      'ops lag',
      'ops pools list',
    ]) {
      expect(help.stdout).toContain(command);
    }
    expect((await ops(['lag', '--help'])).stdout).toMatch(/^ops lag/);
  });

  it.each([
    [[], /no command given/],
    [['frobnicate'], /unknown command frobnicate/],
    [['dlq'], /dlq needs list or replay/],
    [['dlq', 'list'], /dlq list needs a channel/],
    [['dlq', 'list', 'web', '--limit'], /--limit needs a value/],
    [['reconcile'], /reconcile needs a sku/],
    [['reconcile', 'not a sku'], /sku must match/],
    [['lag', '--bogus'], /unknown option --bogus/],
    [['pools'], /pools needs list/],
    [['pools', 'list'], /operator token/],
    [['replay', '--from-snapshot=abc'], /snapshot id/],
  ])('refuses %j with exit 64 and says why', async (args, why) => {
    const run = await ops(args as string[], { STOCKFLOW_TOKEN: '' });
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(why);
    expect(run.stderr).toMatch(/usage/);
  });

  it('names the variable of a bad configuration and exits 78', async () => {
    const run = await ops(['dlq', 'list', 'web'], { STOCKFLOW_URL: 'not-a-url' });
    expect(run.code).toBe(78);
    expect(run.stderr).toMatch(/STOCKFLOW_URL/);
  });

  it('explains a gateway without pools (404) and exits 1', async () => {
    const { url, server } = await fakeGateway(404, {
      statusCode: 404,
      message: 'Cannot GET /v1/pools',
    });
    try {
      const run = await ops(['pools', 'list', '--url', url, '--token', 'op-token']);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/has no GET \/v1\/pools \(404\)/);
    } finally {
      server.close();
    }
  });

  it('lists pools with the operator token from STOCKFLOW_TOKEN', async () => {
    const pools = [
      {
        poolId: 'eu',
        version: 2,
        channels: ['web'],
        locations: [
          { locationId: 'WH-2', priority: 2 },
          { locationId: 'WH-1', priority: 1 },
        ],
      },
    ];
    const { url, server } = await fakeGateway(200, pools);
    try {
      const run = await ops(['pools', 'list', '--url', url], { STOCKFLOW_TOKEN: 'op-token' });
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/eu +2 +web +WH-1\(1\) WH-2\(2\)/);
    } finally {
      server.close();
    }
  });
});

describe('npm run ops: lag and dlq against the real stack', () => {
  let stack: TestStack;
  let gateway: ServiceProcess;
  let ledger: ServiceProcess;
  let channelSync: ServiceProcess;
  let receiver: ChannelReceiver;
  let producer: Producer;
  let env: Record<string, string>;

  beforeAll(async () => {
    stack = await createTestStack('ops_cli');
    receiver = await ChannelReceiver.start({ secret: 'ops-secret' });
    const channelsFile = join(tmpdir(), `ops-channels-${process.pid}.json`);
    writeFileSync(
      channelsFile,
      JSON.stringify([
        {
          name: 'web',
          adapter: 'webhook',
          endpoint: `${receiver.url}/hooks`,
          secret: 'ops-secret',
          safetyStock: 0,
        },
      ]),
    );
    const serviceEnv = { ...stack.env, CHANNELS_FILE: channelsFile };
    [ledger, channelSync] = await startAll([
      startService('ledger', serviceEnv, SLOW_START),
      startService('channel-sync', serviceEnv, SLOW_START),
    ]);
    gateway = await startService(
      'gateway',
      { ...serviceEnv, CHANNEL_SYNC_URL: channelSync.url },
      SLOW_START,
    );
    env = { ...stack.env, STOCKFLOW_URL: gateway.url, STOCKFLOW_TOKEN: TEST_TOKENS.web };
    producer = stack.kafka.producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await Promise.all([gateway?.stop(), ledger?.stop(), channelSync?.stop()]);
    await receiver?.close();
    await stack?.teardown();
  });

  const produce = (n: number) =>
    producer.send({
      topic: stack.topics.events,
      messages: Array.from({ length: n }, (_, i) => {
        const event = makeEvent('StockReceived', {
          sku: `OPS-${i}`,
          locationId: 'WH-1',
          quantity: 1,
        });
        return { key: event.sku, value: JSON.stringify(event) };
      }),
    });
  const lagRows = async () => {
    const run = await ops(['lag', '--json'], env);
    expect(run.code).toBe(0);
    return JSON.parse(run.stdout) as {
      group: string;
      topic: string;
      partition: number;
      lag: number;
    }[];
  };
  const groupLag = (rows: { group: string; lag: number }[], group: string) =>
    rows.filter((r) => r.group === group).reduce((sum, r) => sum + r.lag, 0);

  it('lists the pools of the real gateway with an operator token, and explains a channel token refused', async () => {
    const body = { locations: [{ locationId: 'WH-1', priority: 1 }], channels: ['web'] };
    const put = await api(gateway.url, 'PUT', '/v1/pools/ops-eu', {
      token: TEST_OPERATOR_TOKEN,
      body,
    });
    expect(put.status).toBe(200);
    const listed = await ops([
      'pools',
      'list',
      '--url',
      gateway.url,
      '--token',
      TEST_OPERATOR_TOKEN,
    ]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/ops-eu +\d+ +web +WH-1\(1\)/);
    const refused = await ops(['pools', 'list', '--url', gateway.url], {
      STOCKFLOW_TOKEN: TEST_TOKENS.web,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused the token \(403\)/);
  });

  it('shows every group of the deployment at lag 0 once caught up, and the ledger behind while it is stopped', async () => {
    const prefix = stack.env.KAFKA_TOPIC_PREFIX;
    const ledgerGroup = `${prefix}stockflow-ledger`;
    await produce(10);
    await waitFor(async () => receiver.calls.length >= 10, {
      timeoutMs: 90_000,
      what: 'the channel to get 10 SKUs',
    });
    await waitFor(
      async () => {
        const rows = await lagRows();
        const groups = new Set(rows.map((r) => r.group));
        return (
          groups.has(ledgerGroup) &&
          groups.has(`${prefix}stockflow-channel-sync.web`) &&
          rows.every((r) => r.lag === 0)
        );
      },
      { timeoutMs: 60_000, what: 'every group at lag 0' },
    );
    const table = await ops(['lag'], env);
    expect(table.stdout).toMatch(
      new RegExp(
        `${ledgerGroup.replace(/\./g, '\\.')} +${prefix.replace(/\./g, '\\.')}inventory\\.events +0 `,
      ),
    );

    await ledger.stop();
    await produce(5);
    expect(groupLag(await lagRows(), ledgerGroup)).toBe(5);
  });

  it('lists the dead letters of a channel through the public API', async () => {
    const run = await ops(['dlq', 'list', 'web'], env);
    expect(run).toMatchObject({ code: 0, stdout: 'no dead letters\n' });
    const json = await ops(['dlq', 'list', 'web', '--status', 'all', '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ deadLetters: [] });
    const unknown = await ops(['dlq', 'list', 'pos'], env); // no such channel in CHANNELS_FILE
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/answered 404: .*unknown channel pos/);
  });
});
