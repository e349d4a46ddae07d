"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.sellableQuantity = sellableQuantity;
/**
 * What a channel may sell: its pool's available minus the channel's
 * safety stock, never negative (available itself can be, after POS oversells).
 */
function sellableQuantity(available, sku, channel) {
    var _a, _b;
    var held = (_b = (_a = channel.skuSafetyStock) === null || _a === void 0 ? void 0 : _a[sku]) !== null && _b !== void 0 ? _b : channel.safetyStock;
    return Math.max(0, available - held);
}
