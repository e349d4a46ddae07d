import { COMMON_LUA } from './common.lua';

/**
 * Reserves every line of an order, or nothing (all-or-nothing), converting the
 * cart's holds when the order names a cart.
 *
 * KEYS[1]        order:<orderId>   outcome of a previous run (idempotency)
 * KEYS[2]        outbox
 * KEYS[3..2+n]   stock:<sku> of line 1..n (two lines may name the same sku)
 * KEYS[3+n]      cart:<cartId>     only when ARGV[6] is not empty
 * ARGV           prefix, orderId, channel, nowIso, nowMs, cartId ('' = none), n,
 *                retentionSeconds, then per line: sku, quantity, reservationId
 *
 * Atomicity: Redis runs the script alone, so the check of every line and every
 * decrement happen with no other reservation in between: either all lines fit and
 * all are taken, or nothing changes. Re-running it for the same order returns the
 * stored outcome and changes nothing. A hold is converted when it holds exactly
 * the line's quantity (no second StockReserved); otherwise it is released and the
 * line reserved afresh, counting the released units as available. Holds of the
 * cart that no line uses are released (cart_cancel, or expired when past due).
 * Lines of the same sku are checked together against its counter. What a rebuilt
 * counter precounted for a line's intent goes back before the check (read_counter).
 *
 * Returns JSON: {status:'reserved', rids, released: [{rid, reason}], converted}
 *             | {status:'insufficient', skus} | {status:'missing', sku}
 */
export const RESERVE_ORDER_LUA = `${COMMON_LUA}
local prefix, order_id, channel, now_iso = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local now_ms, cart_id, n, retention = tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7]), tonumber(ARGV[8])
local done = redis.call('GET', KEYS[1])
if done then return done end

local lines, left = {}, {}
for i = 1, n do
  local base = 8 + (i - 1) * 3
  local sku, key, rid = ARGV[base + 1], KEYS[2 + i], ARGV[base + 3]
  local avail = read_counter(key, rid)
  if not avail then return cjson.encode({ status = 'missing', sku = sku }) end
  -- Per sku, not per line: two lines of one sku draw on one counter. The newest
  -- read of a counter includes every precounted unit given back so far.
  left[sku] = avail
  lines[i] = { sku = sku, qty = tonumber(ARGV[base + 2]), rid = rid, key = key }
end

local holds = {}
if cart_id ~= '' then
  local flat = redis.call('HGETALL', KEYS[3 + n])
  for j = 1, #flat, 2 do
    local h = redis.call('HMGET', prefix .. 'res:' .. flat[j + 1], 'qty', 'state', 'exp')
    if h[2] == 'open' then
      holds[flat[j]] = { rid = flat[j + 1], qty = tonumber(h[1]), expired = tonumber(h[3]) <= now_ms }
    end
  end
end

-- A live hold of the line's quantity becomes that line's reservation (once);
-- every other hold of the cart is released, its units available to the lines.
for _, l in ipairs(lines) do
  local h = holds[l.sku]
  if h and not h.used and not h.expired and h.qty == l.qty then
    l.convert = h.rid
    h.used = true
  end
end
for sku, h in pairs(holds) do
  if not h.used and left[sku] then left[sku] = left[sku] + h.qty end
end
local short, counted = {}, {}
for _, l in ipairs(lines) do
  if not l.convert then
    left[l.sku] = left[l.sku] - l.qty
    if left[l.sku] < 0 and not counted[l.sku] then
      counted[l.sku] = true
      short[#short + 1] = l.sku
    end
  end
end
if #short > 0 then return cjson.encode({ status = 'insufficient', skus = short }) end

local released, converted, rids = {}, {}, {}
for _, h in pairs(holds) do
  if not h.used then
    local reason = h.expired and 'expired' or 'cart_cancel'
    release(prefix, KEYS[2], h.rid, reason, now_iso, retention)
    released[#released + 1] = { rid = h.rid, reason = reason }
  end
end
if cart_id ~= '' then redis.call('DEL', KEYS[3 + n]) end

for i, l in ipairs(lines) do
  if l.convert then
    local rkey = prefix .. 'res:' .. l.convert
    redis.call('HSET', rkey, 'kind', 'order', 'order', order_id)
    redis.call('HDEL', rkey, 'exp', 'cart')
    redis.call('EXPIRE', rkey, retention)
    rids[i] = l.convert
    converted[#converted + 1] = l.convert
  else
    redis.call('HINCRBY', l.key, 'avail', -l.qty)
    local rkey = prefix .. 'res:' .. l.rid
    redis.call('HSET', rkey, 'sku', l.sku, 'qty', l.qty, 'state', 'open', 'kind', 'order', 'order', order_id,
      'ch', channel)
    redis.call('EXPIRE', rkey, retention)
    push_event(KEYS[2], reserved_event(l.rid, l.sku, l.qty, channel, order_id, now_iso))
    rids[i] = l.rid
  end
end
local outcome = cjson.encode({ status = 'reserved', rids = rids, released = released, converted = converted })
redis.call('SET', KEYS[1], outcome, 'EX', retention)
return outcome
`;
