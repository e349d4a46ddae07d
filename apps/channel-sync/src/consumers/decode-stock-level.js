"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeStockLevel = decodeStockLevel;
var contracts_1 = require("@stockflow/contracts");
/**
 * Reads a message of inventory.stock-levels. Channel sync needs only sku,
 * version, available and the locations' available, so only those are checked; anything else about the
 * message is the ledger's business.
 */
function decodeStockLevel(message) {
    var _a;
    if (message.value === null)
        return { ok: false, code: 'tombstone' };
    var raw;
    try {
        raw = JSON.parse(message.value.toString('utf8'));
    }
    catch (error) {
        return { ok: false, code: 'invalid_json', reason: "value is not JSON: ".concat(error.message) };
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return { ok: false, code: 'schema', reason: 'value must be a JSON object' };
    }
    var level = raw;
    var problems = [];
    if (typeof level.sku !== 'string' || !contracts_1.SKU_PATTERN.test(level.sku))
        problems.push("sku must match ".concat(contracts_1.SKU_PATTERN.source));
    if (!Number.isSafeInteger(level.version) || level.version < 1)
        problems.push('version must be a positive integer');
    if (!Number.isSafeInteger(level.available))
        problems.push('available must be an integer');
    // Optional only for messages written before locations existed; a channel's pool sums them.
    var locationsOk = function (l) {
        return l.every(function (x) { return typeof (x === null || x === void 0 ? void 0 : x.locationId) === 'string' && Number.isSafeInteger(x.available); });
    };
    if (level.locations !== undefined && !(Array.isArray(level.locations) && locationsOk(level.locations))) {
        problems.push('locations must be an array of {locationId, available (integer)}');
    }
    var key = (_a = message.key) === null || _a === void 0 ? void 0 : _a.toString();
    // Keyed by SKU so that all of a SKU's versions share a partition; a stray key could reorder them.
    if (problems.length === 0 && key !== level.sku)
        problems.push("message key ".concat(JSON.stringify(key !== null && key !== void 0 ? key : null), " is not the sku"));
    if (problems.length > 0)
        return { ok: false, code: 'schema', reason: problems.join('; ') };
    return { ok: true, level: level };
}
