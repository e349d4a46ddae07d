export * from './channel-definition';
export * from './load-channels';
export * from './sellable-quantity';
export * from './channel-availability';
