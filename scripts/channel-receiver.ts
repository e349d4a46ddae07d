/**
 * A local stand-in for the sales channels of CHANNELS_FILE (default
 * config/channels.dev.json): listens on every loopback port the channels
 * point at, answers 200 and logs each call (with the webhook signature check),
 * so `npm start` shows what channel-sync sends. `npm run channels:demo`.
 */
import { readFileSync } from 'node:fs';
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from '@stockflow/contracts';
import { ChannelReceiver } from '@stockflow/testing';

interface DevChannel {
  name: string;
  adapter: string;
  endpoint: string;
  secret: string;
}

async function main(): Promise<void> {
  const file = process.env.CHANNELS_FILE || 'config/channels.dev.json';
  const channels: DevChannel[] = JSON.parse(readFileSync(file, 'utf8'));
  const ports = new Map<number, DevChannel[]>();
  for (const channel of channels) {
    const url = new URL(channel.endpoint);
    if (!['127.0.0.1', 'localhost'].includes(url.hostname)) continue;
    const port = Number(url.port || 80);
    ports.set(port, [...(ports.get(port) ?? []), channel]);
  }
  for (const [port, served] of ports) {
    await ChannelReceiver.start({
      port,
      record: false,
      onCall: (call) => {
        const channel =
          served.find((c) =>
            call.path.startsWith(new URL(c.endpoint).pathname.replace(/\/$/, '')),
          ) ?? served[0];
        const signed =
          channel.adapter === 'webhook'
            ? ` signature=${verified(call.rawBody, channel.secret, call.headers)}`
            : '';
        console.log(
          `${new Date(call.at).toISOString()} ${channel.name} POST ${call.path} ${call.rawBody}${signed}`,
        );
      },
    });
    console.log(
      `demo receiver for ${served.map((c) => c.name).join(', ')} on http://127.0.0.1:${port}`,
    );
  }
}

function verified(raw: string, secret: string, headers: Record<string, unknown>): string {
  return verifyWebhookSignature(raw, secret, headers[WEBHOOK_SIGNATURE_HEADER]) ? 'ok' : 'BAD';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
