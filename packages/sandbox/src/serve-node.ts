/** @module The `node:http` adapter: IncomingMessage in, the core's Response out, drops kept. */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { SandboxApp } from './create-sandbox-app.js';
import { ConnectionDrop } from './http/connection-drop.js';
import type { SandboxLogger } from './logger.js';

/**
 * A `node:http` listener over the core: the request target is passed as received (so that
 * signatures cover the client's bytes), the request's signal aborts when the client goes away
 * (a held `timeout` fault lets go), and a {@link ConnectionDrop} destroys the socket unanswered.
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
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    const request = requestOf(req, `${options.baseUrl()}${rawTarget}`, gone.signal);
    app.fetch(request, { rawTarget }).then(
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

function requestOf(req: IncomingMessage, url: string, signal: AbortSignal): Request {
  const method = (req.method ?? 'GET').toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  if (method === 'GET' || method === 'HEAD') {
    req.resume();
    return new Request(url, { method, headers, signal });
  }
  return new Request(url, {
    method,
    headers,
    signal,
    body: bodyOf(req),
    duplex: 'half',
  } as RequestInit);
}

function settle(step: () => void): void {
  try {
    step();
  } catch {
    // The stream was cancelled.
  }
}

/** The request's body as a Web stream; cancelling it drains the rest instead of killing the socket. */
function bodyOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      // After a cancel the stream is closed already: the late end or error is of no interest.
      req.once('end', () => settle(() => controller.close()));
      req.once('error', (error) => settle(() => controller.error(error)));
    },
    pull() {
      req.resume();
    },
    cancel() {
      req.removeAllListeners('data');
      req.resume();
    },
  });
}

async function write(req: IncomingMessage, res: ServerResponse, response: Response): Promise<void> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  // A body left unread (a 413) is not worth draining on a kept-alive connection.
  if (!req.complete) headers.connection = 'close';
  res.writeHead(response.status, headers);
  res.end(body);
}
