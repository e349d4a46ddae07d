"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeLogMessage = decodeLogMessage;
var parse_event_1 = require("./parse-event");
/** Turns a raw `inventory.events` record into a contract event; anything else is a poison message with its reason. */
function decodeLogMessage(message) {
    var _a, _b, _c;
    var raw;
    try {
        raw = JSON.parse((_b = (_a = message.value) === null || _a === void 0 ? void 0 : _a.toString('utf8')) !== null && _b !== void 0 ? _b : '');
    }
    catch (error) {
        return { ok: false, message: message, code: 'invalid_json', reason: "value is not JSON: ".concat(error.message) };
    }
    var parsed = (0, parse_event_1.parseEvent)(raw);
    if (!parsed.ok) {
        var reason = parsed.errors.map(function (e) { return "".concat(e.field, ": ").concat(e.messages.join(', ')); }).join('; ');
        return { ok: false, message: message, code: 'schema', reason: reason, details: parsed.errors };
    }
    var key = (_c = message.key) === null || _c === void 0 ? void 0 : _c.toString();
    if (key !== parsed.event.sku) {
        // A wrongly keyed event may sit on another partition than its SKU's history,
        // which would break per-SKU ordering: refuse it rather than apply it out of order.
        return { ok: false, message: message, code: 'schema', reason: "message key ".concat(JSON.stringify(key !== null && key !== void 0 ? key : null), " is not the sku") };
    }
    return { ok: true, message: message, event: parsed.event };
}
