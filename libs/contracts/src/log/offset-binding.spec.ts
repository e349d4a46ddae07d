import { LogNow, StoredOffset, checkAnchor, planResume } from './offset-binding';
import { recordFingerprint } from './record-fingerprint';

const log = (high: bigint, low = 0n, clusterId = 'cluster-A'): LogNow => ({
  clusterId,
  watermarks: new Map([[0, { low, high }]]),
});
const stored = (
  nextOffset: bigint,
  clusterId: string | null = 'cluster-A',
  anchor: string | null = 'anchor-1',
): StoredOffset => ({
  partition: 0,
  nextOffset,
  clusterId,
  anchor,
});

describe('planResume', () => {
  it('reads a partition with no stored offset from its start', () => {
    expect(planResume(0, undefined, log(10n), 't')).toEqual({ partition: 0, action: 'start' });
  });

  it('resumes one record early to verify the anchor of the last applied record', () => {
    expect(planResume(0, stored(5n), log(10n), 't')).toEqual({
      partition: 0,
      action: 'resume',
      seekTo: 4n,
      verify: { offset: 4n, anchor: 'anchor-1' },
    });
  });

  it('refuses an offset read from another cluster, naming both cluster ids', () => {
    const plan = planResume(
      0,
      stored(5n, 'cluster-A'),
      log(10n, 0n, 'cluster-B'),
      'inventory.events',
    );
    expect(plan).toMatchObject({ action: 'refuse' });
    expect((plan as { reason: string }).reason).toMatch(/cluster-A.*cluster-B/);
  });

  it('refuses an offset beyond the log end (topic re-created, storage lost)', () => {
    expect(planResume(0, stored(50n), log(10n), 't')).toMatchObject({
      action: 'refuse',
      reason: expect.stringMatching(/beyond the log end 10/),
    });
  });

  it('refuses when records it never applied were deleted by retention', () => {
    expect(planResume(0, stored(5n), log(20n, 8n), 't')).toMatchObject({
      action: 'refuse',
      reason: expect.stringMatching(/5\.\.7 were deleted/),
    });
  });

  it('resumes without an anchor check for a legacy row or when the anchor record itself is gone', () => {
    expect(planResume(0, stored(5n, null, null), log(10n), 't')).toEqual({
      partition: 0,
      action: 'resume',
      seekTo: 5n,
    });
    expect(planResume(0, stored(5n), log(5n, 5n), 't')).toEqual({
      partition: 0,
      action: 'resume',
      seekTo: 5n,
    });
  });
});

describe('checkAnchor', () => {
  const message = (offset: number, value: string) => ({
    offset: String(offset),
    key: Buffer.from('sku'),
    value: Buffer.from(value),
  });
  const verify = { offset: 4n, anchor: recordFingerprint(message(4, 'e4')) };

  it('passes the records after a matching anchor', () => {
    const result = checkAnchor(
      [message(4, 'e4'), message(5, 'e5')],
      verify,
      recordFingerprint,
      't[0]',
    );
    expect(result).toEqual({ outcome: 'verified', rest: [message(5, 'e5')] });
  });

  it('drops a batch fetched before the seek without deciding', () => {
    expect(
      checkAnchor([message(1, 'e1'), message(2, 'e2')], verify, recordFingerprint, 't[0]'),
    ).toEqual({ outcome: 'before', rest: [] });
  });

  it('refuses another record at the anchor offset, and a log whose anchor offset is missing', () => {
    expect(
      checkAnchor([message(4, 'other'), message(5, 'e5')], verify, recordFingerprint, 't[0]'),
    ).toMatchObject({ outcome: 'mismatch' });
    expect(checkAnchor([message(6, 'e6')], verify, recordFingerprint, 't[0]')).toMatchObject({
      outcome: 'mismatch',
      reason: expect.stringMatching(/missing/),
    });
  });
});
