import { COMMON_LUA } from './common.lua';

/**
 * Holds units of one sku for a cart at locations (replacing the cart's previous hold of it).
 *
 * KEYS[1] stock:{<sku>}   KEYS[2] cart:<cartId>   KEYS[3] res:{<sku>}:<rid>   KEYS[4] outbox
 * KEYS[5] res:{<sku>}:<oldRid>, only when ARGV[9] is not empty
 * ARGV    cartId, sku, quantity, rid, channel, nowIso, deadlineMs, retentionSeconds,
 *         oldRid (the cart's hold of the sku as the caller read it, '' = none: the
 *         script answers 'retry' if the cart says otherwise), poolCount, pool location ids
 *         in priority order (0 = default pool: every location, lowest id first), then the
 *         request's trace context (JSON of its W3C headers, '' = none) for the events
 *
 * Atomicity: the allocation, the release of the previous hold (its units count
 * as available at their locations) and the new decrements are one step, so the
 * cart never holds the sku twice and a 409 changes nothing.
 * Returns JSON {status:'held', replaced, allocations} | {status:'insufficient', available}
 *            | {status:'missing'} | {status:'retry'}.
 */
export const HOLD_LUA = `${COMMON_LUA}
local cart_id, sku, qty, rid = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local channel, now_iso, deadline, retention, old = ARGV[5], ARGV[6], ARGV[7], tonumber(ARGV[8]), ARGV[9]
local pool_count = tonumber(ARGV[10])
local pool = nil
if pool_count > 0 then
  pool = {}
  for j = 1, pool_count do pool[j] = ARGV[10 + j] end
end
local trace = ARGV[11 + pool_count] or ''
if (redis.call('HGET', KEYS[2], sku) or '') ~= old then return cjson.encode({ status = 'retry' }) end
local counter = read_counter(KEYS[1], rid)
if not counter then return cjson.encode({ status = 'missing' }) end
local left = counter.avail
if old ~= '' then
  local r = redis.call('HMGET', KEYS[5], 'state', 'alloc')
  if r[1] == 'open' then
    for _, a in ipairs(cjson.decode(r[2] or '[]')) do
      if left[a.locationId] == nil then
        counter.ids[#counter.ids + 1] = a.locationId
        table.sort(counter.ids)
      end
      left[a.locationId] = (left[a.locationId] or 0) + a.quantity
    end
  end
end
local order = pool or counter.ids
local available = 0
for _, loc in ipairs(order) do available = available + math.max(0, left[loc] or 0) end
local allocations, need = allocate(left, order, qty)
if need > 0 then return cjson.encode({ status = 'insufficient', available = available }) end
if old ~= '' then release(KEYS[4], old, KEYS[5], KEYS[1], 'cart_cancel', now_iso, retention, trace) end
take(KEYS[1], allocations)
redis.call('HSET', KEYS[3], 'sku', sku, 'qty', qty, 'state', 'open', 'kind', 'hold', 'cart', cart_id,
  'exp', deadline, 'ch', channel, 'alloc', cjson.encode(allocations))
redis.call('HSET', KEYS[2], sku, rid)
push_event(KEYS[4], reserved_event(rid, sku, qty, channel, '', now_iso, allocations), trace)
return cjson.encode({ status = 'held', replaced = old, allocations = allocations })
`;
