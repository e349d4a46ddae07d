import { InventoryEvent } from '@stockflow/contracts';

export interface LogPosition {
  partition: number;
  offset: string;
}

/** The event and log position behind a journal entry. */
export interface JournalSource {
  event: InventoryEvent;
  position: LogPosition;
}

/** The source of each journal entry of a batch, by eventId. */
export type JournalSources = ReadonlyMap<string, JournalSource>;
