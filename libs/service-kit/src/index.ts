export * from './service-kit.module';
export * from './auth/channel-auth.guard';
export * from './auth/channel-tokens';
export * from './auth/current-channel.decorator';
export * from './health/readiness';
export * from './metrics/metric';
export * from './http/validation-pipe';
export * from './http/start-http-service';
