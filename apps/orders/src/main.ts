import 'reflect-metadata';
import { loadConfig } from '@stockflow/config';
import { KafkaTransport } from '@stockflow/kafka';
import { acceptEmptyJsonBody, runService, startHttpService } from '@stockflow/service-kit';
import { OrdersConfig } from './orders.config';
import { OrdersModule } from './orders.module';

runService(async () => {
  const config = loadConfig(OrdersConfig);
  await startHttpService(OrdersModule.forRoot(config), {
    name: 'orders',
    config,
    beforeListen: acceptEmptyJsonBody,
    bodyLimit: 256 * 1024,
    transport: KafkaTransport,
  });
});
