"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.channelAvailabilityKey = channelAvailabilityKey;
function channelAvailabilityKey(channel, sku) {
    return "".concat(channel, ":").concat(sku);
}
