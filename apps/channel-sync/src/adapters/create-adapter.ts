import { ChannelDefinition } from '@stockflow/channels';
import { ChannelAdapter } from './channel-adapter';
import { HttpTransport } from './http-transport';
import { ShopifyAdapter } from './shopify.adapter';
import { WebhookAdapter } from './webhook.adapter';

export function createAdapter(
  channel: ChannelDefinition,
  connections: number,
  timeoutMs: number,
): ChannelAdapter {
  const transport = new HttpTransport(new URL(channel.endpoint).origin, connections, timeoutMs);
  switch (channel.adapter) {
    case 'webhook':
      return new WebhookAdapter(channel, transport);
    case 'shopify':
      return new ShopifyAdapter(channel, transport);
  }
}
