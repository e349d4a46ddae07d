"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WebhookAdapter = void 0;
var contracts_1 = require("@stockflow/contracts");
/** POST {endpoint} {channel, sku, quantity, version}, signed with the channel's secret. */
var WebhookAdapter = /** @class */ (function () {
    function WebhookAdapter(channel, transport) {
        this.channel = channel;
        this.transport = transport;
        this.url = new URL(channel.endpoint);
    }
    WebhookAdapter.prototype.lists = function () {
        return true;
    };
    WebhookAdapter.prototype.prepare = function (update) {
        var _a;
        var payload = { channel: this.channel.name, sku: update.sku, quantity: update.quantity, version: update.version };
        var body = JSON.stringify(payload);
        return {
            path: this.url.pathname + this.url.search,
            headers: (_a = {}, _a[contracts_1.WEBHOOK_SIGNATURE_HEADER] = (0, contracts_1.signWebhookBody)(body, this.channel.secret), _a),
            body: body,
            payload: payload,
        };
    };
    WebhookAdapter.prototype.send = function (request) {
        return this.transport.post(request);
    };
    WebhookAdapter.prototype.close = function () {
        return this.transport.close();
    };
    return WebhookAdapter;
}());
exports.WebhookAdapter = WebhookAdapter;
