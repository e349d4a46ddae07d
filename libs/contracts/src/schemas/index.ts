export * from './json-schema-from-dtos';
export * from './event-schemas';
export * from './message-schema-dtos';
export * from './message-examples';
export * from './asyncapi-document';
export * from './topic-schema-dtos';
