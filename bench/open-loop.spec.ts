import { describeAnswers, openLoop } from './open-loop';

describe('openLoop', () => {
  it('keeps its schedule while earlier answers are still outstanding', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const started = Date.now();
    const run = await openLoop('slow', 40, 0.5, async () => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await new Promise((r) => setTimeout(r, 300));
      inFlight--;
      return 202;
    });
    // 20 sends of 300 ms each: a closed loop of one would take 6 s.
    expect(run.latenciesMs).toHaveLength(20);
    expect(maxInFlight).toBeGreaterThan(5);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(run.p50).toBeGreaterThanOrEqual(290);
    expect(describeAnswers(run)).toBe('202: 20');
  });

  it('counts failed sends by their message, apart from the timed answers', async () => {
    let n = 0;
    const run = await openLoop('flaky', 100, 0.1, async () => {
      if (n++ % 2) throw new Error('refused');
      return 'not applied';
    });
    expect(run.statuses.get('refused')).toBe(5);
    expect(run.statuses.get('not applied')).toBe(5);
    expect(run.latenciesMs).toHaveLength(5);
  });
});
