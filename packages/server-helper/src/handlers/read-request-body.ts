/**
 * Reading a checkout body: JSON from `<wpay-button>`, or a form post (urlencoded or multipart)
 * from its no-JS fallback, with a size limit.
 *
 * @module
 */

import { readLimited } from './read-limited.js';

// One decoder for every body: stateless between calls (each decode() is a whole body).
const decoder = new TextDecoder();

/**
 * A body that was read, or the refusal to answer.
 *
 * @example
 * ```ts
 * const read: ReadBodyResult = { ok: false, status: 400, code: 'body_too_deep', message: '…' };
 * ```
 */
export type ReadBodyResult =
  | { ok: true; kind: 'json' | 'form'; value: unknown }
  | { ok: false; status: 400 | 413 | 415; code: string; message: string };

/**
 * Whether `value` nests arrays/objects deeper than `maxDepth` (the top-level container is depth
 * 1). Iterative: a hostile 30 000-deep body cannot overflow the stack here, and it is refused
 * before any recursive code (a zod schema, JSON.stringify) sees it.
 */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [current, depth] = item;
    if (current === null || typeof current !== 'object') continue;
    if (depth > maxDepth) return true;
    for (const inner of Object.values(current)) stack.push([inner, depth + 1]);
  }
  return false;
}

function formToObject(form: FormData): Record<string, string | string[]> {
  // A Map, then Object.fromEntries: fields named `__proto__` or `constructor` stay plain own
  // fields instead of reaching (or reading) Object.prototype.
  const fields = new Map<string, string | string[]>();
  for (const [name, value] of form) {
    if (typeof value !== 'string') continue; // uploaded files are not checkout fields
    const previous = fields.get(name);
    if (previous === undefined) fields.set(name, value);
    else fields.set(name, Array.isArray(previous) ? [...previous, value] : [previous, value]);
  }
  return Object.fromEntries(fields);
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
 * const body = await readRequestBody(request, { maxBytes: 64 * 1024, maxDepth: 32 });
 * if (!body.ok) return errorResponse(body.status, body.code, body.message);
 * ```
 */
export async function readRequestBody(
  request: Request,
  { maxBytes, maxDepth }: { maxBytes: number; maxDepth: number },
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
    let value: unknown;
    try {
      value = JSON.parse(decoder.decode(bytes));
    } catch {
      return {
        ok: false,
        status: 400,
        code: 'invalid_json',
        message: 'The body is not valid JSON',
      };
    }
    if (nestsDeeperThan(value, maxDepth)) {
      return {
        ok: false,
        status: 400,
        code: 'body_too_deep',
        message: `The body nests arrays or objects deeper than ${maxDepth} levels`,
      };
    }
    return { ok: true, kind: 'json', value };
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
