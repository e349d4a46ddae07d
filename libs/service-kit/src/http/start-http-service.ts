import { DynamicModule, Logger, LogLevel, Type } from '@nestjs/common';
import { CustomTransportStrategy } from '@nestjs/microservices';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance, FastifyListenOptions } from 'fastify';
import { ConfigError, HttpEnv } from '@stockflow/config';
import { Tracing, startTracing } from '@stockflow/tracing';
import { Readiness } from '@stockflow/runtime';
import { answerExpectContinue } from './expect-continue';
import { TraceInterceptor, traceHttpRequests } from './http-tracing';
import { strictValidationPipe } from './validation-pipe';

export interface HttpServiceOptions {
  name: string;
  /** The service's validated config: PORT, LOG_LEVEL and SHUTDOWN_TIMEOUT_SECONDS come from it. */
  config: HttpEnv;
  /** Default request body limit in bytes (413 above it). */
  bodyLimit?: number;
  /** Per-route overrides, e.g. a bulk endpoint that takes far larger bodies. */
  routeBodyLimits?: Record<string, number>;
  /** Raw Fastify routes to add next to Nest's (e.g. the gateway's proxy), and anything that needs the app (API docs). */
  beforeListen?: (fastify: FastifyInstance, app: NestFastifyApplication) => unknown;
  /**
   * The app's message transport (a provider token, e.g. KafkaTransport): connected as
   * a NestJS microservice sharing the app's pipes, started before the app's bootstrap
   * hooks and the HTTP port, closed by app.close().
   */
  transport?: Type<CustomTransportStrategy>;
  /**
   * Listen on this inherited socket instead of PORT (0 or unset: PORT). Several
   * processes given the same bound socket serve one port with no primary
   * (bindSharedListenSocket in @stockflow/runtime; the supervisor's gateways).
   */
  listenFd?: number;
}

const LEVELS: Record<string, LogLevel[]> = {
  debug: ['debug', 'log', 'warn', 'error', 'fatal'],
  info: ['log', 'warn', 'error', 'fatal'],
  warn: ['warn', 'error', 'fatal'],
  error: ['error', 'fatal'],
};

/**
 * Boots one service: Fastify, strict validation, health and metrics, graceful
 * shutdown on SIGTERM (every shutdown hook runs; a hard deadline stops a hook
 * that hangs, so Kubernetes never has to SIGKILL mid-write).
 */
export async function startHttpService(
  module: DynamicModule,
  options: HttpServiceOptions,
): Promise<NestFastifyApplication> {
  // Before anything else: spans of the first requests and messages need the provider.
  const tracing = startTracing({ serviceName: `stockflow-${options.name}` });
  const defaultLimit = options.bodyLimit ?? 1024 * 1024;
  const adapter = new FastifyAdapter({ bodyLimit: defaultLimit });
  traceHttpRequests(adapter.getInstance() as unknown as FastifyInstance);
  const limits = options.routeBodyLimits ?? {};
  adapter.getInstance().addHook('onRoute', (route) => {
    if (limits[route.url] !== undefined) route.bodyLimit = limits[route.url];
  });
  answerExpectContinue(adapter.getInstance().server, (path) => limits[path] ?? defaultLimit);
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: LEVELS[options.config.LOG_LEVEL] ?? LEVELS.info,
  });
  app.useGlobalPipes(strictValidationPipe());
  if (tracing.enabled) app.useGlobalInterceptors(new TraceInterceptor());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => void shutDown(app, options, signal, tracing));
  }
  if (options.transport) {
    app.connectMicroservice({ strategy: app.get(options.transport) }, { inheritAppConfig: true });
    // Before the init hooks: some wait for a consumer to catch up (channel-sync's fleet
    // starts its channels once PoolFeed has read every pool definition).
    await app.startAllMicroservices();
  }
  await options.beforeListen?.(adapter.getInstance() as unknown as FastifyInstance, app);
  if (options.listenFd) {
    // Node's server.listen({ fd }) takes a bound socket; a host keeps Fastify from
    // adding its 'localhost' second bindings. Fastify's types do not name fd.
    const onSocket: FastifyListenOptions & { fd: number } = {
      fd: options.listenFd,
      host: '0.0.0.0',
    };
    await app.listen(onSocket);
  } else {
    await app.listen(options.config.PORT, '0.0.0.0');
  }
  const where = options.listenFd
    ? `inherited socket fd ${options.listenFd}`
    : `:${options.config.PORT}`;
  new Logger(options.name).log(`listening on ${where}`);
  // A parent that spawned us with an IPC channel (a test, a supervisor) learns that
  // this process, not just the port, now serves: with a shared socket the port alone cannot tell.
  process.send?.('listening');
  return app;
}

/**
 * app.close() runs every shutdown hook in order (the transport's consumers finish
 * their batch, commit and leave their groups, then producers and pools close); exit 0
 * means a clean stop. A hook that hangs past the deadline ends the process.
 */
async function shutDown(
  app: NestFastifyApplication,
  options: HttpServiceOptions,
  signal: string,
  tracing: Tracing,
): Promise<void> {
  const logger = new Logger(options.name);
  logger.log(`${signal}: shutting down`);
  app.get(Readiness, { strict: false }).markDraining(); // /health/ready answers 503 from now on
  const deadline = options.config.SHUTDOWN_TIMEOUT_SECONDS;
  setTimeout(() => {
    logger.error(`shutdown took over ${deadline}s, exiting`);
    process.exit(1);
  }, deadline * 1000).unref();
  try {
    await app.close();
    await tracing.shutdown(); // flush the last spans: they describe what the shutdown finished
    process.exit(0);
  } catch (error) {
    logger.error(`shutdown failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

/** main.ts wrapper: a bad config prints which variable is wrong and exits without a stack trace. */
export function runService(start: () => Promise<unknown>): void {
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG: restarting will not help until the config is fixed
    }
    console.error(error);
    process.exit(1);
  });
}
