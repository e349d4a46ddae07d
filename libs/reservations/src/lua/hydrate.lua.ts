/**
 * Rebuilds one sku's location counters and the registry of its open
 * reservations, only if the counter is missing (the first of several concurrent
 * hydrations wins).
 *
 * KEYS[1] stock:{<sku>}   KEYS[2] outbox   KEYS[3..2+r] res:{<sku>}:<rid> of each registry entry
 * then cart:<cartId> of each registry entry that is a hold, in entry order
 * ARGV    sku, ver, retentionSeconds, locationCount, per location: locationId, available;
 *         r, per entry: rid, qty, kind, cartId, orderId, expiresAtMs, channel, allocations (JSON);
 *         precountedCount, per precounted intent: rid, allocations taken out (JSON);
 *         then events to re-publish (JSON)
 *
 * A precounted intent is one the location counters already exclude although its
 * script may not have run: it is remembered as field `pre:<rid>`, which the
 * reserve and hold scripts settle (see read_counter).
 *
 * Atomicity: counters, registry entries and re-published events appear together
 * or not at all; while the counter is missing every reservation of the sku fails
 * closed ('missing'), so no reservation can slip between the Postgres snapshot the
 * values come from and this write. Returns 1 when it wrote, 0 when the counter existed.
 */
export const HYDRATE_LUA = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local sku, retention = ARGV[1], tonumber(ARGV[3])
redis.call('HSET', KEYS[1], 'ver', ARGV[2])
local p = 5
for i = 1, tonumber(ARGV[4]) do
  redis.call('HSET', KEYS[1], 'l:' .. ARGV[p], ARGV[p + 1])
  p = p + 2
end
local count = tonumber(ARGV[p])
local cart_key = 3 + count
for i = 1, count do
  local b = p + (i - 1) * 8
  local rid, kind, cart = ARGV[b + 1], ARGV[b + 3], ARGV[b + 4]
  local rkey = KEYS[2 + i]
  local fresh = redis.call('EXISTS', rkey) == 0
  if fresh then
    redis.call('HSET', rkey, 'sku', sku, 'qty', ARGV[b + 2], 'state', 'open', 'kind', kind, 'ch', ARGV[b + 7],
      'alloc', ARGV[b + 8])
  end
  if kind == 'hold' then
    if fresh then
      redis.call('HSET', rkey, 'cart', cart, 'exp', ARGV[b + 6])
      redis.call('HSETNX', KEYS[cart_key], sku, rid)
    end
    cart_key = cart_key + 1
  elseif fresh then
    redis.call('HSET', rkey, 'order', ARGV[b + 5])
    redis.call('EXPIRE', rkey, retention)
  end
end
p = p + count * 8 + 1
for i = 1, tonumber(ARGV[p]) do
  redis.call('HSET', KEYS[1], 'pre:' .. ARGV[p + 1], ARGV[p + 2])
  p = p + 2
end
for i = p + 1, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
return 1
`;
