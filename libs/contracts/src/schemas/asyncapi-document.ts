import { EVENT_TYPES, EventType, SCHEMA_VERSION } from '../events/event-types';
import { PoolLocationDto } from '../pools/pool-dtos';
import { TOPIC_BASE_NAMES } from '../topics';
import { eventSchemas, inventoryEventSchema } from './event-schemas';
import { JsonSchema, schemaOfDto } from './json-schema-from-dtos';
import { ASYNCAPI_EXAMPLES } from './message-examples';
import {
  ChannelAvailabilitySchema,
  EventResultSchema,
  POOL_EVENT_SCHEMA,
  PoolDefinedSchema,
  PoolDeletedSchema,
} from './topic-schema-dtos';
import {
  ChannelDeadLetterSchema,
  ChannelStockUpdateSchema,
  DeadLetterSchema,
  LocationStockSchema,
  QuantitiesSchema,
  StockLevelMessageSchema,
} from './message-schema-dtos';

const schemaRef = (name: string) => `#/components/schemas/${name}`;
const messageRef = (name: string) => ({ $ref: `#/components/messages/${name}` });

/** Every message schema of every topic, by component name. */
export function messageSchemas(): Record<string, JsonSchema> {
  return {
    ...eventSchemas(),
    InventoryEvent: inventoryEventSchema(schemaRef),
    StockLevelMessage: schemaOfDto(StockLevelMessageSchema),
    LocationStockSchema: schemaOfDto(LocationStockSchema),
    QuantitiesSchema: schemaOfDto(QuantitiesSchema),
    PoolDefined: schemaOfDto(PoolDefinedSchema, { closed: true }),
    PoolDeleted: schemaOfDto(PoolDeletedSchema, { closed: true }),
    PoolLocationDto: schemaOfDto(PoolLocationDto, { closed: true }),
    PoolEvent: POOL_EVENT_SCHEMA,
    ChannelAvailability: schemaOfDto(ChannelAvailabilitySchema),
    EventResult: schemaOfDto(EventResultSchema),
    ChannelStockUpdateSchema: schemaOfDto(ChannelStockUpdateSchema),
    DeadLetter: schemaOfDto(DeadLetterSchema),
    ChannelDeadLetter: schemaOfDto(ChannelDeadLetterSchema),
  };
}

function message(name: string, summary: string, key: string): JsonSchema {
  return {
    name,
    title: name,
    summary,
    contentType: 'application/json',
    payload: { $ref: schemaRef(name) },
    bindings: { kafka: { key: { type: 'string', description: key }, bindingVersion: '0.4.0' } },
    examples: (ASYNCAPI_EXAMPLES[name] ?? []).map((payload) => ({
      name: `${name} example`,
      payload,
    })),
  };
}

/**
 * The AsyncAPI 2.6 description of every topic of the contract (topics.ts), its
 * schemas generated from the class-validator DTOs (schemaOfDto). `prefix` is
 * KAFKA_TOPIC_PREFIX, so the document names the topics a deployment really uses.
 */
export function asyncApiDocument(prefix = ''): JsonSchema {
  const events = Object.fromEntries(
    EVENT_TYPES.map((type: EventType) => [
      type,
      message(type, `${type} (schemaVersion ${SCHEMA_VERSION})`, 'the sku'),
    ]),
  );
  return {
    asyncapi: '2.6.0',
    info: {
      title: 'Stockflow topics',
      version: String(SCHEMA_VERSION),
      description:
        "Kafka topics of the Stockflow inventory ledger. Events are keyed by sku so one partition holds a SKU's whole history; schemas are generated from the DTOs the validators run.",
    },
    defaultContentType: 'application/json',
    servers: {
      local: {
        url: '127.0.0.1:9092',
        protocol: 'kafka',
        description: 'the development broker (KAFKA_BROKERS)',
      },
    },
    channels: {
      [prefix + TOPIC_BASE_NAMES.events]: {
        description:
          'Every inventory mutation, immutable. Written by the gateway (POST /v1/events) and orders; read by the ledger.',
        publish: { operationId: 'appendEvent', message: { oneOf: EVENT_TYPES.map(messageRef) } },
        subscribe: { operationId: 'readEvents', message: { oneOf: EVENT_TYPES.map(messageRef) } },
      },
      [prefix + TOPIC_BASE_NAMES.eventsDlq]: {
        description:
          "The ledger's poison messages and refusals, with the original bytes and source offset.",
        subscribe: { operationId: 'readEventDeadLetters', message: messageRef('DeadLetter') },
      },
      [prefix + TOPIC_BASE_NAMES.stockLevels]: {
        description:
          'Compacted: the newest state of each SKU after a ledger batch. Read by orders and channel-sync.',
        subscribe: { operationId: 'readStockLevels', message: messageRef('StockLevelMessage') },
      },
      [prefix + TOPIC_BASE_NAMES.channelSyncDlq]: {
        description:
          'Channel deliveries that failed after retries, and poison stock-level messages (channel null).',
        subscribe: {
          operationId: 'readChannelDeadLetters',
          message: messageRef('ChannelDeadLetter'),
        },
      },
      [prefix + TOPIC_BASE_NAMES.pools]: {
        description:
          'Pool definitions, one partition so every reader folds them in one order (key = poolId).',
        subscribe: {
          operationId: 'readPoolEvents',
          message: { oneOf: [messageRef('PoolDefined'), messageRef('PoolDeleted')] },
        },
      },
      [prefix + TOPIC_BASE_NAMES.channelAvailability]: {
        description:
          "Compacted: a channel's sellable quantity of a SKU, for adapters that read Kafka directly.",
        subscribe: {
          operationId: 'readChannelAvailability',
          message: messageRef('ChannelAvailability'),
        },
      },
      [prefix + TOPIC_BASE_NAMES.eventResults]: {
        description:
          'What the ledger decided for events that asked (POST /v1/events?wait=applied).',
        subscribe: { operationId: 'readEventResults', message: messageRef('EventResult') },
      },
    },
    components: {
      schemas: messageSchemas(),
      messages: {
        ...events,
        DeadLetter: message(
          'DeadLetter',
          'A dead letter of inventory.events',
          'the original message key',
        ),
        StockLevelMessage: message('StockLevelMessage', 'The newest state of one SKU', 'the sku'),
        ChannelDeadLetter: message(
          'ChannelDeadLetter',
          'A channel update that could not be delivered',
          '<channel>:<sku>',
        ),
        PoolDefined: message('PoolDefined', 'A pool defined or redefined', 'the poolId'),
        PoolDeleted: message(
          'PoolDeleted',
          "A pool deleted: its channels sell from 'default' again",
          'the poolId',
        ),
        ChannelAvailability: message(
          'ChannelAvailability',
          "A channel's sellable quantity of a SKU",
          '<channel>:<sku>',
        ),
        EventResult: message('EventResult', 'The ledger decision on one event', 'the eventId'),
      },
    },
  };
}
