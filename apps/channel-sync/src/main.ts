import 'reflect-metadata';
import { loadConfig } from '@stockflow/config';
import { KafkaTransport } from '@stockflow/kafka';
import { acceptEmptyJsonBody, runService, startHttpService } from '@stockflow/service-kit';
import { ChannelSyncConfig } from './channel-sync.config';
import { ChannelSyncModule } from './channel-sync.module';
import { loadChannels } from '@stockflow/channels';

runService(async () => {
  const config = loadConfig(ChannelSyncConfig);
  const channels = loadChannels(config.CHANNELS_FILE);
  await startHttpService(ChannelSyncModule.forRoot(config, channels), {
    name: 'channel-sync',
    config,
    beforeListen: acceptEmptyJsonBody,
    transport: KafkaTransport,
  });
});
