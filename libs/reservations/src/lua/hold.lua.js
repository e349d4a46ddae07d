"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HOLD_LUA = void 0;
var common_lua_1 = require("./common.lua");
/**
 * Holds units of one sku for a cart (replacing the cart's previous hold of it).
 *
 * KEYS[1] stock:<sku>   KEYS[2] cart:<cartId>   KEYS[3] res:<rid>   KEYS[4] outbox
 * ARGV    prefix, cartId, sku, quantity, rid, channel, nowIso, deadlineMs, retentionSeconds
 *
 * Atomicity: the check, the release of the previous hold and the new decrement
 * are one step, so the cart never holds the sku twice and a 409 changes nothing.
 * Returns JSON {status:'held', replaced} | {status:'insufficient', available} | {status:'missing'}.
 */
exports.HOLD_LUA = "".concat(common_lua_1.COMMON_LUA, "\nlocal prefix, cart_id, sku, qty, rid = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]\nlocal channel, now_iso, deadline, retention = ARGV[6], ARGV[7], ARGV[8], tonumber(ARGV[9])\nlocal avail = read_counter(KEYS[1], rid)\nif not avail then return cjson.encode({ status = 'missing' }) end\nlocal old = redis.call('HGET', KEYS[2], sku)\nlocal back = 0\nif old then\n  local r = redis.call('HMGET', prefix .. 'res:' .. old, 'qty', 'state')\n  if r[2] == 'open' then back = tonumber(r[1]) end\nend\nif avail + back < qty then return cjson.encode({ status = 'insufficient', available = avail + back }) end\nif old then release(prefix, KEYS[4], old, 'cart_cancel', now_iso, retention) end\nredis.call('HINCRBY', KEYS[1], 'avail', -qty)\nredis.call('HSET', KEYS[3], 'sku', sku, 'qty', qty, 'state', 'open', 'kind', 'hold', 'cart', cart_id,\n  'exp', deadline, 'ch', channel)\nredis.call('HSET', KEYS[2], sku, rid)\npush_event(KEYS[4], reserved_event(rid, sku, qty, channel, '', now_iso))\nreturn cjson.encode({ status = 'held', replaced = old or '' })\n");
