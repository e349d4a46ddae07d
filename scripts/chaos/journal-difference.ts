import { Pool } from 'pg';
import { InventoryEvent } from '@stockflow/contracts';
import { emptyLedger, foldEvents } from '@stockflow/ledger-core';

/** How many journal rows each event has in the live ledger. */
export async function journalCounts(db: Pool): Promise<Map<string, number>> {
  const { rows } = await db.query<{ event_id: string; n: number }>(
    'SELECT event_id, count(*)::int AS n FROM journal GROUP BY event_id',
  );
  return new Map(rows.map((r) => [r.event_id, r.n]));
}

/**
 * Which events the live journal and the pure fold of the log disagree on, with
 * each one's type, SKU, place in the fold and what the fold made of it: enough
 * to tell a doubled apply from a fold-order difference once the run's data is
 * gone (chaos deletes its private stack).
 */
export function journalDifference(live: Map<string, number>, events: InventoryEvent[]): string {
  const fold = foldEvents(emptyLedger(), events);
  const folded = new Set(fold.entries.map((e) => e.eventId));
  const refused = new Map(fold.refusals.map((r) => [r.eventId, `${r.code}: ${r.reason}`]));
  const describe = (id: string) => {
    const at = events.findIndex((e) => e.eventId === id);
    const what =
      at < 0 ? 'not in the log' : `${events[at].type} ${events[at].sku} at fold position ${at}`;
    const made = refused.get(id) ?? (folded.has(id) ? 'applied' : 'a duplicate');
    return `${id} (${what}; fold: ${made})`;
  };
  const list = (ids: string[], show: (id: string) => string = describe) =>
    ids.slice(0, 5).map(show).join(', ') || 'none';
  const doubled = [...live].filter(([, n]) => n > 1).map(([id]) => id);
  return [
    `journal only: ${list([...live.keys()].filter((id) => !folded.has(id)))}`,
    `fold only: ${list([...folded].filter((id) => !live.has(id)))}`,
    `doubled: ${list(doubled, (id) => `${id} x${live.get(id)}`)}`,
  ].join('; ');
}
