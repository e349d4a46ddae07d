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
exports.emptyDirectory = emptyDirectory;
exports.foldPoolEvent = foldPoolEvent;
exports.poolOfChannel = poolOfChannel;
exports.poolIdOfChannel = poolIdOfChannel;
exports.sortByPriority = sortByPriority;
var contracts_1 = require("@stockflow/contracts");
function emptyDirectory() {
    return { pools: new Map(), channelPools: new Map() };
}
/**
 * Applies one pool event. A definition that would put a channel in two pools is
 * refused whole, here rather than only at the HTTP edge: two gateways may accept
 * conflicting PUTs at once, and every reader must come to the same answer.
 */
function foldPoolEvent(directory, event) {
    var _a, _b;
    var pools = new Map(directory.pools);
    var channelPools = new Map(directory.channelPools);
    var previous = pools.get(event.poolId);
    if (event.type === 'PoolDeleted') {
        if (!previous)
            return { applied: false, code: 'unknown_pool', reason: "pool ".concat(event.poolId, " is not defined") };
        pools.delete(event.poolId);
        for (var _i = 0, _c = previous.channels; _i < _c.length; _i++) {
            var channel = _c[_i];
            channelPools.delete(channel);
        }
        return { applied: true, directory: { pools: pools, channelPools: channelPools } };
    }
    var taken = event.channels.filter(function (c) { var _a; return ((_a = channelPools.get(c)) !== null && _a !== void 0 ? _a : event.poolId) !== event.poolId; });
    if (taken.length > 0) {
        var owners = taken.map(function (c) { return "".concat(c, " (pool ").concat(channelPools.get(c), ")"); }).join(', ');
        return { applied: false, code: 'channel_in_other_pool', reason: "channels already sell from another pool: ".concat(owners) };
    }
    for (var _d = 0, _e = (_a = previous === null || previous === void 0 ? void 0 : previous.channels) !== null && _a !== void 0 ? _a : []; _d < _e.length; _d++) {
        var channel = _e[_d];
        channelPools.delete(channel);
    }
    var pool = {
        poolId: event.poolId,
        locations: sortByPriority(event.locations),
        channels: __spreadArray([], event.channels, true).sort(),
        version: ((_b = previous === null || previous === void 0 ? void 0 : previous.version) !== null && _b !== void 0 ? _b : 0) + 1,
    };
    pools.set(pool.poolId, pool);
    for (var _f = 0, _g = pool.channels; _f < _g.length; _f++) {
        var channel = _g[_f];
        channelPools.set(channel, pool.poolId);
    }
    return { applied: true, directory: { pools: pools, channelPools: channelPools }, pool: pool };
}
/** The pool a channel sells from; undefined means the implicit `default` pool. */
function poolOfChannel(directory, channel) {
    var poolId = directory.channelPools.get(channel);
    return poolId === undefined ? undefined : directory.pools.get(poolId);
}
function poolIdOfChannel(directory, channel) {
    var _a;
    return (_a = directory.channelPools.get(channel)) !== null && _a !== void 0 ? _a : contracts_1.DEFAULT_POOL_ID;
}
/** A pool's locations in reservation order: priority 1 first, ties by locationId. */
function sortByPriority(locations) {
    return __spreadArray([], locations, true).sort(function (a, b) { return a.priority - b.priority || (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0); });
}
