import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A channels file of webhook channels pointing at the given receivers; returns its path. */
export function writeChannelsFile(channels: { name: string; url: string }[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'scale-out-'));
  const file = join(dir, 'channels.json');
  writeFileSync(
    file,
    JSON.stringify(
      channels.map(({ name, url }) => ({
        name,
        adapter: 'webhook',
        endpoint: `${url}/stock`,
        secret: `${name}-secret`,
        safetyStock: 1,
        retryBaseMs: 100,
        retryMaxMs: 1_000,
        maxAttempts: 1_000,
      })),
    ),
  );
  return file;
}
