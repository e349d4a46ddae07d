import { Coalescer } from './coalescer';

describe('Coalescer', () => {
  it('sends items arriving while a batch is in flight together in the next batch, results in order', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const first = new Promise<void>((r) => (release = r));
    const coalescer = new Coalescer<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await first;
      return items.map((i) => i * 10);
    }, 1);
    const results = [coalescer.submit(1), coalescer.submit(2), coalescer.submit(3)];
    release();
    expect(await Promise.all(results)).toEqual([10, 20, 30]);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('fails every item of a failed batch and carries on with the next', async () => {
    let calls = 0;
    const coalescer = new Coalescer<string, string>(async (items) => {
      if (calls++ === 0) throw new Error('database down');
      return items;
    }, 1);
    await expect(coalescer.submit('a')).rejects.toThrow('database down');
    expect(await coalescer.submit('b')).toBe('b');
  });

  it("with gather: 'tick', sends the calls of one turn of the event loop together, even the first", async () => {
    const batches: number[][] = [];
    const coalescer = new Coalescer<number, number>(
      async (items) => {
        batches.push(items);
        return items;
      },
      1,
      Number.POSITIVE_INFINITY,
      { gather: 'tick' },
    );
    const sameTurn = [1, 2, 3].map((i) => coalescer.submit(i));
    await Promise.resolve(); // a microtask later is still the same turn
    sameTurn.push(coalescer.submit(4));
    expect(await Promise.all(sameTurn)).toEqual([1, 2, 3, 4]);
    expect(await coalescer.submit(5)).toBe(5);
    expect(batches).toEqual([[1, 2, 3, 4], [5]]);
  });
});
