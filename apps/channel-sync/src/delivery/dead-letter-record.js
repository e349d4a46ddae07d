"use strict";
var __rest = (this && this.__rest) || function (s, e) {
    var t = {};
    for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p) && e.indexOf(p) < 0)
        t[p] = s[p];
    if (s != null && typeof Object.getOwnPropertySymbols === "function")
        for (var i = 0, p = Object.getOwnPropertySymbols(s); i < p.length; i++) {
            if (e.indexOf(p[i]) < 0 && Object.prototype.propertyIsEnumerable.call(s, p[i]))
                t[p[i]] = s[p[i]];
        }
    return t;
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.deliveryDeadLetter = deliveryDeadLetter;
/** The channel-sync.dlq record of an update a channel did not take. */
function deliveryDeadLetter(channel, update, failure, payload, now) {
    var _a, _b, _c, _d, _e, _f;
    var source = update.source, changedAt = update.changedAt, stockUpdate = __rest(update, ["source", "changedAt"]);
    void changedAt;
    return {
        channel: channel,
        sku: update.sku,
        code: failure.code,
        reason: failure.reason,
        attempts: failure.attempts,
        update: stockUpdate,
        payload: payload,
        sourceTopic: (_a = source === null || source === void 0 ? void 0 : source.topic) !== null && _a !== void 0 ? _a : '',
        partition: (_b = source === null || source === void 0 ? void 0 : source.partition) !== null && _b !== void 0 ? _b : -1,
        offset: (_c = source === null || source === void 0 ? void 0 : source.offset) !== null && _c !== void 0 ? _c : '-1',
        key: (_d = source === null || source === void 0 ? void 0 : source.key) !== null && _d !== void 0 ? _d : update.sku,
        originalValue: (_f = (_e = source === null || source === void 0 ? void 0 : source.value) === null || _e === void 0 ? void 0 : _e.toString('base64')) !== null && _f !== void 0 ? _f : '',
        failedAt: now.toISOString(),
    };
}
