"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodePoolEvent = decodePoolEvent;
/**
 * Reads one message of inventory.pools. Only the gateway writes the topic, after
 * validating the definition, so anything else is a foreign write: readers skip
 * it (and count it) rather than stall every pool change behind it.
 */
function decodePoolEvent(value) {
    if (value === null)
        return undefined;
    var raw;
    try {
        raw = JSON.parse(value.toString());
    }
    catch (_a) {
        return undefined;
    }
    if (raw === null || typeof raw !== 'object')
        return undefined;
    var event = raw;
    if (typeof event.poolId !== 'string' || typeof event.eventId !== 'string')
        return undefined;
    if (event.type === 'PoolDeleted')
        return event;
    if (event.type !== 'PoolDefined' || !Array.isArray(event.locations) || !Array.isArray(event.channels))
        return undefined;
    var locationsOk = event.locations.every(function (l) { return typeof (l === null || l === void 0 ? void 0 : l.locationId) === 'string' && Number.isInteger(l === null || l === void 0 ? void 0 : l.priority); });
    return locationsOk && event.channels.every(function (c) { return typeof c === 'string'; }) ? event : undefined;
}
