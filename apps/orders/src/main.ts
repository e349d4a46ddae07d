import 'reflect-metadata';
import { loadConfig } from '@stockflow/config';
import { runService, startHttpService } from '@stockflow/service-kit';
import { OrdersConfig } from './orders.config';
import { OrdersModule } from './orders.module';

runService(async () => {
  const config = loadConfig(OrdersConfig);
  await startHttpService(OrdersModule.forRoot(config), {
    name: 'orders',
    config,
    bodyLimit: 256 * 1024,
  });
});
