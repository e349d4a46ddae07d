"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JOBS = void 0;
/**
 * Background jobs of the orders service (outbox relay, requeue), run by the
 * shared JobLoop (libs/service-kit) like the compaction service's jobs: the loop
 * calls `runOnce` again at once while it returns more than 0, else after the
 * job's `idleDelayMs`. Hold expiry and reconciliation run in the compaction service.
 */
exports.JOBS = Symbol('JOBS');
