import 'reflect-metadata';
import { loadConfig } from '@stockflow/config';
import { KafkaTransport } from '@stockflow/kafka';
import { runService, startHttpService } from '@stockflow/service-kit';
import { LedgerConfig } from './ledger.config';
import { LedgerModule } from './ledger.module';

runService(async () => {
  const config = loadConfig(LedgerConfig);
  await startHttpService(LedgerModule.forRoot(config), {
    name: 'ledger',
    config,
    transport: KafkaTransport,
  });
});
