import { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Answers `Expect: 100-continue` from the declared size: a body over the
 * route's limit gets its 413 before the client sends a byte of it, any other
 * request gets `100 Continue` and goes on to Fastify as usual. Without this,
 * Node says 100 Continue to everything and the client uploads the whole body
 * only to be refused (and may see the connection reset instead of the 413).
 */
export function answerExpectContinue(server: Server, limitFor: (path: string) => number): void {
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    const declared = Number(req.headers['content-length']);
    const limit = limitFor((req.url ?? '/').split('?')[0]);
    if (Number.isFinite(declared) && declared > limit) {
      res.writeHead(413, {
        'content-type': 'application/json; charset=utf-8',
        connection: 'close',
      });
      res.end(
        JSON.stringify({
          statusCode: 413,
          code: 'FST_ERR_CTP_BODY_TOO_LARGE',
          error: 'Payload Too Large',
          message: `Request body is too large: ${declared} bytes declared, the limit is ${limit}`,
        }),
      );
      return;
    }
    res.writeContinue();
    server.emit('request', req, res);
  });
}
