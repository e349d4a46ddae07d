import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { FastifyInstance } from 'fastify';
import { asyncApiDocument, eventSchemas, inventoryEventSchema } from '@stockflow/contracts';
import { ProxiedRoutesDocsModule } from './proxied-routes.docs';

const schemaRef = (name: string) => `#/components/schemas/${name}`;

/**
 * The OpenAPI 3 document of the whole public API on the gateway's port: the
 * gateway's own controllers, the routes it proxies (declared in a module that
 * is never mounted), and the event schemas generated from the validators' DTOs.
 */
export async function buildOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  const config = new DocumentBuilder()
    .setTitle('Stockflow public API')
    .setDescription(
      'Event-sourced inventory ledger. Authorization: Bearer <token>; a channel token writes only its own channel, an operator token reads everything and runs /v1/ops. Kafka topics: GET /asyncapi.json. Operator console: /console.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const own = SwaggerModule.createDocument(app, config);
  // A throwaway Nest app, never listening, only to scan the proxied routes' controllers.
  const docsApp = await NestFactory.create<NestFastifyApplication>(
    ProxiedRoutesDocsModule,
    new FastifyAdapter(),
    { logger: false },
  );
  try {
    const proxied = SwaggerModule.createDocument(docsApp, config);
    const events = eventSchemas();
    return {
      ...own,
      tags: [...(own.tags ?? []), ...(proxied.tags ?? [])],
      paths: { ...own.paths, ...proxied.paths },
      components: {
        ...own.components,
        schemas: {
          ...own.components?.schemas,
          ...proxied.components?.schemas,
          ...events,
          InventoryEvent: inventoryEventSchema(schemaRef),
        } as NonNullable<OpenAPIObject['components']>['schemas'],
      },
    };
  } finally {
    await docsApp.close();
  }
}

/** GET /docs (Swagger UI, assets served from swagger-ui-dist), /openapi.json and /asyncapi.json; no token needed. */
export async function registerApiDocs(
  app: NestFastifyApplication,
  fastify: FastifyInstance,
  topicPrefix: string,
): Promise<void> {
  const document = await buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  const asyncApi = asyncApiDocument(topicPrefix);
  fastify.get('/asyncapi.json', (_request, reply) => reply.type('application/json').send(asyncApi));
}
