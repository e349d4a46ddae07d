"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eventResultMessages = eventResultMessages;
var contracts_1 = require("@stockflow/contracts");
/**
 * One result per message of the batch that asked for one (REPLY_TO_HEADER) and
 * that this batch decided (not one the stored offset already covered: its
 * result went out with the batch that decided it). Applied when the journal
 * entry came from this very message; refused when this message was rejected;
 * otherwise its eventId was applied before: duplicate.
 */
function eventResultMessages(messages, folded) {
    var asking = messages.slice(folded.skipped).filter(function (m) { var _a; return ((_a = m.headers) === null || _a === void 0 ? void 0 : _a[contracts_1.REPLY_TO_HEADER]) !== undefined; });
    if (asking.length === 0)
        return [];
    var rejected = new Map(folded.rejected.map(function (r) { return [r.message, r]; }));
    var entries = new Map(folded.result.entries.map(function (e) { return [e.eventId, e]; }));
    return asking.map(function (message) {
        var _a, _b;
        var replyTo = message.headers[contracts_1.REPLY_TO_HEADER].toString();
        var decoded = (0, contracts_1.decodeLogMessage)(message);
        var eventId = decoded.ok ? decoded.event.eventId : readEventId(message);
        var sku = decoded.ok ? decoded.event.sku : undefined;
        var refusal = rejected.get(message);
        var entry = entries.get(eventId);
        var result;
        if (refusal) {
            var current = (_a = refusal.details) === null || _a === void 0 ? void 0 : _a.current;
            result = { replyTo: replyTo, eventId: eventId, sku: sku, outcome: 'refused', code: refusal.code, reason: refusal.reason, current: current };
        }
        else if (entry && ((_b = folded.sources.get(eventId)) === null || _b === void 0 ? void 0 : _b.position.offset) === message.offset) {
            result = {
                replyTo: replyTo,
                eventId: eventId,
                sku: sku,
                outcome: 'applied',
                version: entry.version,
                onHandDelta: entry.onHandDelta,
                availableDelta: entry.availableDelta,
            };
        }
        else {
            result = { replyTo: replyTo, eventId: eventId, sku: sku, outcome: 'duplicate' };
        }
        return { key: replyTo, value: JSON.stringify(result) };
    });
}
/** The eventId of a message that did not decode, if its JSON has one (a poison event can still be answered). */
function readEventId(message) {
    var _a, _b;
    try {
        var id = JSON.parse((_b = (_a = message.value) === null || _a === void 0 ? void 0 : _a.toString()) !== null && _b !== void 0 ? _b : '').eventId;
        return typeof id === 'string' ? id.toLowerCase() : '';
    }
    catch (_c) {
        return '';
    }
}
