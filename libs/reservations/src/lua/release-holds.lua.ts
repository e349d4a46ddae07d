import { COMMON_LUA } from './common.lua';

/**
 * Releases holds: a whole cart (cart cancel) or the given holds that are past due
 * (expiry), each hold's units back at the locations they were taken from.
 *
 * mode 'cart':   KEYS[1] outbox, KEYS[2] cart:<cartId>, then per hold: res:{<sku>}:<rid>, stock:{<sku>}
 *                ARGV mode, nowIso, nowMs, retentionSeconds, then per hold: sku, rid (what the
 *                caller read from the cart; the script answers 'retry' if the cart says otherwise)
 * mode 'expire': KEYS[1] outbox, then per hold: res:{<sku>}:<rid>, stock:{<sku>}, cart:<cartId>
 *                ARGV mode, nowIso, nowMs, retentionSeconds, then per hold: sku, rid
 *
 * Atomicity: each release gives units back and marks the reservation released in
 * one step with its ReservationReleased in the outbox, so two concurrent releases
 * (cancel racing expiry, a retried job) give the units back once. A hold that was
 * converted into an order, or extended past now, is left alone.
 * Returns JSON {released, unknown, gone} | {status:'retry'}: rids released now; rids
 * without a registry entry (hydrate first); rids already released before (their Postgres row may lag).
 */
export const RELEASE_HOLDS_LUA = `${COMMON_LUA}
local mode, now_iso = ARGV[1], ARGV[2]
local now_ms, retention = tonumber(ARGV[3]), tonumber(ARGV[4])
local count = (#ARGV - 4) / 2
local released, unknown, gone = {}, {}, {}
if mode == 'cart' then
  local flat = redis.call('HGETALL', KEYS[2])
  if #flat ~= 2 * count then return cjson.encode({ status = 'retry' }) end
  local in_cart = {}
  for j = 1, #flat, 2 do in_cart[flat[j]] = flat[j + 1] end
  for j = 1, count do
    if in_cart[ARGV[3 + 2 * j]] ~= ARGV[4 + 2 * j] then return cjson.encode({ status = 'retry' }) end
  end
  for j = 1, count do
    local rid = ARGV[4 + 2 * j]
    if release(KEYS[1], rid, KEYS[1 + 2 * j], KEYS[2 + 2 * j], 'cart_cancel', now_iso, retention) > 0 then
      released[#released + 1] = rid
    end
  end
  redis.call('DEL', KEYS[2])
else
  for j = 1, count do
    local sku, rid = ARGV[3 + 2 * j], ARGV[4 + 2 * j]
    local rkey, skey, ckey = KEYS[2 + 3 * (j - 1)], KEYS[3 + 3 * (j - 1)], KEYS[4 + 3 * (j - 1)]
    local r = redis.call('HMGET', rkey, 'kind', 'state', 'exp')
    if not r[2] then
      unknown[#unknown + 1] = rid
    elseif r[2] == 'released' then
      gone[#gone + 1] = rid
    elseif r[1] == 'hold' and r[2] == 'open' and tonumber(r[3]) <= now_ms then
      release(KEYS[1], rid, rkey, skey, 'expired', now_iso, retention)
      if redis.call('HGET', ckey, sku) == rid then redis.call('HDEL', ckey, sku) end
      released[#released + 1] = rid
    end
  end
end
return cjson.encode({ released = released, unknown = unknown, gone = gone })
`;
