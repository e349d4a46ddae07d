export * from './kafka-subscription';
export * from './kafka-batch-context';
export * from './kafka-batch.decorator';
export * from './kafka-transport';
