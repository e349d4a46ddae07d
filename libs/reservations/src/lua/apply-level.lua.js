"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.APPLY_LEVEL_LUA = void 0;
/**
 * Moves a sku's counter by what the ledger applied that the counter does not know
 * yet (receipts, POS sales, adjustments, counts): exactly once per ledger version range.
 *
 * KEYS[1] stock:<sku>
 * ARGV    previousVersion, version, externalAvailableDelta (of one inventory.stock-levels message)
 *
 * Atomicity: the version check and the increment are one step; a re-delivered or
 * older message is skipped, and a gap (a version range the counter never saw) is
 * reported instead of guessed, so the caller rebuilds the counter by hydration.
 * Returns 'applied' | 'stale' | 'gap' | 'missing'.
 */
exports.APPLY_LEVEL_LUA = "\nlocal ver = redis.call('HGET', KEYS[1], 'ver')\nif not ver then return 'missing' end\nver = tonumber(ver)\nif ver >= tonumber(ARGV[2]) then return 'stale' end\nif ver ~= tonumber(ARGV[1]) then return 'gap' end\nredis.call('HINCRBY', KEYS[1], 'avail', ARGV[3])\nredis.call('HSET', KEYS[1], 'ver', ARGV[2])\nreturn 'applied'\n";
