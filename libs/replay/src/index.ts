export * from './rebuild';
export * from './projection-diff';
export * from './replay';
export * from './replayed-ledger';
