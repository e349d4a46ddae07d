import {
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Module,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { TopicNames, topicNames } from '@stockflow/contracts';
import { Readiness } from '@stockflow/runtime';
import { BatchingPublisher } from './batching-publisher';
import { KafkaClientOptions, createKafka } from './kafka-client';
import { contractTopicConfigs, ensureTopics } from './topic-admin';
import { KafkaTransport } from './transport/kafka-transport';

/** Injection token of the resolved topic names (contract names plus KAFKA_TOPIC_PREFIX). */
export const TOPICS = Symbol('TOPICS');

/** The client (kafkaConnection() of libs/config: brokers, client id, SASL/TLS) and the topic prefix. */
export interface KafkaModuleOptions extends KafkaClientOptions {
  topicPrefix: string;
}

/** Creates the contract topics and connects the shared producer before the app serves anything. */
@Injectable()
class KafkaLifecycle implements OnApplicationShutdown {
  constructor(private readonly publisher: BatchingPublisher) {}

  static async start(kafka: Kafka, topics: TopicNames): Promise<BatchingPublisher> {
    await ensureTopics(kafka, contractTopicConfigs(topics));
    const publisher = new BatchingPublisher(kafka);
    await publisher.connect();
    return publisher;
  }

  /** Runs after the transport's consumers have stopped and flushed (app.close() disposes them first). */
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

@Global()
@Module({})
export class KafkaModule {
  static forRoot(options: KafkaModuleOptions): DynamicModule {
    const topics = topicNames(options.topicPrefix);
    const kafka = createKafka(options);
    return {
      module: KafkaModule,
      providers: [
        { provide: Kafka, useValue: kafka },
        { provide: TOPICS, useValue: topics },
        { provide: BatchingPublisher, useFactory: () => KafkaLifecycle.start(kafka, topics) },
        KafkaLifecycle,
        {
          provide: KafkaTransport,
          inject: [Readiness],
          useFactory: (readiness: Readiness) => new KafkaTransport(kafka, readiness),
        },
      ],
      exports: [Kafka, TOPICS, BatchingPublisher, KafkaTransport],
    };
  }
}

export const InjectTopics = () => Inject(TOPICS);
