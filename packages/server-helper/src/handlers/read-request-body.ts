/**
 * Reading a checkout body: JSON from `<wpay-button>`, or a form post (urlencoded or multipart)
 * from its no-JS fallback, with a size limit.
 *
 * @module
 */

import { readLimited } from './read-limited.js';

/** A body that was read, or the refusal to answer. */
export type ReadBodyResult =
  | { ok: true; kind: 'json' | 'form'; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: string; message: string };

function formToObject(form: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue; // uploaded files are not checkout fields
    const previous = result[name];
    if (previous === undefined) result[name] = value;
    else result[name] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return result;
}

function mediaType(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Reads and decodes the body by its `Content-Type`. Repeated form fields become arrays; files are
 * ignored.
 *
 * @example
 * ```ts
 * const body = await readRequestBody(request, { maxBytes: 64 * 1024 });
 * if (!body.ok) return errorResponse(body.status, body.code, body.message);
 * ```
 */
export async function readRequestBody(
  request: Request,
  { maxBytes }: { maxBytes: number },
): Promise<ReadBodyResult> {
  const type = mediaType(request);
  const json = type === 'application/json' || /^application\/[\w.+-]+\+json$/.test(type);
  const form = type === 'application/x-www-form-urlencoded' || type === 'multipart/form-data';
  if (!json && !form) {
    return {
      ok: false,
      status: 415,
      code: 'unsupported_media_type',
      message: 'Send application/json, application/x-www-form-urlencoded or multipart/form-data',
    };
  }
  const bytes = await readLimited(request, maxBytes);
  if (!bytes) {
    return {
      ok: false,
      status: 413,
      code: 'body_too_large',
      message: `The body exceeds ${maxBytes} bytes`,
    };
  }
  if (json) {
    try {
      return { ok: true, kind: 'json', value: JSON.parse(new TextDecoder().decode(bytes)) };
    } catch {
      return {
        ok: false,
        status: 400,
        code: 'invalid_json',
        message: 'The body is not valid JSON',
      };
    }
  }
  try {
    const parsed = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': request.headers.get('content-type') ?? type },
    }).formData();
    return { ok: true, kind: 'form', value: formToObject(parsed) };
  } catch {
    return {
      ok: false,
      status: 400,
      code: 'invalid_form',
      message: 'The form body could not be read',
    };
  }
}
