import { Message } from 'kafkajs';
import { splitBySize } from './batching-publisher';

const msg = (bytes: number, key = 'k'): Message => ({ key, value: 'x'.repeat(bytes - key.length) });

describe('splitBySize', () => {
  it('keeps a send that fits in one request whole', () => {
    const groups = [{ topic: 'a', messages: [msg(10), msg(10)] }, { topic: 'b', messages: [msg(10)] }];
    expect(splitBySize(groups, 100)).toEqual([groups]);
  });

  it('splits in order so that no request carries more than the limit, losing and duplicating nothing', () => {
    const groups = [
      { topic: 'levels', messages: Array.from({ length: 25 }, (_, i) => msg(40, `k${i}`)) },
      { topic: 'dlq', messages: [msg(30, 'd')] },
    ];
    const requests = splitBySize(groups, 100);
    for (const request of requests) {
      const bytes = request.flatMap((g) => g.messages).reduce((t, m) => t + String(m.value).length + String(m.key).length, 0);
      expect(bytes).toBeLessThanOrEqual(100);
    }
    const flat = requests.flatMap((r) => r.flatMap((g) => g.messages.map((m) => `${g.topic}:${m.key}`)));
    expect(flat).toEqual([...groups[0].messages.map((m) => `levels:${m.key}`), 'dlq:d']);
  });

  it('sends a message larger than the limit alone rather than dropping it', () => {
    const requests = splitBySize([{ topic: 'a', messages: [msg(10), msg(500), msg(10)] }], 100);
    expect(requests.map((r) => r[0].messages.length)).toEqual([1, 1, 1]);
  });
});
