import { Logger } from '@nestjs/common';
import { CustomTransportStrategy, MessageHandler, Server } from '@nestjs/microservices';
import { Kafka } from 'kafkajs';
import { lastValueFrom, isObservable } from 'rxjs';
import { Readiness } from '@stockflow/runtime';
import { BatchHandler, KafkaSubscription } from './kafka-subscription';
import { SubscriptionRunner } from './subscription-runner';

/**
 * The services' one Kafka consumer transport (a NestJS custom transport
 * strategy): each subscription gets its own kafkajs consumer and group, and
 * its partition batches go to the @KafkaBatch handler of the same name, or to
 * the handler given to subscribe() for subscriptions made at runtime.
 *
 * Life cycle: the app module's constructors define() subscriptions; main
 * connects the transport (`app.connectMicroservice({ strategy })`);
 * startAllMicroservices() calls listen(), which starts every subscription and
 * resolves once each has joined its group; subscribe() after that starts one
 * at once. app.close() calls close(): every consumer finishes its batch in
 * progress, drains, commits and leaves its group, before the producer and the
 * database close (onApplicationShutdown).
 */
export class KafkaTransport extends Server implements CustomTransportStrategy {
  protected override readonly logger = new Logger(KafkaTransport.name);
  private readonly defined = new Map<string, KafkaSubscription>();
  private readonly pending: SubscriptionRunner[] = [];
  private readonly running: SubscriptionRunner[] = [];
  private listening = false;
  private closing = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly readiness: Readiness,
  ) {
    super();
  }

  /** The subscription a @KafkaBatch(name) handler consumes; call before the app starts. */
  define(name: string, subscription: Omit<KafkaSubscription, 'name'>): void {
    if (this.defined.has(name)) throw new Error(`Kafka subscription "${name}" defined twice`);
    this.defined.set(name, { ...subscription, name });
  }

  /**
   * A subscription whose handler is a function, not a controller method (one
   * group per channel, read from a file at startup). Before listen() it starts
   * with the others; after, it starts now and resolves once joined.
   */
  async subscribe(subscription: KafkaSubscription, handler: BatchHandler): Promise<void> {
    if (this.closing) throw new Error(`not subscribing ${subscription.name}: shutting down`);
    const runner = new SubscriptionRunner(this.kafka, subscription, handler, this.readiness);
    if (!this.listening) {
      this.pending.push(runner);
      return;
    }
    await this.startRunner(runner);
  }

  async listen(callback: (error?: unknown) => void): Promise<void> {
    try {
      for (const [name, handler] of this.getHandlers()) {
        const subscription = this.defined.get(name);
        if (!subscription)
          throw new Error(
            `@KafkaBatch('${name}') has no subscription: call transport.define('${name}', ...)`,
          );
        this.pending.push(
          new SubscriptionRunner(
            this.kafka,
            subscription,
            this.batchHandler(handler),
            this.readiness,
          ),
        );
      }
      const unhandled = [...this.defined.keys()].filter((name) => !this.getHandlers().has(name));
      if (unhandled.length > 0)
        throw new Error(
          `Kafka subscriptions without a @KafkaBatch handler: ${unhandled.join(', ')}`,
        );
      this.listening = true;
      await Promise.all(this.pending.splice(0).map((runner) => this.startRunner(runner)));
      callback();
    } catch (error) {
      callback(error);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.running.splice(0).map((runner) => runner.stop()));
  }

  on(): never {
    throw new Error('KafkaTransport has no events: consumers report through /health/ready');
  }

  unwrap<T>(): T {
    return this.kafka as T;
  }

  private async startRunner(runner: SubscriptionRunner): Promise<void> {
    this.running.push(runner);
    await runner.start();
  }

  /** A Nest handler answers a promise, or an observable when interceptors wrap it. */
  private batchHandler(handler: MessageHandler): BatchHandler {
    return async (batch, context) => {
      const result = await handler(batch, context);
      if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
    };
  }
}
