/** Path of Shopify's "set inventory level" call, appended to a shopify channel's endpoint. */
export const SHOPIFY_INVENTORY_SET_PATH = '/admin/api/2024-01/inventory_levels/set.json';
export const SHOPIFY_TOKEN_HEADER = 'x-shopify-access-token';

/** Body of the Shopify-style call: absolute quantity of one inventory item at one location. */
export interface ShopifyInventoryLevelSet {
  location_id: number;
  inventory_item_id: number;
  available: number;
}
