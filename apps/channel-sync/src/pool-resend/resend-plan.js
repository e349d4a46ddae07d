"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.affectedChannels = affectedChannels;
exports.movedAvailability = movedAvailability;
var contracts_1 = require("@stockflow/contracts");
var channels_1 = require("@stockflow/channels");
var ledger_core_1 = require("@stockflow/ledger-core");
/**
 * What a pool change can move for a channel: its pool, and the set of
 * locations it sums. A priority change alone moves no number (priorities decide
 * where checkout reserves, not how much a pool holds).
 */
function sellsFrom(directory, channel) {
    var pool = (0, ledger_core_1.poolOfChannel)(directory, channel);
    if (!pool)
        return contracts_1.DEFAULT_POOL_ID;
    return "".concat(pool.poolId, "|").concat(pool.locations.map(function (l) { return l.locationId; }).sort().join(','));
}
/**
 * The channels among `channels` whose numbers a pool change can move: the
 * channels of the old and of the new definition, less those whose pool and
 * locations stayed the same.
 */
function affectedChannels(before, after, channels) {
    return channels.filter(function (channel) { return sellsFrom(before, channel) !== sellsFrom(after, channel); });
}
/**
 * The channel's new availability of the SKU if the pool change moved it (its
 * pool, its pool's available or its sellable), else undefined: only SKUs whose
 * numbers moved are sent again.
 */
function movedAvailability(channel, level, before, after, safety) {
    var old = (0, channels_1.channelAvailability)(channel, level, before, safety);
    var now = (0, channels_1.channelAvailability)(channel, level, after, safety);
    return old.poolId !== now.poolId || old.available !== now.available || old.sellable !== now.sellable ? now : undefined;
}
