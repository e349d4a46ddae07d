/**
 * Lua shared by the scripts (prepended to each). No key is built here: every key
 * a script touches arrives in KEYS (Redis Cluster routes by KEYS, see docs/pools.md).
 *
 * A counter is the hash stock:{<sku>}: `ver` (ledger version folded in), one
 * field `l:<locationId>` per location with its available units, and `pre:<rid>`
 * for each intent a rebuild precounted (JSON allocations it took out).
 *
 *   event_id(action, rid)   same name-based UUID as reservationEventId() in TypeScript
 *   read_counter(key, rid)  the counter's locations, settling what a rebuild precounted for rid
 *   candidates(...)         a pool's locations in priority order (default: every location, lowest id first)
 *   allocate(...)           allocateInOrder of ledger-core: take in order, never below 0
 *   push_event(...)         appends an event to the outbox in the same atomic step as the counter move,
 *                           as the bare event JSON or, with the request's trace context (a JSON
 *                           object of W3C headers), as {"trace":...,"event":...} (outbox-entry.ts)
 *   release(...)            gives an open reservation's units back to where they came from, once
 */
export const COMMON_LUA = `
local function event_id(action, rid)
  local h = redis.sha1hex('stockflow:' .. action .. ':' .. rid)
  local variant = string.format('%x', tonumber(string.sub(h, 17, 17), 16) % 4 + 8)
  return string.sub(h, 1, 8) .. '-' .. string.sub(h, 9, 12) .. '-5' .. string.sub(h, 14, 16) .. '-' ..
    variant .. string.sub(h, 18, 20) .. '-' .. string.sub(h, 21, 32)
end

-- The counter as { avail = {loc -> units}, ids = sorted location ids }, or nil when
-- it is missing. A rebuilt counter records, as field pre:<rid>, the units it already
-- took out for an intent whose script may not have run (hydrate.lua): those go back
-- first and the field goes, so the script decides as if there had been no rebuild.
local function read_counter(stock_key, rid)
  local flat = redis.call('HGETALL', stock_key)
  if #flat == 0 then return nil end
  local avail, ids, pre = {}, {}, nil
  for j = 1, #flat, 2 do
    local f = flat[j]
    if string.sub(f, 1, 2) == 'l:' then
      local loc = string.sub(f, 3)
      avail[loc] = tonumber(flat[j + 1])
      ids[#ids + 1] = loc
    elseif f == 'pre:' .. rid then
      pre = flat[j + 1]
    end
  end
  if pre then
    for _, a in ipairs(cjson.decode(pre)) do
      avail[a.locationId] = redis.call('HINCRBY', stock_key, 'l:' .. a.locationId, a.quantity)
      if not avail[a.locationId] then ids[#ids + 1] = a.locationId end
    end
    redis.call('HDEL', stock_key, 'pre:' .. rid)
  end
  table.sort(ids)
  return { avail = avail, ids = ids }
end

-- pool: location ids in priority order, or nil for the default pool (every location of the sku).
local function candidates(counter, pool)
  return pool or counter.ids
end

-- allocateInOrder: each location gives up to its available (nothing at or below 0).
-- Takes from left (loc -> units) as it goes; returns allocations and what stays short.
local function allocate(left, order, qty)
  local allocations, need = {}, qty
  for _, loc in ipairs(order) do
    if need == 0 then break end
    local have = left[loc] or 0
    local take = math.min(need, math.max(0, have))
    if take > 0 then
      allocations[#allocations + 1] = { locationId = loc, quantity = take }
      left[loc] = have - take
      need = need - take
    end
  end
  return allocations, need
end

local function take(stock_key, allocations)
  for _, a in ipairs(allocations) do redis.call('HINCRBY', stock_key, 'l:' .. a.locationId, -a.quantity) end
end

local function push_event(outbox, ev, trace)
  ev.schemaVersion = 1
  if trace and trace ~= '' then
    redis.call('RPUSH', outbox, '{"trace":' .. trace .. ',"event":' .. cjson.encode(ev) .. '}')
  else
    redis.call('RPUSH', outbox, cjson.encode(ev))
  end
end

local function reserved_event(rid, sku, qty, channel, order_id, now_iso, allocations)
  local ev = { eventId = event_id('reserved', rid), type = 'StockReserved', sku = sku, channel = channel,
    occurredAt = now_iso, reservationId = rid, quantity = qty, allocations = allocations }
  if order_id and order_id ~= '' then ev.orderId = order_id end
  return ev
end

-- Returns the released quantity, or 0 when the reservation is not open (already
-- released, or unknown): a second release never gives units back twice.
local function release(outbox, rid, rkey, skey, reason, now_iso, retention, trace)
  local r = redis.call('HMGET', rkey, 'sku', 'qty', 'state', 'ch', 'alloc')
  if r[3] ~= 'open' then return 0 end
  local qty = tonumber(r[2])
  -- A missing counter is rebuilt by hydration from Postgres and the ledger; creating
  -- it here would make a counter that knows nothing but this release.
  if redis.call('EXISTS', skey) == 1 and r[5] then
    for _, a in ipairs(cjson.decode(r[5])) do redis.call('HINCRBY', skey, 'l:' .. a.locationId, a.quantity) end
  end
  redis.call('HSET', rkey, 'state', 'released')
  redis.call('EXPIRE', rkey, retention)
  push_event(outbox, { eventId = event_id('released', rid), type = 'ReservationReleased', sku = r[1],
    channel = r[4], occurredAt = now_iso, reservationId = rid, quantity = qty, reason = reason }, trace)
  return qty
end
`;
