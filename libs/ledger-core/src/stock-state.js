"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emptyStock = emptyStock;
exports.emptyLocation = emptyLocation;
exports.reservationKind = reservationKind;
exports.locationAvailable = locationAvailable;
exports.incomingTotal = incomingTotal;
exports.available = available;
exports.locationIds = locationIds;
var contracts_1 = require("@stockflow/contracts");
function emptyStock(sku) {
    return { sku: sku, locations: {}, onHand: 0, reserved: 0, version: 0 };
}
function emptyLocation() {
    return { onHand: 0, committed: 0, reserved: 0, damaged: 0, qualityControl: 0, safetyStock: 0, incoming: {} };
}
function reservationKind(reservationId) {
    return reservationId.startsWith(contracts_1.HOLD_RESERVATION_PREFIX) ? 'hold' : 'order';
}
/** What can still be reserved or sold at a location (negative when oversold). */
function locationAvailable(l) {
    return l.onHand - l.committed - l.reserved - l.damaged - l.qualityControl - l.safetyStock;
}
function incomingTotal(l) {
    var total = 0;
    for (var _i = 0, _a = Object.values(l.incoming); _i < _a.length; _i++) {
        var q = _a[_i];
        total += q;
    }
    return total;
}
/** The SKU's available: the sum over its locations (a location below zero counts as it is). */
function available(state) {
    var total = 0;
    for (var _i = 0, _a = Object.values(state.locations); _i < _a.length; _i++) {
        var l = _a[_i];
        total += locationAvailable(l);
    }
    return total;
}
/** Location ids of a SKU in the default order: lowest locationId first. */
function locationIds(state) {
    return Object.keys(state.locations).sort();
}
