import { COMMON_LUA } from './common.lua';

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
export const RELEASE_HOLDS_LUA = `${COMMON_LUA}
local prefix, mode, now_iso = ARGV[1], ARGV[2], ARGV[3]
local now_ms, retention = tonumber(ARGV[4]), tonumber(ARGV[5])
local released, unknown, gone = {}, {}, {}
if mode == 'cart' then
  local flat = redis.call('HGETALL', KEYS[2])
  for j = 1, #flat, 2 do
    if release(prefix, KEYS[1], flat[j + 1], 'cart_cancel', now_iso, retention) > 0 then
      released[#released + 1] = flat[j + 1]
    end
  end
  redis.call('DEL', KEYS[2])
else
  for j = 6, #ARGV do
    local rid = ARGV[j]
    local r = redis.call('HMGET', prefix .. 'res:' .. rid, 'kind', 'state', 'exp', 'cart', 'sku')
    if not r[2] then
      unknown[#unknown + 1] = rid
    elseif r[2] == 'released' then
      gone[#gone + 1] = rid
    elseif r[1] == 'hold' and r[2] == 'open' and tonumber(r[3]) <= now_ms then
      release(prefix, KEYS[1], rid, 'expired', now_iso, retention)
      local ckey = prefix .. 'cart:' .. r[4]
      if redis.call('HGET', ckey, r[5]) == rid then redis.call('HDEL', ckey, r[5]) end
      released[#released + 1] = rid
    end
  end
end
return cjson.encode({ released = released, unknown = unknown, gone = gone })
`;
