"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeQueuedOrder = decodeQueuedOrder;
/** Reads a queue message; anything else is a poison message (returned as a reason). */
function decodeQueuedOrder(value) {
    var _a;
    var raw;
    try {
        raw = JSON.parse((_a = value === null || value === void 0 ? void 0 : value.toString('utf8')) !== null && _a !== void 0 ? _a : '');
    }
    catch (error) {
        return "value is not JSON: ".concat(error.message);
    }
    var valid = raw !== null &&
        typeof raw === 'object' &&
        typeof raw.orderId === 'string' &&
        typeof raw.channel === 'string' &&
        (raw.cartId === null || typeof raw.cartId === 'string') &&
        Array.isArray(raw.lines) &&
        raw.lines.length > 0 &&
        raw.lines.every(function (l) { return typeof (l === null || l === void 0 ? void 0 : l.sku) === 'string' && Number.isInteger(l === null || l === void 0 ? void 0 : l.quantity) && l.quantity > 0; });
    return valid ? { orderId: raw.orderId, channel: raw.channel, cartId: raw.cartId, lines: raw.lines } : 'not an order';
}
