"use strict";
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.emptyLedger = emptyLedger;
exports.foldEvents = foldEvents;
var fold_event_1 = require("./fold-event");
var stock_state_1 = require("./stock-state");
function emptyLedger() {
    return { stock: new Map(), reservations: new Map(), applied: new Set() };
}
/** Folds events in log order. Pure: the input state is left as it was. */
function foldEvents(state, events) {
    var _a;
    var stock = new Map(state.stock);
    var reservations = new Map(state.reservations);
    var applied = new Set(state.applied);
    var entries = [];
    var refusals = [];
    var duplicates = [];
    var changedSkus = new Set();
    var changedReservations = new Set();
    for (var _i = 0, events_1 = events; _i < events_1.length; _i++) {
        var event_1 = events_1[_i];
        if (applied.has(event_1.eventId)) {
            duplicates.push(event_1.eventId);
            continue;
        }
        var reservationId = 'reservationId' in event_1 ? event_1.reservationId : undefined;
        var outcome = (0, fold_event_1.foldEvent)((_a = stock.get(event_1.sku)) !== null && _a !== void 0 ? _a : (0, stock_state_1.emptyStock)(event_1.sku), reservationId === undefined ? undefined : reservations.get(reservationId), event_1);
        if (!outcome.applied) {
            refusals.push(outcome.refusal);
            continue;
        }
        applied.add(event_1.eventId);
        stock.set(event_1.sku, outcome.stock);
        changedSkus.add(event_1.sku);
        if (outcome.reservation) {
            reservations.set(outcome.reservation.reservationId, outcome.reservation);
            changedReservations.add(outcome.reservation.reservationId);
        }
        entries.push(outcome.entry);
    }
    return {
        state: { stock: stock, reservations: reservations, applied: applied },
        entries: entries,
        refusals: refusals,
        duplicates: duplicates,
        changedSkus: __spreadArray([], changedSkus, true),
        changedReservations: __spreadArray([], changedReservations, true),
    };
}
