// The lowest runtime pieces every library may use: no HTTP, no Kafka, no SQL.
export * from './readiness';
export * from './metrics';
export * from './metric-refresher';
export * from './coalescer';
export * from './shared-listen-socket';
