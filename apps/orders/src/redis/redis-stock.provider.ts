import { Logger, Provider } from '@nestjs/common';
import { hydrateAll, reservationProviders } from '@stockflow/reservations';
import { OrdersConfig } from '../orders.config';

export { RESERVATIONS } from '@stockflow/reservations';

/** Warm every counter before serving; a counter that is missing later is hydrated on first use. */
export const redisProviders: Provider[] = reservationProviders(OrdersConfig, async (ctx) => {
  const logger = new Logger('Hydration');
  await hydrateAll(ctx).then(
    (n) => logger.log(`hydrated ${n} stock counters from the ledger`),
    (error) => logger.error(`startup hydration failed, counters hydrate on first use: ${error.message}`),
  );
});
