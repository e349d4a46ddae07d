"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.QUANTITY_NAMES = void 0;
exports.locationQuantities = locationQuantities;
exports.totalQuantities = totalQuantities;
exports.zeroQuantities = zeroQuantities;
exports.stockSnapshot = stockSnapshot;
var stock_state_1 = require("./stock-state");
exports.QUANTITY_NAMES = [
    'on_hand',
    'available',
    'committed',
    'reserved',
    'damaged',
    'quality_control',
    'safety_stock',
    'incoming',
];
function locationQuantities(l) {
    return {
        on_hand: l.onHand,
        available: (0, stock_state_1.locationAvailable)(l),
        committed: l.committed,
        reserved: l.reserved,
        damaged: l.damaged,
        quality_control: l.qualityControl,
        safety_stock: l.safetyStock,
        incoming: (0, stock_state_1.incomingTotal)(l),
    };
}
function totalQuantities(state) {
    var total = zeroQuantities();
    for (var _i = 0, _a = Object.values(state.locations); _i < _a.length; _i++) {
        var l = _a[_i];
        var q = locationQuantities(l);
        for (var _b = 0, QUANTITY_NAMES_1 = exports.QUANTITY_NAMES; _b < QUANTITY_NAMES_1.length; _b++) {
            var name_1 = QUANTITY_NAMES_1[_b];
            total[name_1] += q[name_1];
        }
    }
    return total;
}
function zeroQuantities() {
    return { on_hand: 0, available: 0, committed: 0, reserved: 0, damaged: 0, quality_control: 0, safety_stock: 0, incoming: 0 };
}
/** The SKU as GET /v1/stock/:sku and inventory.stock-levels show it (locations lowest id first). */
function stockSnapshot(state) {
    var locations = (0, stock_state_1.locationIds)(state).map(function (locationId) {
        var quantities = locationQuantities(state.locations[locationId]);
        return {
            locationId: locationId,
            onHand: quantities.on_hand,
            reserved: quantities.committed + quantities.reserved,
            available: quantities.available,
            quantities: quantities,
        };
    });
    var quantities = totalQuantities(state);
    return {
        sku: state.sku,
        onHand: state.onHand,
        reserved: state.reserved,
        available: quantities.available,
        locations: locations,
        quantities: quantities,
        version: state.version,
    };
}
