export * from './stock-state';
export * from './refusal';
export * from './journal-entry';
export * from './fold-event';
export * from './ledger-state';
