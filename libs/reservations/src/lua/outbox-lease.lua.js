"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.TRIM_IF_LEASED_LUA = exports.LEASE_LUA = void 0;
/**
 * Takes or renews the outbox relay lease.
 * KEYS[1] outbox:lease   ARGV holder, ttlMs
 * Atomicity: compare-and-renew in one step, so a lease is never renewed by a
 * process that lost it. Returns 1 when `holder` holds the lease, else 0.
 */
exports.LEASE_LUA = "\nlocal current = redis.call('GET', KEYS[1])\nif current == ARGV[1] then\n  redis.call('PEXPIRE', KEYS[1], ARGV[2])\n  return 1\nend\nif current then return 0 end\nredis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\nreturn 1\n";
/**
 * Trims relayed entries off the head of the outbox, fenced by the lease.
 * KEYS[1] outbox:lease   KEYS[2] outbox   ARGV holder, count
 * Atomicity: ownership check and LTRIM in one step: a relay that stalled past its
 * lease cannot trim entries the next holder has not sent (it re-sends them, and
 * the ledger drops the duplicates by eventId). Returns 1 when trimmed.
 */
exports.TRIM_IF_LEASED_LUA = "\nif redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end\nredis.call('LTRIM', KEYS[2], ARGV[2], -1)\nreturn 1\n";
