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
exports.decodeBatch = decodeBatch;
exports.foldDecoded = foldDecoded;
var contracts_1 = require("@stockflow/contracts");
var ledger_core_1 = require("@stockflow/ledger-core");
/**
 * Decodes one partition batch. The ledger and replay share it (and foldDecoded)
 * so that a rebuild applies exactly the rules that built the live projections.
 */
function decodeBatch(messages) {
    var rejected = [];
    var events = [];
    var occurrences = new Map();
    var skus = new Set();
    var reservationIds = new Set();
    for (var _i = 0, messages_1 = messages; _i < messages_1.length; _i++) {
        var message = messages_1[_i];
        var decoded = (0, contracts_1.decodeLogMessage)(message);
        if (!decoded.ok) {
            rejected.push({ message: message, code: decoded.code, reason: decoded.reason, details: decoded.details });
            continue;
        }
        var event_1 = decoded.event;
        events.push(event_1);
        skus.add(event_1.sku);
        if ('reservationId' in event_1)
            reservationIds.add(event_1.reservationId);
        var seen = occurrences.get(event_1.eventId);
        if (seen)
            seen.push({ message: message, event: event_1 });
        else
            occurrences.set(event_1.eventId, [{ message: message, event: event_1 }]);
    }
    return {
        events: events,
        rejected: rejected,
        occurrences: occurrences,
        keys: { skus: __spreadArray([], skus, true), reservationIds: __spreadArray([], reservationIds, true), eventIds: __spreadArray([], occurrences.keys(), true) },
    };
}
/** Folds a decoded batch of `partition` over `before`, the slice its keys name. Pure. */
function foldDecoded(before, decoded, partition) {
    var _a;
    var result = (0, ledger_core_1.foldEvents)(before, decoded.events);
    var rejected = __spreadArray([], decoded.rejected, true);
    // A refused occurrence of an eventId always precedes its applied one (once
    // applied, later copies are duplicates), so refusals consume occurrences in
    // order and an entry belongs to the first occurrence not consumed: its
    // message gives the log position, its event the journal's copy (a re-sent
    // eventId may carry a different body than the one applied).
    var consumed = new Map();
    var next = function (eventId) { var _a; return decoded.occurrences.get(eventId)[(_a = consumed.get(eventId)) !== null && _a !== void 0 ? _a : 0]; };
    for (var _i = 0, _b = result.refusals; _i < _b.length; _i++) {
        var refusal = _b[_i];
        var details = refusal.current === undefined ? undefined : { current: refusal.current };
        rejected.push({ message: next(refusal.eventId).message, code: refusal.code, reason: refusal.reason, details: details });
        consumed.set(refusal.eventId, ((_a = consumed.get(refusal.eventId)) !== null && _a !== void 0 ? _a : 0) + 1);
    }
    var sources = new Map();
    for (var _c = 0, _d = result.entries; _c < _d.length; _c++) {
        var entry = _d[_c];
        var _e = next(entry.eventId), message = _e.message, event_2 = _e.event;
        sources.set(entry.eventId, { event: event_2, position: { partition: partition, offset: message.offset } });
    }
    return { result: result, rejected: rejected, sources: sources };
}
