/**
 * Moves a sku's location counters by what the ledger applied that they do not know
 * yet (receipts, POS sales, adjustments, counts, a channel's own reservations):
 * exactly once per ledger version range.
 *
 * KEYS[1] stock:{<sku>}
 * ARGV    previousVersion, version, then per location: locationId, available delta
 *         (externalLocationDeltas of one inventory.stock-levels message)
 *
 * Atomicity: the version check and every location's increment are one step; a
 * re-delivered or older message is skipped, and a gap (a version range the
 * counter never saw) is reported instead of guessed, so the caller rebuilds the
 * counter by hydration. Returns 'applied' | 'stale' | 'gap' | 'missing'.
 */
export const APPLY_LEVEL_LUA = `
local ver = redis.call('HGET', KEYS[1], 'ver')
if not ver then return 'missing' end
ver = tonumber(ver)
if ver >= tonumber(ARGV[2]) then return 'stale' end
if ver ~= tonumber(ARGV[1]) then return 'gap' end
for j = 3, #ARGV, 2 do redis.call('HINCRBY', KEYS[1], 'l:' .. ARGV[j], ARGV[j + 1]) end
redis.call('HSET', KEYS[1], 'ver', ARGV[2])
return 'applied'
`;
