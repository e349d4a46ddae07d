import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@stockflow/testing';

/** Runs the built service with only CHANNELS_FILE set wrong; it must stop before touching Kafka. */
function startWith(channelsFile: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [join(repoRoot(), 'dist/apps/channel-sync/src/main.js')],
      {
        env: { ...process.env, CHANNELS_FILE: channelsFile, PORT: '3983' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

describe('channel-sync startup', () => {
  const dir = mkdtempSync(join(tmpdir(), 'channels-file-'));

  it('refuses an invalid channels file, naming the file, the channel index and the field (exit 78)', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          name: 'web',
          adapter: 'webhook',
          endpoint: 'http://127.0.0.1:1/x',
          secret: 's',
          safetyStock: 0,
        },
        { name: 'shop', adapter: 'shopify', endpoint: 'ftp://nope', secret: 's', safetyStock: -1 },
      ]),
    );
    const { code, output } = await startWith(file);
    expect(code).toBe(78);
    expect(output).toContain(
      `CHANNELS_FILE ${file}: channels[1].endpoint: endpoint must be an http(s) URL`,
    );
    expect(output).toContain(`CHANNELS_FILE ${file}: channels[1].safetyStock`);
    expect(output).toContain(`CHANNELS_FILE ${file}: channels[1].locationId`);
    expect(output).not.toContain('channels[0]');
    expect(output).not.toMatch(/at .*\.js:\d+/); // a message, not a stack trace
  });

  it('refuses a missing file', async () => {
    const { code, output } = await startWith(join(dir, 'missing.json'));
    expect(code).toBe(78);
    expect(output).toContain('missing.json: cannot be read');
  });
});
