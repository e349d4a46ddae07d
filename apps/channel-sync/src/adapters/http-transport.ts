import { Pool } from 'undici';
import { DeliveryOutcome, PreparedRequest } from './channel-adapter';
import { responseOutcome, transportFailure } from './response-outcome';

/**
 * Keep-alive connections to one channel's host, as many as the channel may
 * have sends in flight, so no send waits for a connection and a slow channel
 * ties up only its own sockets.
 */
export class HttpTransport {
  private readonly pool: Pool;

  constructor(origin: string, connections: number, timeoutMs: number) {
    this.pool = new Pool(origin, {
      connections,
      pipelining: 1,
      connectTimeout: timeoutMs,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  }

  async post(request: PreparedRequest): Promise<DeliveryOutcome> {
    try {
      const response = await this.pool.request({
        method: 'POST',
        path: request.path,
        headers: { 'content-type': 'application/json', ...request.headers },
        body: request.body,
      });
      const text = await response.body.text();
      return responseOutcome(
        response.statusCode,
        response.headers['retry-after'],
        text,
        Date.now(),
      );
    } catch (error) {
      return transportFailure(error);
    }
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
