export * from './order.entity';
export * from './order-status-change.entity';
export * from './order-repository';
export * from './order-reservation-repository';
