import {
  ChannelStockUpdate,
  SHOPIFY_INVENTORY_SET_PATH,
  SHOPIFY_TOKEN_HEADER,
  ShopifyInventoryLevelSet,
} from '@stockflow/contracts';
import { ChannelDefinition } from '@stockflow/channels';
import { ChannelAdapter, DeliveryOutcome, PreparedRequest } from './channel-adapter';
import { HttpTransport } from './http-transport';

/**
 * Speaks the shape of Shopify's inventory_levels/set call: the absolute
 * quantity of one inventory item at one location. Shopify knows items, not
 * SKUs, so the channel maps them (inventoryItemIds); a SKU without an item is
 * not sold there and is not sent.
 */
export class ShopifyAdapter implements ChannelAdapter {
  private readonly path: string;

  constructor(
    private readonly channel: Pick<
      ChannelDefinition,
      'endpoint' | 'secret' | 'locationId' | 'inventoryItemIds'
    >,
    private readonly transport: HttpTransport,
  ) {
    this.path = new URL(channel.endpoint).pathname.replace(/\/$/, '') + SHOPIFY_INVENTORY_SET_PATH;
  }

  lists(sku: string): boolean {
    return this.channel.inventoryItemIds?.[sku] !== undefined;
  }

  /** Only for SKUs it `lists`. */
  prepare(update: ChannelStockUpdate): PreparedRequest {
    const payload: ShopifyInventoryLevelSet = {
      location_id: this.channel.locationId!,
      inventory_item_id: this.channel.inventoryItemIds![update.sku],
      available: update.quantity,
    };
    return {
      path: this.path,
      headers: { [SHOPIFY_TOKEN_HEADER]: this.channel.secret },
      body: JSON.stringify(payload),
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
