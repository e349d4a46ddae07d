import {
  ChannelStockUpdate,
  WEBHOOK_SIGNATURE_HEADER,
  WebhookStockUpdate,
  signWebhookBody,
} from '@stockflow/contracts';
import { ChannelDefinition } from '@stockflow/channels';
import { ChannelAdapter, DeliveryOutcome, PreparedRequest } from './channel-adapter';
import { HttpTransport } from './http-transport';

/** POST {endpoint} {channel, sku, quantity, version}, signed with the channel's secret. */
export class WebhookAdapter implements ChannelAdapter {
  private readonly url: URL;

  constructor(
    private readonly channel: Pick<ChannelDefinition, 'name' | 'endpoint' | 'secret'>,
    private readonly transport: HttpTransport,
  ) {
    this.url = new URL(channel.endpoint);
  }

  lists(): boolean {
    return true;
  }

  prepare(update: ChannelStockUpdate): PreparedRequest {
    const payload: WebhookStockUpdate = {
      channel: this.channel.name,
      sku: update.sku,
      quantity: update.quantity,
      version: update.version,
    };
    const body = JSON.stringify(payload);
    return {
      path: this.url.pathname + this.url.search,
      headers: { [WEBHOOK_SIGNATURE_HEADER]: signWebhookBody(body, this.channel.secret) },
      body,
      payload,
    };
  }

  send(request: PreparedRequest): Promise<DeliveryOutcome> {
    return this.transport.post(request);
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}
