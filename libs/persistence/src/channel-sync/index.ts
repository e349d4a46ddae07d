export * from './dead-letter-repository';
export * from './pool-resend-repository';
