import fc from 'fast-check';
import { keyPartition, murmur2 } from './key-partition';
// kafkajs's own implementation, the one the gateway's producer partitions with (an
// internal module without types, hence require).
const kafkajsMurmur2 =
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer) => number;

describe('keyPartition', () => {
  it("matches the Java client's murmur2 test vectors", () => {
    const vectors: Array<[string, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of vectors) expect(murmur2(Buffer.from(key))).toBe(hash);
  });

  it('puts every key on the partition the kafkajs default partitioner picks', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 80 }),
        fc.integer({ min: 1, max: 64 }),
        (bytes, partitions) => {
          const key = Buffer.from(bytes);
          expect(keyPartition(key, partitions)).toBe(
            (kafkajsMurmur2(key) & 0x7fffffff) % partitions,
          );
        },
      ),
    );
  });
});
