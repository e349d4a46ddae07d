/**
 * bench:reserve-locations (run by `npm run bench:reserve` after bench:reserve) —
 * the per-location reserve script beside the single-counter script it
 * replaced, in the same run, on the same Redis.
 *
 * Baseline: the single-counter reserve-order script as it was before
 * reservations were taken at locations (one `avail` field per SKU), kept here
 * only, verbatim, so the comparison stays possible. Per-location: the script
 * checkout uses now (RedisStock.reserveOrders) with a pool of 1, 3 and 10
 * locations. Worst case for the allocation loop: only the pool's LAST location
 * has stock, so every line walks the whole pool before it is placed.
 *
 * Latency = one client, one single-line order at a time; throughput = 16
 * concurrent clients on one shared connection; BENCH_ROUNDS (3) interleaved
 * rounds of BENCH_SECONDS / rounds per cell. Ends with a `bench-result:`
 * JSON line; the target is, with 3 locations, p99 within 1.5x and throughput at
 * least 60 % of the single counter.
 */
import 'reflect-metadata';
import Redis from 'ioredis';
import { randomBytes } from 'crypto';
import { cpus, loadavg } from 'os';
import { RedisStock } from '@stockflow/reservations';
import { CellResult, formatCell, measure, percentile } from './bench-stats';
import { benchResultJson } from './support/cpu-report';
import { deleteKeys, loadAverage } from './support/bench-env';

const SKUS = Array.from({ length: 10 }, (_, i) => `BENCHLOC-${i}`);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const LOCATION_COUNTS = [1, 3, 10];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';
const PLENTY = 1_000_000_000;

/** The single-counter script (libs/reservations before locations): KEYS order, outbox, stock:<sku>...; ARGV as it was. */
const SINGLE_COUNTER_LUA = `
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

interface Variant {
  label: string;
  reserve: (orderId: string, sku: string) => Promise<unknown>;
}

async function main(): Promise<void> {
  const id = randomBytes(3).toString('hex');
  const prefix = `bench:resloc:${id}:`;
  const redis = new Redis(REDIS_URL);
  redis.defineCommand('sfSingleCounterReserve', { lua: SINGLE_COUNTER_LUA });
  const stock = new RedisStock(redis, prefix);
  console.log(
    `bench:reserve-locations  ${SECONDS} s per cell in ${ROUNDS} interleaved rounds, ${SKUS.length} skus, load average ${loadAverage()} (${cpus().length} cores)`,
  );
  try {
    const variants: Variant[] = [
      { label: 'single counter (baseline)', reserve: (o, s) => singleCounter(redis, prefix, o, s) },
    ];
    for (const n of LOCATION_COUNTS) {
      const pool = Array.from({ length: n }, (_, i) => `loc-${String(i).padStart(2, '0')}`);
      const locations = Object.fromEntries(pool.map((l, i) => [l, i === n - 1 ? PLENTY : 0]));
      for (const sku of SKUS) {
        await stock.seed(`${sku}-n${n}`, {
          counter: { avail: PLENTY, ver: 1, locations },
          registry: [],
          precounted: [],
          republish: [],
        });
      }
      variants.push({
        label: `per location, pool of ${String(n).padStart(2)}`,
        reserve: (o, s) =>
          stock.reserveOrders(
            [
              {
                orderId: o,
                channel: 'web',
                pool,
                lines: [{ sku: `${s}-n${n}`, quantity: 1, reservationId: `ord:${o}:1` }],
              },
            ],
            new Date(),
          ),
      });
    }
    for (const sku of SKUS) await redis.hset(`${prefix}stock:${sku}`, 'avail', PLENTY, 'ver', 1);

    // Rounds interleave the variants, so a burst of load on this shared machine hits them alike.
    const results: Record<string, { latency: CellResult; throughput: CellResult }> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const v of variants) {
        const tag = `${v.label.replace(/\W+/g, '')}-r${round}`;
        const latency = await measure(`${v.label} (latency, 1 client)`, SECONDS / ROUNDS, 1, (i) =>
          v.reserve(`${id}-${tag}-l${i}`, SKUS[i % SKUS.length]),
        );
        const throughput = await measure(
          `${v.label} (throughput, ${CONCURRENCY} clients)`,
          SECONDS / ROUNDS,
          CONCURRENCY,
          (i) => v.reserve(`${id}-${tag}-t${i}`, SKUS[i % SKUS.length]),
        );
        const seen = results[v.label];
        results[v.label] = seen
          ? {
              latency: merge(seen.latency, latency),
              throughput: merge(seen.throughput, throughput),
            }
          : { latency, throughput };
      }
    }
    for (const r of Object.values(results)) {
      console.log(formatCell(r.latency));
      console.log(formatCell(r.throughput));
    }
    const summary = Object.fromEntries(
      Object.entries(results).map(([label, r]) => [
        label,
        {
          latencyP99Ms: p99(r.latency),
          throughputP99Ms: p99(r.throughput),
          perSecond: rate(r.throughput),
        },
      ]),
    );
    const base = summary['single counter (baseline)'];
    const three = summary['per location, pool of  3'];
    const p99Ratio = three.latencyP99Ms / base.latencyP99Ms;
    const throughputRatio = three.perSecond / base.perSecond;
    console.log(
      `3 locations vs single counter: p99 ${p99Ratio.toFixed(2)}x (target <= 1.5x), throughput ${(throughputRatio * 100).toFixed(0)} % (target >= 60 %)`,
    );
    console.log(
      `bench-result: ${benchResultJson('reserve-locations', {
        seconds: SECONDS,
        concurrency: CONCURRENCY,
        load: loadavg(),
        cells: summary,
        threeLocations: {
          p99Ratio: round(p99Ratio),
          throughputRatio: round(throughputRatio),
          met: p99Ratio <= 1.5 && throughputRatio >= 0.6,
        },
      })}`,
    );
  } finally {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
}

/**
 * One single-line order through the old single-counter script, with its old KEYS
 * and ARGV, called the way RedisStock.reserveOrders called it (a pipeline of the
 * batch, the outcome parsed), so the two paths differ only in the script.
 */
async function singleCounter(
  redis: Redis,
  prefix: string,
  orderId: string,
  sku: string,
): Promise<unknown> {
  const keys = [`${prefix}order:${orderId}`, `${prefix}outbox`, `${prefix}stock:${sku}`];
  const args = [
    prefix,
    orderId,
    'web',
    new Date().toISOString(),
    Date.now(),
    '',
    1,
    7 * 24 * 3600,
    sku,
    1,
    `ord:${orderId}:1`,
  ];
  const pipeline = redis.pipeline() as unknown as Record<string, (...a: unknown[]) => unknown> & {
    exec(): Promise<[Error | null, unknown][]>;
  };
  pipeline.sfSingleCounterReserve(keys.length, ...keys, ...args);
  const [[error, value]] = (await pipeline.exec())!;
  if (error) throw error;
  return JSON.parse(value as string);
}

function merge(a: CellResult, b: CellResult): CellResult {
  return {
    ...a,
    operations: a.operations + b.operations,
    seconds: a.seconds + b.seconds,
    latenciesMs: [...a.latenciesMs, ...b.latenciesMs],
  };
}

function p99(cell: CellResult): number {
  return round(
    percentile(
      [...cell.latenciesMs].sort((a, b) => a - b),
      99,
    ),
  );
}

function rate(cell: CellResult): number {
  return Math.round(cell.operations / cell.seconds);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
