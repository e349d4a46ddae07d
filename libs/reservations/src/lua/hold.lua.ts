import { COMMON_LUA } from './common.lua';

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
export const HOLD_LUA = `${COMMON_LUA}
local prefix, cart_id, sku, qty, rid = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
local channel, now_iso, deadline, retention = ARGV[6], ARGV[7], ARGV[8], tonumber(ARGV[9])
local avail = read_counter(KEYS[1], rid)
if not avail then return cjson.encode({ status = 'missing' }) end
local old = redis.call('HGET', KEYS[2], sku)
local back = 0
if old then
  local r = redis.call('HMGET', prefix .. 'res:' .. old, 'qty', 'state')
  if r[2] == 'open' then back = tonumber(r[1]) end
end
if avail + back < qty then return cjson.encode({ status = 'insufficient', available = avail + back }) end
if old then release(prefix, KEYS[4], old, 'cart_cancel', now_iso, retention) end
redis.call('HINCRBY', KEYS[1], 'avail', -qty)
redis.call('HSET', KEYS[3], 'sku', sku, 'qty', qty, 'state', 'open', 'kind', 'hold', 'cart', cart_id,
  'exp', deadline, 'ch', channel)
redis.call('HSET', KEYS[2], sku, rid)
push_event(KEYS[4], reserved_event(rid, sku, qty, channel, '', now_iso))
return cjson.encode({ status = 'held', replaced = old or '' })
`;
