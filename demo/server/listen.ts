import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of {@link listen}. */
export interface ListenOptions {
  /** The port to try first; 0 picks a free one. */
  readonly port: number;
  readonly host: string;
  /** When the port is taken, listen on a free one instead of failing. */
  readonly fallbackWhenBusy?: boolean;
}

/**
 * Starts `server` listening and resolves with the port it got. With `fallbackWhenBusy`, a port
 * already in use (`EADDRINUSE`) is replaced by a free one.
 *
 * @example
 * ```ts
 * const port = await listen(server, { port: 3000, host: '127.0.0.1', fallbackWhenBusy: true });
 * ```
 */
export async function listen(server: Server, options: ListenOptions): Promise<number> {
  try {
    return await listenOnce(server, options.port, options.host);
  } catch (error) {
    const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!busy || !options.fallbackWhenBusy || options.port === 0) throw error;
    return listenOnce(server, 0, options.host);
  }
}

function listenOnce(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => {
      server.off('listening', onListening);
      reject(error);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Closes a server, dropping idle keep-alive sockets so the close does not wait for them.
 *
 * @example
 * ```ts
 * await closeServer(server);
 * ```
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
    setImmediate(() => server.closeAllConnections());
  });
}
