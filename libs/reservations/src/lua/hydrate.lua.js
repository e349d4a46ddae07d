"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HYDRATE_LUA = void 0;
/**
 * Rebuilds one sku's counter and the registry of its open reservations, only if
 * the counter is missing (the first of several concurrent hydrations wins).
 *
 * KEYS[1] stock:<sku>   KEYS[2] outbox
 * ARGV    prefix, avail, ver, retentionSeconds, reservationCount, precountedCount, then per open
 *         reservation: rid, qty, kind, cartId, orderId, expiresAtMs, channel; then per precounted
 *         intent: rid, qty; then events to re-publish (JSON)
 *
 * A precounted intent is one `avail` already excludes although its script may
 * not have run: it is remembered in the counter as field `pre:<rid>` = qty, which
 * the reserve and hold scripts settle (see read_counter).
 *
 * Atomicity: counter, registry entries and re-published events appear together or
 * not at all; while the counter is missing every reservation of the sku fails
 * closed ('missing'), so no reservation can slip between the Postgres snapshot the
 * values come from and this write. Returns 1 when it wrote, 0 when the counter existed.
 */
exports.HYDRATE_LUA = "\nif redis.call('EXISTS', KEYS[1]) == 1 then return 0 end\nlocal prefix, retention = ARGV[1], tonumber(ARGV[4])\nlocal count, precounted = tonumber(ARGV[5]), tonumber(ARGV[6])\nlocal sku = string.sub(KEYS[1], #prefix + 7)\nredis.call('HSET', KEYS[1], 'avail', ARGV[2], 'ver', ARGV[3])\nfor i = 1, count do\n  local b = 6 + (i - 1) * 7\n  local rid, kind, cart = ARGV[b + 1], ARGV[b + 3], ARGV[b + 4]\n  local rkey = prefix .. 'res:' .. rid\n  if redis.call('EXISTS', rkey) == 0 then\n    redis.call('HSET', rkey, 'sku', sku, 'qty', ARGV[b + 2], 'state', 'open', 'kind', kind, 'ch', ARGV[b + 7])\n    if kind == 'hold' then\n      redis.call('HSET', rkey, 'cart', cart, 'exp', ARGV[b + 6])\n      redis.call('HSETNX', prefix .. 'cart:' .. cart, sku, rid)\n    else\n      redis.call('HSET', rkey, 'order', ARGV[b + 5])\n      redis.call('EXPIRE', rkey, retention)\n    end\n  end\nend\nlocal p = 6 + count * 7\nfor i = 1, precounted do\n  redis.call('HSET', KEYS[1], 'pre:' .. ARGV[p + 1], ARGV[p + 2])\n  p = p + 2\nend\nfor i = p + 1, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end\nreturn 1\n";
