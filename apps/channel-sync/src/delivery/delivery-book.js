"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DeliveryBook = void 0;
/**
 * The coalescing state of ONE channel, pure (time is passed in, nothing async):
 * per SKU at most one send in flight and at most one newer update waiting, which
 * always holds the newest version seen. A burst of a thousand versions of a SKU
 * therefore costs a handful of calls, the last value always goes out, and a
 * version not newer than the delivered one is dropped.
 *
 * It also answers which input offsets are safe to commit: everything below the
 * lowest offset still waiting for a delivery (or a dead letter). Committing no
 * further is what makes a SIGKILL lose no final value.
 */
var DeliveryBook = /** @class */ (function () {
    function DeliveryBook() {
        /** What the channel is known to show, per SKU (since this process started). */
        this.delivered = new Map();
        this.slots = new Map();
        /** SKUs whose waiting update may go now, oldest first (a Set keeps insertion order). */
        this.ready = new Set();
        /** SKUs whose waiting update must wait for its notBefore. */
        this.waiting = new Set();
        /** Per input partition: the offset after the highest one offered. */
        this.highWater = new Map();
    }
    /** Records that an input message needs no delivery (poison, a SKU the channel does not sell). */
    DeliveryBook.prototype.passOver = function (position) {
        var _a;
        var after = position.offset + 1;
        if (after > ((_a = this.highWater.get(position.partition)) !== null && _a !== void 0 ? _a : -1))
            this.highWater.set(position.partition, after);
    };
    DeliveryBook.prototype.offer = function (update, position, replayIds) {
        var _a;
        if (replayIds === void 0) { replayIds = []; }
        if (position)
            this.passOver(position);
        var done = this.delivered.get(update.sku);
        if (done && update.version <= done.version)
            return 'stale';
        var slot = this.slots.get(update.sku);
        if (!slot) {
            if (done && update.quantity === done.quantity) {
                this.delivered.set(update.sku, { version: update.version, quantity: update.quantity });
                return 'unchanged';
            }
            this.slots.set(update.sku, { next: { update: update, heldFrom: position, attempts: 0, notBefore: 0, replayIds: replayIds } });
            this.ready.add(update.sku);
            return 'queued';
        }
        // Something is waiting or in flight: an older or equal version rides along
        // with it (its effect lands with the newer one), a newer one replaces the waiting one.
        var target = (_a = slot.next) !== null && _a !== void 0 ? _a : (update.version <= slot.inFlight.update.version ? slot.inFlight : undefined);
        if (!target) {
            slot.next = { update: update, heldFrom: position, attempts: 0, notBefore: 0, replayIds: replayIds };
            return 'queued';
        }
        merge(target, { update: update, heldFrom: position, attempts: 0, notBefore: 0, replayIds: replayIds });
        return 'merged';
    };
    /** True if an update may be sent now. */
    DeliveryBook.prototype.hasDue = function (now) {
        this.promote(now);
        return this.ready.size > 0;
    };
    /** The oldest due update, now in flight (the SKU sends nothing else until it settles). */
    DeliveryBook.prototype.takeDue = function (now) {
        this.promote(now);
        var sku = this.ready.values().next().value;
        if (sku === undefined)
            return undefined;
        this.ready.delete(sku);
        var slot = this.slots.get(sku);
        slot.inFlight = slot.next;
        slot.next = undefined;
        return slot.inFlight;
    };
    /** Earliest time a waiting update becomes due, if nothing is due now. */
    DeliveryBook.prototype.nextWakeAt = function () {
        var earliest;
        for (var _i = 0, _a = this.waiting; _i < _a.length; _i++) {
            var sku = _a[_i];
            var at = this.slots.get(sku).next.notBefore;
            if (earliest === undefined || at < earliest)
                earliest = at;
        }
        return earliest;
    };
    /**
     * The send in flight ended for good: delivered (the channel now shows it) or
     * dead-lettered. Releases its offsets; a newer update that arrived meanwhile
     * becomes due. False if `sent` is no longer this SKU's send (a rebalance
     * dropped it), so the caller settles nothing.
     */
    DeliveryBook.prototype.settle = function (sent, delivered) {
        var sku = sent.update.sku;
        var slot = this.slotSending(sent);
        if (!slot)
            return false;
        slot.inFlight = undefined;
        if (delivered)
            this.delivered.set(sku, { version: sent.update.version, quantity: sent.update.quantity });
        if (slot.next)
            this.schedule(sku, slot.next);
        else
            this.slots.delete(sku);
        return true;
    };
    /**
     * The send in flight failed and may be retried. A newer update that arrived
     * meanwhile takes its place (the channel must only catch up with the latest)
     * and inherits the failure count, so a dead channel cannot postpone the dead
     * letter forever by receiving new versions. Returns the merged update, still
     * in flight: the caller either `retry`s it or dead-letters it and `settle`s.
     */
    DeliveryBook.prototype.fail = function (sent) {
        var slot = this.slotSending(sent);
        if (!slot)
            return undefined;
        sent.attempts += 1;
        if (slot.next)
            merge(sent, slot.next);
        slot.next = undefined;
        return sent;
    };
    /** Puts the failed update in flight back to wait until `at`. */
    DeliveryBook.prototype.retry = function (sent, at) {
        var slot = this.slotSending(sent);
        if (!slot)
            return;
        slot.inFlight = undefined;
        sent.notBefore = at;
        // A newer update may have arrived while the caller tried to dead-letter this one.
        if (slot.next)
            merge(sent, slot.next);
        slot.next = sent;
        this.schedule(sent.update.sku, sent);
    };
    /** Input offsets safe to commit, per partition: below the lowest one still held. */
    DeliveryBook.prototype.committable = function () {
        var _a, _b, _c;
        var safe = new Map(this.highWater);
        for (var _i = 0, _d = this.slots.values(); _i < _d.length; _i++) {
            var slot = _d[_i];
            for (var _e = 0, _f = [(_a = slot.inFlight) === null || _a === void 0 ? void 0 : _a.heldFrom, (_b = slot.next) === null || _b === void 0 ? void 0 : _b.heldFrom]; _e < _f.length; _e++) {
                var held = _f[_e];
                if (held && held.offset < ((_c = safe.get(held.partition)) !== null && _c !== void 0 ? _c : held.offset + 1))
                    safe.set(held.partition, held.offset);
            }
        }
        return safe;
    };
    /**
     * Forgets what came from partitions this consumer no longer owns (a rebalance):
     * their new owner reads them again from the committed offset.
     */
    DeliveryBook.prototype.keepPartitions = function (owned) {
        for (var _i = 0, _a = this.slots; _i < _a.length; _i++) {
            var _b = _a[_i], sku = _b[0], slot = _b[1];
            var foreign = [slot.inFlight, slot.next].some(function (p) { return (p === null || p === void 0 ? void 0 : p.heldFrom) && !owned.has(p.heldFrom.partition); });
            if (!foreign)
                continue;
            this.slots.delete(sku);
            this.ready.delete(sku);
            this.waiting.delete(sku);
        }
        for (var _c = 0, _d = this.highWater.keys(); _c < _d.length; _c++) {
            var partition = _d[_c];
            if (!owned.has(partition))
                this.highWater.delete(partition);
        }
    };
    /** SKUs with an update waiting to be sent (not counting sends in flight). */
    DeliveryBook.prototype.waitingCount = function () {
        return this.ready.size + this.waiting.size;
    };
    DeliveryBook.prototype.slotSending = function (sent) {
        var slot = this.slots.get(sent.update.sku);
        return (slot === null || slot === void 0 ? void 0 : slot.inFlight) === sent ? slot : undefined;
    };
    DeliveryBook.prototype.schedule = function (sku, pending) {
        if (pending.notBefore > 0)
            this.waiting.add(sku);
        else
            this.ready.add(sku);
    };
    /** Moves waiting updates whose time has come to the back of the ready queue. */
    DeliveryBook.prototype.promote = function (now) {
        for (var _i = 0, _a = this.waiting; _i < _a.length; _i++) {
            var sku = _a[_i];
            if (this.slots.get(sku).next.notBefore > now)
                continue;
            this.waiting.delete(sku);
            this.ready.add(sku);
        }
    };
    return DeliveryBook;
}());
exports.DeliveryBook = DeliveryBook;
/** Folds `other` into `into`: the newer update wins, offsets and replay rows add up. */
function merge(into, other) {
    var _a;
    if (other.update.version > into.update.version)
        into.update = other.update;
    into.heldFrom = lowest(into.heldFrom, other.heldFrom);
    (_a = into.replayIds).push.apply(_a, other.replayIds);
}
function lowest(a, b) {
    if (!a)
        return b;
    if (!b)
        return a;
    return b.offset < a.offset ? b : a;
}
