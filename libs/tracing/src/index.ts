export * from './tracing-setup';
export * from './trace-carrier';
export * from './spans';
