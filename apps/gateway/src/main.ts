import 'reflect-metadata';
import { loadChannels } from '@stockflow/channels';
import { loadConfig } from '@stockflow/config';
import { runService, startHttpService } from '@stockflow/service-kit';
import { GatewayConfig } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { registerUpstreams } from './proxy/upstream-proxy';

runService(async () => {
  const config = loadConfig(GatewayConfig);
  const channels = loadChannels(config.CHANNELS_FILE);
  await startHttpService(GatewayModule.forRoot(config, channels), {
    name: 'gateway',
    config,
    bodyLimit: config.EVENTS_BODY_LIMIT_BYTES,
    routeBodyLimits: { '/v1/events/bulk': config.BULK_BODY_LIMIT_BYTES },
    beforeListen: (fastify) =>
      registerUpstreams(fastify, [
        { prefixes: ['/v1/orders', '/v1/carts'], url: config.ORDERS_URL },
        { prefixes: ['/v1/channels'], url: config.CHANNEL_SYNC_URL },
      ]),
  });
});
