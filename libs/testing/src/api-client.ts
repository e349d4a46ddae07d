import { connect } from 'node:net';
import { Json } from './json';

/** Minimal JSON client for the public HTTP API in tests. */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['content-type'] = 'application/json';
  const res = await fetch(baseUrl + path, {
    method,
    headers,
    body:
      options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, body, headers: res.headers };
}

/**
 * POSTs a body the server is expected to refuse for its size (413). The server
 * answers from Content-Length alone and closes while the client is still
 * sending; a client that keeps writing gets the connection reset and loses the
 * answer (fetch() reports EPIPE). This one sends the headers, gives the server a
 * moment to answer from them (what `Expect: 100-continue` is for), and sends the
 * body only if it has not; it stops writing once any answer arrives.
 */
export function postOversized(
  baseUrl: string,
  path: string,
  token: string,
  body: unknown,
): Promise<{ status: number }> {
  const url = new URL(path, baseUrl);
  const payload = Buffer.from(JSON.stringify(body));
  const head =
    `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\n` +
    `Content-Type: application/json\r\nContent-Length: ${payload.length}\r\nConnection: close\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (status) resolve({ status: Number(status[1]) });
      else reject(new Error(`connection closed without an answer (${received.length} bytes read)`));
    });
    socket.once('connect', async () => {
      socket.write(head);
      for (let waited = 0; waited < 1000 && received.length === 0; waited += 20)
        await new Promise((r) => setTimeout(r, 20));
      for (
        let at = 0;
        at < payload.length && received.length === 0 && !socket.destroyed;
        at += 16 * 1024
      ) {
        if (!socket.write(payload.subarray(at, at + 16 * 1024)))
          await new Promise((r) => socket.once('drain', r));
        await new Promise((r) => setImmediate(r));
      }
    });
  });
}
