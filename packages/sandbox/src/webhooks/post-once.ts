/** @module One webhook attempt over HTTP, with a deadline. */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** The answer of a webhook receiver. */
export interface PostResult {
  status: number;
  body: string;
}

/** Most bytes of a receiver's answer read. */
const MAX_ANSWER_BYTES = 65_536;

/**
 * POSTs a body without keep-alive and resolves with the status and (the start of) the answer;
 * rejects on a network error, after `timeoutMs`, or when `signal` aborts.
 *
 * @example
 * ```ts
 * const { status } = await postOnce('http://127.0.0.1:3000/hook', '{}', { 'content-type': 'application/json' }, 15_000);
 * ```
 */
export function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<PostResult> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      agent: false,
      headers: {
        ...headers,
        'content-length': String(Buffer.byteLength(body)),
        connection: 'close',
      },
      ...(signal ? { signal } : {}),
    });
    const timer = setTimeout(
      () => req.destroy(new Error(`no answer within ${timeoutMs} ms (timeout)`)),
      timeoutMs,
    );
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        if (size < MAX_ANSWER_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end(body);
  });
}
