"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RESERVE_ORDER_LUA = void 0;
var common_lua_1 = require("./common.lua");
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
exports.RESERVE_ORDER_LUA = "".concat(common_lua_1.COMMON_LUA, "\nlocal prefix, order_id, channel, now_iso = ARGV[1], ARGV[2], ARGV[3], ARGV[4]\nlocal now_ms, cart_id, n, retention = tonumber(ARGV[5]), ARGV[6], tonumber(ARGV[7]), tonumber(ARGV[8])\nlocal done = redis.call('GET', KEYS[1])\nif done then return done end\n\nlocal lines, left = {}, {}\nfor i = 1, n do\n  local base = 8 + (i - 1) * 3\n  local sku, key, rid = ARGV[base + 1], KEYS[2 + i], ARGV[base + 3]\n  local avail = read_counter(key, rid)\n  if not avail then return cjson.encode({ status = 'missing', sku = sku }) end\n  -- Per sku, not per line: two lines of one sku draw on one counter. The newest\n  -- read of a counter includes every precounted unit given back so far.\n  left[sku] = avail\n  lines[i] = { sku = sku, qty = tonumber(ARGV[base + 2]), rid = rid, key = key }\nend\n\nlocal holds = {}\nif cart_id ~= '' then\n  local flat = redis.call('HGETALL', KEYS[3 + n])\n  for j = 1, #flat, 2 do\n    local h = redis.call('HMGET', prefix .. 'res:' .. flat[j + 1], 'qty', 'state', 'exp')\n    if h[2] == 'open' then\n      holds[flat[j]] = { rid = flat[j + 1], qty = tonumber(h[1]), expired = tonumber(h[3]) <= now_ms }\n    end\n  end\nend\n\n-- A live hold of the line's quantity becomes that line's reservation (once);\n-- every other hold of the cart is released, its units available to the lines.\nfor _, l in ipairs(lines) do\n  local h = holds[l.sku]\n  if h and not h.used and not h.expired and h.qty == l.qty then\n    l.convert = h.rid\n    h.used = true\n  end\nend\nfor sku, h in pairs(holds) do\n  if not h.used and left[sku] then left[sku] = left[sku] + h.qty end\nend\nlocal short, counted = {}, {}\nfor _, l in ipairs(lines) do\n  if not l.convert then\n    left[l.sku] = left[l.sku] - l.qty\n    if left[l.sku] < 0 and not counted[l.sku] then\n      counted[l.sku] = true\n      short[#short + 1] = l.sku\n    end\n  end\nend\nif #short > 0 then return cjson.encode({ status = 'insufficient', skus = short }) end\n\nlocal released, converted, rids = {}, {}, {}\nfor _, h in pairs(holds) do\n  if not h.used then\n    local reason = h.expired and 'expired' or 'cart_cancel'\n    release(prefix, KEYS[2], h.rid, reason, now_iso, retention)\n    released[#released + 1] = { rid = h.rid, reason = reason }\n  end\nend\nif cart_id ~= '' then redis.call('DEL', KEYS[3 + n]) end\n\nfor i, l in ipairs(lines) do\n  if l.convert then\n    local rkey = prefix .. 'res:' .. l.convert\n    redis.call('HSET', rkey, 'kind', 'order', 'order', order_id)\n    redis.call('HDEL', rkey, 'exp', 'cart')\n    redis.call('EXPIRE', rkey, retention)\n    rids[i] = l.convert\n    converted[#converted + 1] = l.convert\n  else\n    redis.call('HINCRBY', l.key, 'avail', -l.qty)\n    local rkey = prefix .. 'res:' .. l.rid\n    redis.call('HSET', rkey, 'sku', l.sku, 'qty', l.qty, 'state', 'open', 'kind', 'order', 'order', order_id,\n      'ch', channel)\n    redis.call('EXPIRE', rkey, retention)\n    push_event(KEYS[2], reserved_event(l.rid, l.sku, l.qty, channel, order_id, now_iso))\n    rids[i] = l.rid\n  end\nend\nlocal outcome = cjson.encode({ status = 'reserved', rids = rids, released = released, converted = converted })\nredis.call('SET', KEYS[1], outcome, 'EX', retention)\nreturn outcome\n");
