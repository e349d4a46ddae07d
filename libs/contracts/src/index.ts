export * from './topics';
export * from './events/event-types';
export * from './events/event-dtos';
export * from './events/parse-event';
export * from './stock-level';
export * from './dead-letter';
export * from './events/decode-log-message';
export * from './checkout-reservations';
