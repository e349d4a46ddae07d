import 'reflect-metadata';
import { loadConfig } from '@stockflow/config';
import { runService, startHttpService } from '@stockflow/service-kit';
import { CompactionConfig } from './compaction.config';
import { CompactionModule } from './compaction.module';

runService(async () => {
  const config = loadConfig(CompactionConfig);
  await startHttpService(CompactionModule.forRoot(config), {
    name: 'compaction',
    config,
  });
});
