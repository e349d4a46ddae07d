import Ajv from 'ajv';

// No Strimzi model package runs on Node 20, so these JSON Schemas cover the
// fields our KafkaTopics and KafkaUsers use (from Strimzi's v1beta2 CRDs).
// Unknown fields are refused: a typo must not pass as an ignored extra.

const metadata = {
  type: 'object',
  required: ['name', 'labels'],
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$', maxLength: 253 },
    namespace: { type: 'string' },
    // The operators only pick up resources labelled with their cluster's name.
    labels: {
      type: 'object',
      required: ['strimzi.io/cluster'],
      additionalProperties: { type: 'string' },
    },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
  },
};

const kafkaTopic = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: 'KafkaTopic' },
    metadata,
    spec: {
      type: 'object',
      required: ['partitions', 'replicas'],
      additionalProperties: false,
      properties: {
        topicName: { type: 'string', pattern: '^[a-zA-Z0-9._-]{1,249}$' },
        partitions: { type: 'integer', minimum: 1 },
        replicas: { type: 'integer', minimum: 1, maximum: 32767 },
        config: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] } },
      },
    },
  },
};

const acl = {
  type: 'object',
  required: ['resource', 'operations'],
  additionalProperties: false,
  properties: {
    type: { enum: ['allow', 'deny'] },
    host: { type: 'string' },
    resource: {
      type: 'object',
      required: ['type'],
      additionalProperties: false,
      properties: {
        type: { enum: ['topic', 'group', 'cluster', 'transactionalId'] },
        name: { type: 'string', minLength: 1 },
        patternType: { enum: ['literal', 'prefix'] },
      },
    },
    operations: {
      type: 'array',
      minItems: 1,
      items: {
        enum: [
          'Read',
          'Write',
          'Create',
          'Delete',
          'Alter',
          'Describe',
          'ClusterAction',
          'AlterConfigs',
          'DescribeConfigs',
          'IdempotentWrite',
          'All',
        ],
      },
    },
  },
};

const kafkaUser = {
  type: 'object',
  required: ['apiVersion', 'kind', 'metadata', 'spec'],
  additionalProperties: false,
  properties: {
    apiVersion: { const: 'kafka.strimzi.io/v1beta2' },
    kind: { const: 'KafkaUser' },
    metadata,
    spec: {
      type: 'object',
      required: ['authentication', 'authorization'],
      additionalProperties: false,
      properties: {
        authentication: {
          type: 'object',
          required: ['type'],
          additionalProperties: false,
          properties: { type: { enum: ['tls', 'tls-external', 'scram-sha-512'] } },
        },
        authorization: {
          type: 'object',
          required: ['type', 'acls'],
          additionalProperties: false,
          properties: { type: { const: 'simple' }, acls: { type: 'array', items: acl } },
        },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
export const strimziValidators: Record<string, ReturnType<typeof ajv.compile>> = {
  KafkaTopic: ajv.compile(kafkaTopic),
  KafkaUser: ajv.compile(kafkaUser),
};
