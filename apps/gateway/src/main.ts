import 'reflect-metadata';
import { loadChannels } from '@stockflow/channels';
import { loadConfig } from '@stockflow/config';
import { KafkaTransport } from '@stockflow/kafka';
import { runService, startHttpService } from '@stockflow/service-kit';
import { registerConsole } from './console/console-static';
import { registerApiDocs } from './docs/api-docs';
import { GatewayConfig, ordersUrls } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { registerUpstreams } from './proxy/upstream-proxy';

runService(async () => {
  const config = loadConfig(GatewayConfig);
  const channels = loadChannels(config.CHANNELS_FILE);
  await startHttpService(GatewayModule.forRoot(config, channels), {
    name: 'gateway',
    config,
    bodyLimit: config.EVENTS_BODY_LIMIT_BYTES,
    transport: KafkaTransport,
    listenFd: config.LISTEN_FD,
    routeBodyLimits: { '/v1/events/bulk': config.BULK_BODY_LIMIT_BYTES },
    beforeListen: async (fastify, app) => {
      registerUpstreams(
        fastify,
        [
          { name: 'orders', prefixes: ['/v1/orders', '/v1/carts'], urls: ordersUrls(config) },
          { name: 'channel-sync', prefixes: ['/v1/channels'], urls: [config.CHANNEL_SYNC_URL] },
        ],
        {
          timeoutMs: config.UPSTREAM_TIMEOUT_MS,
          attemptTimeoutMs: config.UPSTREAM_ATTEMPT_TIMEOUT_MS,
        },
      );
      registerConsole(fastify);
      await registerApiDocs(app, fastify, config.KAFKA_TOPIC_PREFIX);
    },
  });
});
