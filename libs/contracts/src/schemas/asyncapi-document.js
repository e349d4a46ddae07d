"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.messageSchemas = messageSchemas;
exports.asyncApiDocument = asyncApiDocument;
var event_types_1 = require("../events/event-types");
var pool_dtos_1 = require("../pools/pool-dtos");
var topics_1 = require("../topics");
var event_schemas_1 = require("./event-schemas");
var json_schema_from_dtos_1 = require("./json-schema-from-dtos");
var message_examples_1 = require("./message-examples");
var topic_schema_dtos_1 = require("./topic-schema-dtos");
var message_schema_dtos_1 = require("./message-schema-dtos");
var schemaRef = function (name) { return "#/components/schemas/".concat(name); };
var messageRef = function (name) { return ({ $ref: "#/components/messages/".concat(name) }); };
/** Every message schema of every topic, by component name. */
function messageSchemas() {
    return __assign(__assign({}, (0, event_schemas_1.eventSchemas)()), { InventoryEvent: (0, event_schemas_1.inventoryEventSchema)(schemaRef), StockLevelMessage: (0, json_schema_from_dtos_1.schemaOfDto)(message_schema_dtos_1.StockLevelMessageSchema), LocationStockSchema: (0, json_schema_from_dtos_1.schemaOfDto)(message_schema_dtos_1.LocationStockSchema), QuantitiesSchema: (0, json_schema_from_dtos_1.schemaOfDto)(message_schema_dtos_1.QuantitiesSchema), PoolDefined: (0, json_schema_from_dtos_1.schemaOfDto)(topic_schema_dtos_1.PoolDefinedSchema, { closed: true }), PoolDeleted: (0, json_schema_from_dtos_1.schemaOfDto)(topic_schema_dtos_1.PoolDeletedSchema, { closed: true }), PoolLocationDto: (0, json_schema_from_dtos_1.schemaOfDto)(pool_dtos_1.PoolLocationDto, { closed: true }), PoolEvent: topic_schema_dtos_1.POOL_EVENT_SCHEMA, ChannelAvailability: (0, json_schema_from_dtos_1.schemaOfDto)(topic_schema_dtos_1.ChannelAvailabilitySchema), EventResult: (0, json_schema_from_dtos_1.schemaOfDto)(topic_schema_dtos_1.EventResultSchema), ChannelStockUpdateSchema: (0, json_schema_from_dtos_1.schemaOfDto)(message_schema_dtos_1.ChannelStockUpdateSchema), DeadLetter: (0, json_schema_from_dtos_1.schemaOfDto)(message_schema_dtos_1.DeadLetterSchema), ChannelDeadLetter: (0, json_schema_from_dtos_1.schemaOfDto)(message_schema_dtos_1.ChannelDeadLetterSchema) });
}
function message(name, summary, key) {
    var _a;
    return {
        name: name,
        title: name,
        summary: summary,
        contentType: 'application/json',
        payload: { $ref: schemaRef(name) },
        bindings: { kafka: { key: { type: 'string', description: key }, bindingVersion: '0.4.0' } },
        examples: ((_a = message_examples_1.ASYNCAPI_EXAMPLES[name]) !== null && _a !== void 0 ? _a : []).map(function (payload) { return ({
            name: "".concat(name, " example"),
            payload: payload,
        }); }),
    };
}
/**
 * The AsyncAPI 2.6 description of every topic of the contract (topics.ts), its
 * schemas generated from the class-validator DTOs (schemaOfDto). `prefix` is
 * KAFKA_TOPIC_PREFIX, so the document names the topics a deployment really uses.
 */
function asyncApiDocument(prefix) {
    var _a;
    if (prefix === void 0) { prefix = ''; }
    var events = Object.fromEntries(event_types_1.EVENT_TYPES.map(function (type) { return [
        type,
        message(type, "".concat(type, " (schemaVersion ").concat(event_types_1.SCHEMA_VERSION, ")"), 'the sku'),
    ]; }));
    return {
        asyncapi: '2.6.0',
        info: {
            title: 'Stockflow topics',
            version: String(event_types_1.SCHEMA_VERSION),
            description: "Kafka topics of the Stockflow inventory ledger. Events are keyed by sku so one partition holds a SKU's whole history; schemas are generated from the DTOs the validators run.",
        },
        defaultContentType: 'application/json',
        servers: {
            local: {
                url: '127.0.0.1:9092',
                protocol: 'kafka',
                description: 'the development broker (KAFKA_BROKERS)',
            },
        },
        channels: (_a = {},
            _a[prefix + topics_1.TOPIC_BASE_NAMES.events] = {
                description: 'Every inventory mutation, immutable. Written by the gateway (POST /v1/events) and orders; read by the ledger.',
                publish: { operationId: 'appendEvent', message: { oneOf: event_types_1.EVENT_TYPES.map(messageRef) } },
                subscribe: { operationId: 'readEvents', message: { oneOf: event_types_1.EVENT_TYPES.map(messageRef) } },
            },
            _a[prefix + topics_1.TOPIC_BASE_NAMES.eventsDlq] = {
                description: "The ledger's poison messages and refusals, with the original bytes and source offset.",
                subscribe: { operationId: 'readEventDeadLetters', message: messageRef('DeadLetter') },
            },
            _a[prefix + topics_1.TOPIC_BASE_NAMES.stockLevels] = {
                description: 'Compacted: the newest state of each SKU after a ledger batch. Read by orders and channel-sync.',
                subscribe: { operationId: 'readStockLevels', message: messageRef('StockLevelMessage') },
            },
            _a[prefix + topics_1.TOPIC_BASE_NAMES.channelSyncDlq] = {
                description: 'Channel deliveries that failed after retries, and poison stock-level messages (channel null).',
                subscribe: {
                    operationId: 'readChannelDeadLetters',
                    message: messageRef('ChannelDeadLetter'),
                },
            },
            _a[prefix + topics_1.TOPIC_BASE_NAMES.pools] = {
                description: 'Pool definitions, one partition so every reader folds them in one order (key = poolId).',
                subscribe: {
                    operationId: 'readPoolEvents',
                    message: { oneOf: [messageRef('PoolDefined'), messageRef('PoolDeleted')] },
                },
            },
            _a[prefix + topics_1.TOPIC_BASE_NAMES.channelAvailability] = {
                description: "Compacted: a channel's sellable quantity of a SKU, for adapters that read Kafka directly.",
                subscribe: {
                    operationId: 'readChannelAvailability',
                    message: messageRef('ChannelAvailability'),
                },
            },
            _a[prefix + topics_1.TOPIC_BASE_NAMES.eventResults] = {
                description: 'What the ledger decided for events that asked (POST /v1/events?wait=applied).',
                subscribe: { operationId: 'readEventResults', message: messageRef('EventResult') },
            },
            _a),
        components: {
            schemas: messageSchemas(),
            messages: __assign(__assign({}, events), { DeadLetter: message('DeadLetter', 'A dead letter of inventory.events', 'the original message key'), StockLevelMessage: message('StockLevelMessage', 'The newest state of one SKU', 'the sku'), ChannelDeadLetter: message('ChannelDeadLetter', 'A channel update that could not be delivered', '<channel>:<sku>'), PoolDefined: message('PoolDefined', 'A pool defined or redefined', 'the poolId'), PoolDeleted: message('PoolDeleted', "A pool deleted: its channels sell from 'default' again", 'the poolId'), ChannelAvailability: message('ChannelAvailability', "A channel's sellable quantity of a SKU", '<channel>:<sku>'), EventResult: message('EventResult', 'The ledger decision on one event', 'the eventId') }),
        },
    };
}
