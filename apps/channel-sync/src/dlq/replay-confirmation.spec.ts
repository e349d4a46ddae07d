import { StockState } from '../delivery/queued-update';
import { ReplayRecords, ReplayTarget, confirmReplay } from './replay-confirmation';

const state = (version: number): StockState => ({ sku: 'S1', version, available: version * 10 });

/**
 * Two instances and one channel that keeps whatever arrives last. The replaying
 * instance read the ledger at v5; the partition owner sent v6 first, then the
 * replay's v5 arrived: the channel shows v5 until the replay is confirmed.
 */
function race() {
  const rows = new Map<number, string>([[1, 'replaying']]);
  const ledger = new Map<string, StockState>([['S1', state(6)]]);
  const channelShows: number[] = [6, 5]; // owner's v6, then the replay's v5 landing last
  const records: ReplayRecords = {
    replayStatuses: async (ids) =>
      new Map(ids.filter((id) => rows.has(id)).map((id) => [id, rows.get(id)!])),
    stockStates: async (skus) =>
      new Map(skus.filter((s) => ledger.has(s)).map((s) => [s, ledger.get(s)!])),
    reopenReplay: async (ids) => ids.forEach((id) => rows.set(id, 'replaying')),
    settleReplay: async (ids, status) => ids.forEach((id) => rows.set(id, status)),
  };
  // The replaying instance's pipeline: an offer is delivered (and its rows settled) before the next look.
  const target: ReplayTarget = {
    offer: (s, _options, ids) => {
      channelShows.push(s.version);
      ids.forEach((id) => rows.set(id, 'replayed'));
      return 'queued';
    },
  };
  rows.set(1, 'replayed'); // the replay's own v5 was delivered
  return { rows, ledger, channelShows, records, target };
}

const fast = { intervalMs: 0, forMs: 60_000, sleep: async () => undefined };

describe('confirmReplay', () => {
  it('sends the newer state when the ledger moved past what the replay delivered, so the channel ends on the newest', async () => {
    const r = race();
    await confirmReplay(r.target, r.records, new Map([['S1', { ids: [1], version: 5 }]]), fast);
    expect(r.channelShows.at(-1)).toBe(6);
    expect(r.rows.get(1)).toBe('replayed');
  });

  it('sends nothing more when the ledger holds what the replay delivered', async () => {
    const r = race();
    r.ledger.set('S1', state(5));
    await confirmReplay(r.target, r.records, new Map([['S1', { ids: [1], version: 5 }]]), fast);
    expect(r.channelShows).toEqual([6, 5]);
  });

  it('waits while the replayed rows are still being delivered', async () => {
    const r = race();
    r.rows.set(1, 'replaying');
    let looks = 0;
    await confirmReplay(r.target, r.records, new Map([['S1', { ids: [1], version: 5 }]]), {
      ...fast,
      sleep: async () => {
        if (++looks === 3) r.rows.set(1, 'replayed');
      },
    });
    expect(looks).toBeGreaterThanOrEqual(3);
    expect(r.channelShows.at(-1)).toBe(6);
  });

  it('leaves a replay whose delivery failed to its new dead letter', async () => {
    const r = race();
    r.rows.set(1, 'replay_failed');
    await confirmReplay(r.target, r.records, new Map([['S1', { ids: [1], version: 5 }]]), fast);
    expect(r.channelShows).toEqual([6, 5]);
    expect(r.rows.get(1)).toBe('replay_failed');
  });

  it('gives up after forMs while a delivery never settles', async () => {
    const r = race();
    r.rows.set(1, 'replaying');
    let t = 0;
    await confirmReplay(r.target, r.records, new Map([['S1', { ids: [1], version: 5 }]]), {
      intervalMs: 1000,
      forMs: 5000,
      sleep: async (ms) => void (t += ms),
      now: () => t,
    });
    expect(t).toBe(5000);
    expect(r.channelShows).toEqual([6, 5]);
  });
});
