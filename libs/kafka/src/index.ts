export * from './kafka-client';
export * from './topic-admin';
export * from './batching-publisher';
export * from './dead-letters';
export * from './kafka.module';
export * from './batch-consumer';
export * from './consumer-lag';
export * from './backlog-metrics';
