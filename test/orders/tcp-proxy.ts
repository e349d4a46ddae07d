import { Server, Socket, createConnection, createServer } from 'net';

/**
 * A TCP proxy in front of a shared server (Postgres, Redis), so a test can make
 * it unreachable for the services behind the proxy (cut) and bring it back
 * (restore) without touching the server everyone else uses.
 *
 * Each side's end is the other's: when one socket closes or fails, its peer is
 * destroyed too. A SIGKILLed process's socket is often reset rather than closed
 * (unread bytes in its buffer), and `pipe` passes on only a clean end: without
 * this, the Postgres session of a killed orders instance stayed open behind the
 * proxy, idle in its transaction and holding the row locks of the batch it was
 * deciding, and every later decision of those orders waited for minutes.
 */
export interface TcpProxy {
  port: number;
  cut(): Promise<void>;
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = createConnection(target);
        for (const [s, peer] of [
          [client, upstream],
          [upstream, client],
        ]) {
          sockets.add(s);
          s.on('close', () => {
            sockets.delete(s);
            peer.destroy();
          });
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const cut = async () => {
    const closed = new Promise<void>((resolve) =>
      server ? server.close(() => resolve()) : resolve(),
    );
    for (const s of sockets) s.destroy();
    await closed;
    server = undefined;
  };
  await listen();
  return { port, cut, restore: listen, close: cut };
}
