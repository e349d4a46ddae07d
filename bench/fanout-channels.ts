/**
 * The channels of bench:fanout, in a process of their own (forked by
 * fanout.bench.ts): a real channel runs on someone else's machine, so its
 * answers must not wait behind the load generator's event loop. Each receipt
 * goes to the parent as [channel index, key, value, at], batched every 20 ms.
 */
import { ChannelReceiver } from '@stockflow/testing';

type Receipt = [number, string, number, number];

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 3);
  let pending: Receipt[] = [];
  const receivers = await Promise.all(
    Array.from({ length: count }, (_, index) =>
      ChannelReceiver.start({
        record: false,
        onCall: (call) => {
          const b = call.body;
          // Webhook: sku and version; Shopify-style: item id and available.
          pending.push(
            b.sku
              ? [index, b.sku, b.version, call.at]
              : [index, String(b.inventory_item_id), b.available, call.at],
          );
        },
      }),
    ),
  );
  setInterval(() => {
    if (pending.length === 0) return;
    process.send!({ receipts: pending });
    pending = [];
  }, 20);
  process.send!({ ports: receivers.map((r) => r.port) });
  process.on('disconnect', () => process.exit(0));
}

void main();
