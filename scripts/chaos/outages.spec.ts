import { RequestRecord, outagesOf, reportPhases } from './outages';

const req = (startedAt: number, ok: boolean, kind: RequestRecord['kind'] = 'orders') => ({
  kind,
  startedAt,
  endedAt: startedAt + 50,
  ok,
  answer: ok ? '202' : '503',
});

describe('outagesOf', () => {
  it('spans from the first failed send to the next successful send', () => {
    const records = [req(0, true), req(100, false), req(200, false), req(300, true)];
    expect(outagesOf(records, 'orders')).toEqual([
      { kind: 'orders', from: 100, to: 300, ms: 200, failed: 2 },
    ]);
  });

  it('counts a failure run still open at the end up to the end of its last request', () => {
    const records = [req(0, true), req(100, false), req(400, false)];
    expect(outagesOf(records, 'orders')[0]).toMatchObject({ from: 100, to: 450, ms: 350 });
  });

  it('keeps kinds apart and orders by send time, not by arrival', () => {
    const records = [req(300, true), req(100, false), req(200, true, 'events'), req(0, true)];
    expect(outagesOf(records, 'orders')).toEqual([
      { kind: 'orders', from: 100, to: 300, ms: 200, failed: 1 },
    ]);
    expect(outagesOf(records, 'events')).toEqual([]);
  });
});

describe('reportPhases', () => {
  it('gives each phase the longest outage within it, splitting one that spans two', () => {
    const records = [
      req(0, true),
      req(100, false),
      req(200, true),
      req(1000, false),
      req(1100, false),
      req(1500, true),
    ];
    const [first, second] = reportPhases(records, [
      { name: 'a', from: 0, to: 1000 },
      { name: 'b', from: 1000, to: 2000 },
    ]);
    expect(first.longestOutageMs.orders).toBe(100);
    expect(second.longestOutageMs.orders).toBe(500);
    expect(second.failed.orders).toBe(2);
    expect(second.longestOutageMs.events).toBe(0);
  });

  it('counts an outage running from one phase into the next in both, for its part in each', () => {
    const records = [req(0, true), req(800, false), req(1200, false), req(1700, true)];
    const [first, second] = reportPhases(records, [
      { name: 'a', from: 0, to: 1000 },
      { name: 'b', from: 1000, to: 2000 },
    ]);
    expect(first.longestOutageMs.orders).toBe(200);
    expect(second.longestOutageMs.orders).toBe(700);
  });
});
