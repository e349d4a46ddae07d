export * from './queryable';
export * from './data-source';
export * from './migrations';
export * from './ledger/projection-reader';
export * from './ledger/projection-writer';
export * from './ledger/consumer-offsets';
export * from './ledger/stock-queries';
export * from './database.module';
