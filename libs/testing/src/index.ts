export * from './event-arbitraries';
export * from './connections';
export * from './test-stack';
export * from './service-process';
export * from './wait-for';
export * from './topic-reader';
export * from './api-client';
export * from './channel-receiver';
