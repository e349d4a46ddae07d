"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.availableDelta = availableDelta;
exports.locationAvailableDeltas = locationAvailableDeltas;
function availableDelta(entry) {
    return entry.availableDelta;
}
/** The available delta of each location an entry moved. */
function locationAvailableDeltas(entry) {
    var deltas = new Map();
    for (var _i = 0, _a = entry.stateDeltas; _i < _a.length; _i++) {
        var d = _a[_i];
        if (d.state === 'available')
            deltas.set(d.locationId, d.delta);
    }
    return deltas;
}
