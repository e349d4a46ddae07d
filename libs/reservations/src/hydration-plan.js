"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.planHydration = planHydration;
var contracts_1 = require("@stockflow/contracts");
var reservation_ids_1 = require("./reservation-ids");
/**
 * What a sku's Redis counter must be, from one consistent Postgres snapshot of
 * the ledger's projection (available at `version`) and the reservations the
 * orders service issued that the ledger has not folded. Pure.
 *
 * Never oversell: an intent (`reserving`) counts as reserved, whether its script
 * ran on the lost counter or will run on this one (`precounted` settles which);
 * an unfolded reservation is subtracted; an unfolded release is given back only
 * when the ledger already folded its reservation.
 */
function planHydration(ledger, rows) {
    var _a, _b;
    var avail = ledger.available;
    var registry = [];
    var precounted = [];
    var republish = [];
    for (var _i = 0, rows_1 = rows; _i < rows_1.length; _i++) {
        var row = rows_1[_i];
        if (row.state === 'reserving') {
            avail -= row.quantity;
            precounted.push({ rid: row.rid, quantity: row.quantity });
            continue;
        }
        if (row.state === 'open') {
            registry.push({
                rid: row.rid,
                quantity: row.quantity,
                kind: row.kind,
                cartId: row.cartId,
                orderId: row.orderId,
                expiresAtMs: (_b = (_a = row.expiresAt) === null || _a === void 0 ? void 0 : _a.getTime()) !== null && _b !== void 0 ? _b : 0,
                channel: row.channel,
            });
            if (!row.reserveFolded) {
                avail -= row.quantity;
                republish.push(reservedEvent(row));
            }
            continue;
        }
        if (row.releaseFolded)
            continue;
        if (row.reserveFolded)
            avail += row.quantity;
        else
            republish.push(reservedEvent(row));
        republish.push(releasedEvent(row));
    }
    return { counter: { avail: avail, ver: ledger.version }, registry: registry, precounted: precounted, republish: republish };
}
function reservedEvent(row) {
    var event = __assign({ eventId: (0, reservation_ids_1.reservationEventId)('reserved', row.rid), type: 'StockReserved', sku: row.sku, channel: row.channel, occurredAt: row.createdAt.toISOString(), schemaVersion: contracts_1.SCHEMA_VERSION, reservationId: row.rid, quantity: row.quantity }, (row.kind === 'order' && row.orderId ? { orderId: row.orderId } : {}));
    return JSON.stringify(event);
}
function releasedEvent(row) {
    var _a;
    var event = {
        eventId: (0, reservation_ids_1.reservationEventId)('released', row.rid),
        type: 'ReservationReleased',
        sku: row.sku,
        channel: row.channel,
        occurredAt: row.updatedAt.toISOString(),
        schemaVersion: contracts_1.SCHEMA_VERSION,
        reservationId: row.rid,
        quantity: row.quantity,
        reason: ((_a = row.releaseReason) !== null && _a !== void 0 ? _a : 'cart_cancel'),
    };
    return JSON.stringify(event);
}
