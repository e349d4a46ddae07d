"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RELEASE_HOLDS_LUA = void 0;
var common_lua_1 = require("./common.lua");
/**
 * Releases holds: a whole cart (cart cancel) or the given holds that are past due (expiry).
 *
 * KEYS[1] outbox   KEYS[2] cart:<cartId> (mode 'cart' only)
 * ARGV    prefix, mode ('cart' | 'expire'), nowIso, nowMs, retentionSeconds, then rids (mode 'expire')
 *
 * Atomicity: each release gives units back and marks the reservation released in
 * one step with its ReservationReleased in the outbox, so two concurrent releases
 * (cancel racing expiry, a retried job) give the units back once. A hold that was
 * converted into an order, or extended past now, is left alone.
 * Returns JSON {released, unknown, gone}: rids released now; rids without a registry
 * entry (hydrate first); rids already released before (their Postgres row may lag).
 */
exports.RELEASE_HOLDS_LUA = "".concat(common_lua_1.COMMON_LUA, "\nlocal prefix, mode, now_iso = ARGV[1], ARGV[2], ARGV[3]\nlocal now_ms, retention = tonumber(ARGV[4]), tonumber(ARGV[5])\nlocal released, unknown, gone = {}, {}, {}\nif mode == 'cart' then\n  local flat = redis.call('HGETALL', KEYS[2])\n  for j = 1, #flat, 2 do\n    if release(prefix, KEYS[1], flat[j + 1], 'cart_cancel', now_iso, retention) > 0 then\n      released[#released + 1] = flat[j + 1]\n    end\n  end\n  redis.call('DEL', KEYS[2])\nelse\n  for j = 6, #ARGV do\n    local rid = ARGV[j]\n    local r = redis.call('HMGET', prefix .. 'res:' .. rid, 'kind', 'state', 'exp', 'cart', 'sku')\n    if not r[2] then\n      unknown[#unknown + 1] = rid\n    elseif r[2] == 'released' then\n      gone[#gone + 1] = rid\n    elseif r[1] == 'hold' and r[2] == 'open' and tonumber(r[3]) <= now_ms then\n      release(prefix, KEYS[1], rid, 'expired', now_iso, retention)\n      local ckey = prefix .. 'cart:' .. r[4]\n      if redis.call('HGET', ckey, r[5]) == rid then redis.call('HDEL', ckey, r[5]) end\n      released[#released + 1] = rid\n    end\n  end\nend\nreturn cjson.encode({ released = released, unknown = unknown, gone = gone })\n");
