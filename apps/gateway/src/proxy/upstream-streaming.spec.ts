import Fastify, { FastifyInstance } from 'fastify';
import { createHash } from 'crypto';
import {
  IncomingHttpHeaders,
  IncomingMessage,
  Server,
  ServerResponse,
  createServer,
  request,
} from 'http';
import { AddressInfo } from 'net';
import { registerUpstreams } from './upstream-proxy';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A raw Node upstream (it sees bytes as they arrive) behind a real gateway: the
 * proxy streams bodies both ways instead of buffering them, and its timeouts.
 */
describe('upstream proxy streaming and timeouts', () => {
  let upstream: Server;
  let gateway: FastifyInstance;
  let base: string;
  let handle: Handler;

  beforeAll(async () => {
    upstream = createServer((req, res) => handle(req, res));
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
    gateway = Fastify();
    // One instance: bodies stream through; the attempt timeout is for a second instance only.
    registerUpstreams(gateway, [{ name: 'orders', prefixes: ['/v1/orders'], urls: [url] }], {
      timeoutMs: 600,
      attemptTimeoutMs: 100,
    });
    await gateway.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    upstream?.closeAllConnections();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  /** Rejects if `promise` has not settled within `ms`: a proxy that buffers never lets it. */
  const within = <T>(promise: Promise<T>, ms: number, what: string): Promise<T> =>
    Promise.race([
      promise,
      new Promise<T>((_, reject) =>
        setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms),
      ),
    ]);

  it('streams a large response: the client reads its start before the upstream has sent the rest', async () => {
    const chunk = Buffer.alloc(256 * 1024, 'x');
    let sendRest!: () => void;
    const restAllowed = new Promise<void>((resolve) => (sendRest = resolve));
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'x-size': '8' });
      res.write(chunk);
      void restAllowed.then(() => {
        for (let i = 1; i < 8; i++) res.write(chunk);
        res.end();
      });
    };
    const res = await fetch(`${base}/v1/orders/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-size')).toBe('8');
    const reader = res.body!.getReader();
    const first = await within(reader.read(), 2000, 'the first chunk');
    let received = first.value!.length;
    sendRest();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      received += next.value.length;
    }
    expect(received).toBe(8 * chunk.length);
  });

  it('streams a request body to a single-instance upstream as it arrives', async () => {
    let firstArrived!: () => void;
    const arrived = new Promise<void>((resolve) => (firstArrived = resolve));
    let upstreamHeaders: IncomingHttpHeaders = {};
    handle = (req, res) => {
      upstreamHeaders = req.headers;
      const hash = createHash('sha256');
      let bytes = 0;
      req.on('data', (data: Buffer) => {
        hash.update(data);
        bytes += data.length;
        firstArrived();
      });
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ bytes, sha256: hash.digest('hex') }));
      });
    };
    const parts = ['{"lines":[{"sku":"A","quantity":1}],', '"payment":{"method":"card"}}'];
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/v1/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      });
      req.on('error', reject);
      req.on('response', (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.write(parts[0]);
      // The second part goes only once the upstream holds the first: a buffering proxy would wait forever.
      void within(arrived, 2000, 'the first part at the upstream').then(
        () => req.end(parts[1]),
        (error: Error) => req.destroy(error),
      );
    });
    const { status, body } = await answer;
    expect(status).toBe(201);
    const sent = parts.join('');
    expect(JSON.parse(body)).toEqual({
      bytes: sent.length,
      sha256: createHash('sha256').update(sent).digest('hex'),
    });
    expect(upstreamHeaders['content-type']).toBe('application/json');
  });

  it('takes a body sent after Expect: 100-continue and forwards it without the expectation', async () => {
    let upstreamHeaders: IncomingHttpHeaders = {};
    handle = (req, res) => {
      upstreamHeaders = req.headers;
      let body = '';
      req.on('data', (d: Buffer) => (body += d.toString()));
      req.on('end', () => {
        res.writeHead(202, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ body }));
      });
    };
    const sent = '{"lines":[]}';
    const answer = await new Promise<{ status: number; body: string; continued: boolean }>(
      (resolve, reject) => {
        let continued = false;
        const req = request(`${base}/v1/orders`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': String(sent.length),
            expect: '100-continue',
          },
        });
        req.on('error', reject);
        req.on('continue', () => {
          continued = true;
          req.end(sent);
        });
        req.on('response', (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, body, continued }));
        });
      },
    );
    expect(answer).toEqual({ status: 202, body: JSON.stringify({ body: sent }), continued: true });
    expect(upstreamHeaders.expect).toBeUndefined();
    expect(upstreamHeaders['content-length']).toBe(String(sent.length));
  });

  it('gives the only instance the full timeout, not the attempt timeout', async () => {
    handle = (_req, res) => {
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 300);
    };
    const res = await fetch(`${base}/v1/orders/o-1`);
    expect(res.status).toBe(200); // 300 ms: past the 100 ms attempt timeout, within the 600 ms one
  });

  it('answers 504 when the answer does not start within the timeout', async () => {
    handle = (_req, res) => {
      setTimeout(() => res.writeHead(200).end('{}'), 1500).unref();
    };
    const started = Date.now();
    const res = await fetch(`${base}/v1/orders/o-2`);
    expect(res.status).toBe(504);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /^orders did not answer in time/,
    );
    expect(Date.now() - started).toBeLessThan(1400);
  });

  it('cuts a response off whose body stalls longer than the timeout', async () => {
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.write('start');
      setTimeout(() => res.end('late'), 1500).unref();
    };
    const res = await fetch(`${base}/v1/orders/o-3`);
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  // A small answer (Content-Length up to WHOLE_BODY_BYTES) is read whole before the client gets anything.
  it('answers 504 when a small answer stalls mid-body past the timeout', async () => {
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '20' });
      res.write('{"status":');
      setTimeout(() => res.end('"late"}   '), 1500).unref();
    };
    const res = await fetch(`${base}/v1/orders/o-4`);
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(((await res.json()) as { message: string }).message).toMatch(
      /^orders did not answer in time/,
    );
  });

  it('answers 502 when the upstream dies in the middle of a small answer', async () => {
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '20' });
      res.write('{"status":', () => res.socket?.destroy());
    };
    const res = await fetch(`${base}/v1/orders/o-5`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { message: string }).message).toMatch(/^orders is unavailable/);
  });
});
