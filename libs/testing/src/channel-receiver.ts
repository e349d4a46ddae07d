import {
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
} from 'node:http';
import { AddressInfo } from 'node:net';
import { WEBHOOK_SIGNATURE_HEADER, verifyWebhookSignature } from '@stockflow/contracts';
import { Json } from './json';

/** One call a channel received. */
export interface ReceivedCall {
  /** Date.now() when the body was complete. */
  at: number;
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: Json;
  /** Whether X-Stockflow-Signature matched (only when the receiver knows the secret). */
  signatureValid?: boolean;
  /** The status this receiver answered. */
  status: number;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Answer only after this long (a slow channel). */
  delayMs?: number;
}

export interface ReceiverOptions {
  /** Checks X-Stockflow-Signature with it (ReceivedCall.signatureValid). */
  secret?: string;
  /** Sees every call as it arrives. */
  onCall?: (call: ReceivedCall) => void;
  /** Keep calls in `calls` (default); long-running receivers turn it off and use onCall. */
  record?: boolean;
}

/** Decides the answer to the n-th call (0-based) of the receiver. */
export type Behaviour = (call: ReceivedCall, n: number) => Answer;

export const healthy: Behaviour = () => ({ status: 200 });

/**
 * A real HTTP server that behaves like a sales channel: healthy, failing,
 * throttling, slow, or down (not listening at all). Records every call.
 */
export class ChannelReceiver {
  readonly calls: ReceivedCall[] = [];
  private server?: Server;
  private answered = 0;

  private constructor(
    public port: number,
    public behaviour: Behaviour,
    private readonly options: ReceiverOptions,
  ) {}

  /** Starts listening on a free loopback port (or `port`); `down: true` only reserves the port. */
  static async start(
    options: ReceiverOptions & { behaviour?: Behaviour; port?: number; down?: boolean } = {},
  ): Promise<ChannelReceiver> {
    const receiver = new ChannelReceiver(options.port ?? 0, options.behaviour ?? healthy, options);
    await receiver.listen();
    if (options.down) await receiver.close();
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get listening(): boolean {
    return this.server !== undefined;
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => this.handle(req, res));
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and drops open connections: callers now get ECONNREFUSED. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Calls that were answered 2xx. */
  accepted(): ReceivedCall[] {
    return this.calls.filter((c) => c.status >= 200 && c.status < 300);
  }

  /** Newest accepted body per key (e.g. `c => c.body.sku`), in arrival order. */
  latestBy(key: (call: ReceivedCall) => string): Map<string, Json> {
    const latest = new Map<string, Json>();
    for (const call of this.accepted()) latest.set(key(call), call.body);
    return latest;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      let body: unknown = rawBody;
      try {
        body = JSON.parse(rawBody);
      } catch {
        /* keep the text */
      }
      const call: ReceivedCall = {
        at: Date.now(),
        path: req.url ?? '',
        headers: req.headers,
        rawBody,
        body,
        status: 0,
        ...(this.options.secret === undefined
          ? {}
          : {
              signatureValid: verifyWebhookSignature(
                rawBody,
                this.options.secret,
                req.headers[WEBHOOK_SIGNATURE_HEADER],
              ),
            }),
      };
      const answer = this.behaviour(call, this.answered++);
      call.status = answer.status;
      if (this.options.record !== false) this.calls.push(call);
      this.options.onCall?.(call);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body ?? '{}');
      };
      if (answer.delayMs) setTimeout(send, answer.delayMs);
      else send();
    });
  }
}
