/** @module The `node:http` adapter: IncomingMessage in, the core's Response out, drops kept. */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { SandboxApp } from './create-sandbox-app.js';
import { ConnectionDrop } from './http/connection-drop.js';
import { NodeRequest } from './http/node-request.js';
import { partsOf } from './http/prepared-response.js';
import type { SandboxLogger } from './logger.js';

/**
 * A `node:http` listener over the core: the request target is passed as received (so that
 * signatures cover the client's bytes), the request's signal aborts when the client goes away
 * (a held `timeout` fault lets go), and a {@link ConnectionDrop} destroys the socket unanswered.
 * The request is a {@link NodeRequest} (read only as far as the core reads it) and a prepared
 * answer is written as it is, so a WPay call builds no Web stream on either side.
 *
 * @example
 * ```ts
 * const server = createServer(nodeListenerOf(app, { baseUrl: 'http://127.0.0.1:4010', logger }));
 * ```
 */
export function nodeListenerOf(
  app: SandboxApp,
  options: { baseUrl: () => string; logger: SandboxLogger },
): RequestListener {
  return (req, res) => {
    const rawTarget = req.url ?? '/';
    const request = new NodeRequest(req, `${options.baseUrl()}${rawTarget}`);
    res.on('close', () => request.gone()); // fires once; `once` would wrap and unhook it
    app.fetch(request as unknown as Request, { rawTarget }).then(
      (response) => write(req, res, response),
      (error: unknown) => {
        if (!(error instanceof ConnectionDrop)) {
          options.logger.error('sandbox request failed', {
            error: error instanceof Error ? error.message : String(error),
          });
        }
        res.destroy();
      },
    );
  };
}

async function write(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const parts = partsOf(response);
  let headers: Record<string, string>;
  let body: string | Uint8Array | null;
  if (parts) {
    headers = parts.headers as Record<string, string>;
    body = parts.body;
  } else {
    headers = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    body = Buffer.from(await response.arrayBuffer());
  }
  // A body left unread (a 413) is not worth draining on a kept-alive connection.
  if (!req.complete) headers = { ...headers, connection: 'close' };
  res.writeHead(response.status, headers);
  // A string goes out in the same write as the head.
  res.end(body ?? undefined);
}
