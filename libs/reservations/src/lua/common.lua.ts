/**
 * Lua shared by the scripts (prepended to each). Registry and stock keys of
 * holds found inside a script are built from the prefix (ARGV), so the scripts
 * assume one Redis node (or one hash slot), as the key prefix already does.
 *
 *   event_id(action, rid)  same name-based UUID as reservationEventId() in TypeScript
 *   push_event(...)        appends an event to the outbox in the same atomic step
 *                          as the counter move, so the two can never disagree
 *   release(...)           gives an open reservation's units back exactly once
 *   read_counter(...)      reads a stock counter for a reservation, settling what a
 *                          rebuilt counter precounted for it
 */
export const COMMON_LUA = `
local function event_id(action, rid)
  local h = redis.sha1hex('stockflow:' .. action .. ':' .. rid)
  local variant = string.format('%x', tonumber(string.sub(h, 17, 17), 16) % 4 + 8)
  return string.sub(h, 1, 8) .. '-' .. string.sub(h, 9, 12) .. '-5' .. string.sub(h, 14, 16) .. '-' ..
    variant .. string.sub(h, 18, 20) .. '-' .. string.sub(h, 21, 32)
end

-- The counter's avail as the script of reservation rid may use it, or nil when the
-- counter is missing. A rebuilt counter records, as field pre:<rid> = qty, each
-- intent it already excluded although the intent's script may not have run
-- (hydrate.lua): those units go back first and the field goes, so the script
-- decides and takes exactly as if the counter had never been rebuilt.
local function read_counter(stock_key, rid)
  local counter = redis.call('HMGET', stock_key, 'avail', 'pre:' .. rid)
  if not counter[1] then return nil end
  if not counter[2] then return tonumber(counter[1]) end
  redis.call('HDEL', stock_key, 'pre:' .. rid)
  return redis.call('HINCRBY', stock_key, 'avail', tonumber(counter[2]))
end

local function push_event(outbox, ev)
  ev.schemaVersion = 1
  redis.call('RPUSH', outbox, cjson.encode(ev))
end

local function reserved_event(rid, sku, qty, channel, order_id, now_iso)
  local ev = { eventId = event_id('reserved', rid), type = 'StockReserved', sku = sku, channel = channel,
    occurredAt = now_iso, reservationId = rid, quantity = qty }
  if order_id and order_id ~= '' then ev.orderId = order_id end
  return ev
end

-- Returns the released quantity, or 0 when the reservation is not open (already
-- released, or unknown): a second release never gives units back twice.
local function release(prefix, outbox, rid, reason, now_iso, retention)
  local rkey = prefix .. 'res:' .. rid
  local r = redis.call('HMGET', rkey, 'sku', 'qty', 'state', 'ch')
  if r[3] ~= 'open' then return 0 end
  local qty = tonumber(r[2])
  local skey = prefix .. 'stock:' .. r[1]
  -- A missing counter is rebuilt by hydration from Postgres and the ledger; creating
  -- it here would make a counter that knows nothing but this release.
  if redis.call('EXISTS', skey) == 1 then redis.call('HINCRBY', skey, 'avail', qty) end
  redis.call('HSET', rkey, 'state', 'released')
  redis.call('EXPIRE', rkey, retention)
  push_event(outbox, { eventId = event_id('released', rid), type = 'ReservationReleased', sku = r[1],
    channel = r[4], occurredAt = now_iso, reservationId = rid, quantity = qty, reason = reason })
  return qty
end
`;
