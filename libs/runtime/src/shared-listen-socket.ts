import { getSystemErrorName } from 'node:util';

/** The part of Node's TCP handle used here (libuv's uv_tcp_t, as net.Server holds it). */
interface TcpHandle {
  bind(host: string, port: number): number;
  bind6(host: string, port: number, flags: number): number;
  readonly fd: number;
}
interface TcpWrap {
  TCP: new (type: number) => TcpHandle;
  constants: { SERVER: number };
}

/**
 * A TCP socket bound to `host:port` but **not listening**, for child processes
 * to inherit (spawn's `stdio[3]`) and listen on (`server.listen({ fd: 3 })`):
 * every process holding it accepts from the one kernel queue, so killing any
 * one of them leaves the port served by the others, with no primary process in
 * the path (unlike Node's `cluster`, whose workers die with their primary).
 *
 * Why not net.Server: a listening net.Server accepts connections itself (libuv
 * polls a listening socket as soon as it listens), and the process that owns
 * the socket (the supervisor) must not take any. Only binding leaves accepting
 * to the children; the first child's listen(2) puts the socket in LISTEN, and
 * because this process keeps its copy open, it stays there (connections wait in
 * the backlog, not refused) while every child is down and being restarted.
 * Node has no public bind-only API, so this uses its TCP handle (process.binding,
 * documentation-deprecated DEP0111 but unchanged since Node 0.x).
 *
 * The fd is close-on-exec in this process; spawn's stdio duplicates it into
 * the child without that flag. Returns the fd.
 */
export function bindSharedListenSocket(port: number, host = '0.0.0.0'): number {
  const tcpWrap = (process as unknown as { binding(name: 'tcp_wrap'): TcpWrap }).binding(
    'tcp_wrap',
  );
  const handle = new tcpWrap.TCP(tcpWrap.constants.SERVER);
  const error = host.includes(':') ? handle.bind6(host, port, 0) : handle.bind(host, port);
  if (error !== 0) {
    throw new Error(`cannot bind ${host}:${port}: ${getSystemErrorName(error)}`);
  }
  // Kept referenced forever: a collected handle would close the socket under the children.
  sharedSockets.push(handle);
  return handle.fd;
}

const sharedSockets: TcpHandle[] = [];
