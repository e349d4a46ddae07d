import { COMMON_LUA } from './common.lua';

/**
 * Reserves every line of an order at locations, or nothing (all-or-nothing),
 * converting the cart's holds when the order names a cart.
 *
 * KEYS[1]               order:<orderId>   outcome of a previous run (idempotency)
 * KEYS[2]               outbox
 * KEYS[3+2(i-1)], +1    stock:{<sku>} and res:{<sku>}:<rid> of line i (two lines may name the same sku)
 * KEYS[3+2n]            cart:<cartId>     only when ARGV[5] is not empty
 * then per hold j       res:{<sku>}:<rid> and stock:{<sku>} of the cart's hold j
 * ARGV                  orderId, channel, nowIso, nowMs, cartId ('' = none), n, retentionSeconds,
 *                       poolCount, the pool's location ids in priority order (0 = default pool:
 *                       every location of the sku, lowest id first), then per line: sku, quantity,
 *                       reservationId; then holdCount and per hold: sku, rid (what the caller read
 *                       from the cart: the script answers 'retry' if the cart no longer says so);
 *                       last, the trace context of the request (JSON of its W3C headers, '' = none),
 *                       which every event of the order carries into the outbox
 *
 * Atomicity: Redis runs the script alone, so the allocation of every line and
 * every decrement happen with no other reservation in between: either all lines
 * fit and all are taken, or nothing changes. Each line takes from the pool's
 * locations in order, each location down to 0 and never below, splitting the
 * line when one location cannot cover it: allocateOrder of ledger-core. Two pools
 * sharing a location draw on its one counter field, so together they can never
 * take more than it holds. Re-running for the same order returns the stored
 * outcome and changes nothing. A hold of exactly the line's quantity is
 * converted (its allocation stays, no second StockReserved); every other hold of
 * the cart is released, its units back at its locations before the lines are
 * allocated. What a rebuilt counter precounted for a line's intent goes back
 * before the check (read_counter).
 *
 * Returns JSON: {status:'reserved', rids, allocations (per line), released: [{rid, reason}], converted}
 *             | {status:'insufficient', skus} | {status:'missing', sku} | {status:'retry'}
 */
export const RESERVE_ORDER_LUA = `${COMMON_LUA}
local order_id, channel, now_iso = ARGV[1], ARGV[2], ARGV[3]
local now_ms, cart_id, n, retention = tonumber(ARGV[4]), ARGV[5], tonumber(ARGV[6]), tonumber(ARGV[7])
local done = redis.call('GET', KEYS[1])
if done then return done end

local pool_count = tonumber(ARGV[8])
local pool = nil
if pool_count > 0 then
  pool = {}
  for j = 1, pool_count do pool[j] = ARGV[8 + j] end
end
local base = 8 + pool_count
local hold_base = base + 3 * n
local hold_count = tonumber(ARGV[hold_base + 1])
local trace = ARGV[hold_base + 2 * hold_count + 2] or ''

local holds = {}
if cart_id ~= '' then
  local cart_key = KEYS[3 + 2 * n]
  local flat = redis.call('HGETALL', cart_key)
  if #flat ~= 2 * hold_count then return cjson.encode({ status = 'retry' }) end
  local now_in_cart = {}
  for j = 1, #flat, 2 do now_in_cart[flat[j]] = flat[j + 1] end
  for j = 1, hold_count do
    local sku, rid = ARGV[hold_base + 2 * j], ARGV[hold_base + 2 * j + 1]
    if now_in_cart[sku] ~= rid then return cjson.encode({ status = 'retry' }) end
    local rkey, skey = KEYS[3 + 2 * n + 2 * j - 1], KEYS[3 + 2 * n + 2 * j]
    local h = redis.call('HMGET', rkey, 'qty', 'state', 'exp', 'alloc')
    if h[2] == 'open' then
      holds[sku] = { rid = rid, rkey = rkey, skey = skey, qty = tonumber(h[1]), expired = tonumber(h[3]) <= now_ms,
        alloc = cjson.decode(h[4] or '[]') }
    end
  end
end

local lines, left, ids = {}, {}, {}
for i = 1, n do
  local b = base + (i - 1) * 3
  local sku, rid = ARGV[b + 1], ARGV[b + 3]
  local key, rkey = KEYS[3 + 2 * (i - 1)], KEYS[4 + 2 * (i - 1)]
  local counter = read_counter(key, rid)
  if not counter then return cjson.encode({ status = 'missing', sku = sku }) end
  -- Per sku, not per line: two lines of one sku draw on one counter. The newest
  -- read of a counter includes every precounted unit given back so far.
  left[sku], ids[sku] = counter.avail, counter.ids
  lines[i] = { sku = sku, qty = tonumber(ARGV[b + 2]), rid = rid, key = key, rkey = rkey }
end

-- A live hold of the line's quantity becomes that line's reservation (once);
-- every other hold of the cart is released, its units available to the lines.
for _, l in ipairs(lines) do
  local h = holds[l.sku]
  if h and not h.used and not h.expired and h.qty == l.qty then
    l.convert = h
    h.used = true
  end
end
for sku, h in pairs(holds) do
  if not h.used and left[sku] then
    for _, a in ipairs(h.alloc) do
      if left[sku][a.locationId] == nil then
        ids[sku][#ids[sku] + 1] = a.locationId
        table.sort(ids[sku])
      end
      left[sku][a.locationId] = (left[sku][a.locationId] or 0) + a.quantity
    end
  end
end
local short, counted = {}, {}
for _, l in ipairs(lines) do
  if not l.convert then
    local need
    l.allocations, need = allocate(left[l.sku], pool or ids[l.sku], l.qty)
    if need > 0 and not counted[l.sku] then
      counted[l.sku] = true
      short[#short + 1] = l.sku
    end
  end
end
if #short > 0 then return cjson.encode({ status = 'insufficient', skus = short }) end

local released, converted, rids, allocations = {}, {}, {}, {}
for _, h in pairs(holds) do
  if not h.used then
    local reason = h.expired and 'expired' or 'cart_cancel'
    release(KEYS[2], h.rid, h.rkey, h.skey, reason, now_iso, retention, trace)
    released[#released + 1] = { rid = h.rid, reason = reason }
  end
end
if cart_id ~= '' then redis.call('DEL', KEYS[3 + 2 * n]) end

for i, l in ipairs(lines) do
  if l.convert then
    redis.call('HSET', l.convert.rkey, 'kind', 'order', 'order', order_id)
    redis.call('HDEL', l.convert.rkey, 'exp', 'cart')
    redis.call('EXPIRE', l.convert.rkey, retention)
    rids[i] = l.convert.rid
    allocations[i] = l.convert.alloc
    converted[#converted + 1] = l.convert.rid
  else
    take(l.key, l.allocations)
    redis.call('HSET', l.rkey, 'sku', l.sku, 'qty', l.qty, 'state', 'open', 'kind', 'order', 'order', order_id,
      'ch', channel, 'alloc', cjson.encode(l.allocations))
    redis.call('EXPIRE', l.rkey, retention)
    push_event(KEYS[2], reserved_event(l.rid, l.sku, l.qty, channel, order_id, now_iso, l.allocations), trace)
    rids[i] = l.rid
    allocations[i] = l.allocations
  end
end
local outcome = cjson.encode({ status = 'reserved', rids = rids, allocations = allocations, released = released,
  converted = converted })
redis.call('SET', KEYS[1], outcome, 'EX', retention)
return outcome
`;
