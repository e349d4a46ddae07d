import Fastify, { FastifyInstance } from 'fastify';
import { AddressInfo, connect } from 'node:net';
import { answerExpectContinue } from './expect-continue';

/** Sends the head of a POST with Expect: 100-continue and returns the first thing the server says. */
function firstAnswer(port: number, path: string, contentLength: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () =>
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${contentLength}\r\nExpect: 100-continue\r\n\r\n`,
      ),
    );
    socket.once('data', (chunk) => {
      resolve(chunk.toString('latin1'));
      socket.destroy();
    });
    socket.once('error', reject);
  });
}

describe('answerExpectContinue', () => {
  let app: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    app = Fastify({ bodyLimit: 100 });
    answerExpectContinue(app.server, (path) => (path === '/big' ? 10_000 : 100));
    app.post('/small', async (req) => ({ got: req.body }));
    app.post('/big', async () => ({ ok: true }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(() => app.close());

  it('refuses a declared body over the limit with 413 before any of it is sent', async () => {
    const answer = await firstAnswer(port, '/small?x=1', 101);
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('the limit is 100');
  });

  it('takes the route limit, not the default', async () => {
    expect(await firstAnswer(port, '/big', 5_000)).toMatch(/^HTTP\/1\.1 100 Continue/);
    expect(await firstAnswer(port, '/big', 10_001)).toMatch(/^HTTP\/1\.1 413 /);
  });

  it('lets a body within the limit through to the route after 100 Continue', async () => {
    const body = '{"a":1}';
    const answer = await new Promise<string>((resolve, reject) => {
      let received = '';
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(
          `POST /small HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
        ),
      );
      socket.on('data', (chunk) => {
        if (received === '') socket.write(body); // the 100 Continue: now the body
        received += chunk.toString('latin1');
      });
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 OK/);
    expect(answer).toContain('{"got":{"a":1}}');
  });
});
