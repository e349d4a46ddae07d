"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ShopifyAdapter = void 0;
var contracts_1 = require("@stockflow/contracts");
/**
 * Speaks the shape of Shopify's inventory_levels/set call: the absolute
 * quantity of one inventory item at one location. Shopify knows items, not
 * SKUs, so the channel maps them (inventoryItemIds); a SKU without an item is
 * not sold there and is not sent.
 */
var ShopifyAdapter = /** @class */ (function () {
    function ShopifyAdapter(channel, transport) {
        this.channel = channel;
        this.transport = transport;
        this.path = new URL(channel.endpoint).pathname.replace(/\/$/, '') + contracts_1.SHOPIFY_INVENTORY_SET_PATH;
    }
    ShopifyAdapter.prototype.lists = function (sku) {
        var _a;
        return ((_a = this.channel.inventoryItemIds) === null || _a === void 0 ? void 0 : _a[sku]) !== undefined;
    };
    /** Only for SKUs it `lists`. */
    ShopifyAdapter.prototype.prepare = function (update) {
        var _a;
        var payload = {
            location_id: this.channel.locationId,
            inventory_item_id: this.channel.inventoryItemIds[update.sku],
            available: update.quantity,
        };
        return { path: this.path, headers: (_a = {}, _a[contracts_1.SHOPIFY_TOKEN_HEADER] = this.channel.secret, _a), body: JSON.stringify(payload), payload: payload };
    };
    ShopifyAdapter.prototype.send = function (request) {
        return this.transport.post(request);
    };
    ShopifyAdapter.prototype.close = function () {
        return this.transport.close();
    };
    return ShopifyAdapter;
}());
exports.ShopifyAdapter = ShopifyAdapter;
