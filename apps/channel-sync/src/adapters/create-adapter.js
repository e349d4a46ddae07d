"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createAdapter = createAdapter;
var http_transport_1 = require("./http-transport");
var shopify_adapter_1 = require("./shopify.adapter");
var webhook_adapter_1 = require("./webhook.adapter");
function createAdapter(channel, connections, timeoutMs) {
    var transport = new http_transport_1.HttpTransport(new URL(channel.endpoint).origin, connections, timeoutMs);
    switch (channel.adapter) {
        case 'webhook':
            return new webhook_adapter_1.WebhookAdapter(channel, transport);
        case 'shopify':
            return new shopify_adapter_1.ShopifyAdapter(channel, transport);
    }
}
