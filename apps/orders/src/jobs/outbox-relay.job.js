"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxRelayJob = void 0;
var os_1 = require("os");
var crypto_1 = require("crypto");
var reservations_1 = require("@stockflow/reservations");
/** Produces reservation events from the Redis outbox to inventory.events (one relay process at a time). */
var OutboxRelayJob = /** @class */ (function () {
    function OutboxRelayJob(reservations, publisher, topics) {
        this.reservations = reservations;
        this.publisher = publisher;
        this.topics = topics;
        this.name = 'outbox-relay';
        /** Idle polling: how long a reservation may wait before it heads to the ledger; a busy outbox is drained back to back. */
        this.idleDelayMs = 100;
        this.holder = "".concat((0, os_1.hostname)(), "-").concat(process.pid, "-").concat((0, crypto_1.randomBytes)(3).toString('hex'));
    }
    OutboxRelayJob.prototype.runOnce = function () {
        return (0, reservations_1.relayOutbox)(this.reservations.stock, this.publisher, this.topics.events, this.holder);
    };
    return OutboxRelayJob;
}());
exports.OutboxRelayJob = OutboxRelayJob;
