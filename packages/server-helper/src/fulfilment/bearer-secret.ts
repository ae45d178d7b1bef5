/**
 * Checking `Authorization: Bearer <secret>` against a configured secret in constant time (both
 * sides hashed first, so neither length nor content leaks through timing).
 *
 * @module
 */
import { WPayConfigError } from '../errors.js';

/** Shortest accepted secret: 32 characters (e.g. `openssl rand -hex 16`). */
const MIN_SECRET_LENGTH = 32;

/**
 * Refuses a missing or short secret at creation, naming the option.
 *
 * @example
 * ```ts
 * assertSecret(process.env.CRON_SECRET, 'secret', 'reconcileHandler');
 * ```
 */
export function assertSecret(
  secret: string | undefined,
  field: string,
  owner: string,
): asserts secret is string {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH) {
    throw new WPayConfigError({
      field,
      message: `${owner} needs a ${field} of at least ${MIN_SECRET_LENGTH} characters`,
      hint: 'Generate one (openssl rand -hex 32), keep it in an environment variable and give it to the caller too.',
    });
  }
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/**
 * Whether `request` carries `Authorization: Bearer <secret>`.
 *
 * @example
 * ```ts
 * if (!(await hasBearer(request, secret))) return errorResponse(401, 'unauthorized', 'Bad token');
 * ```
 */
export async function hasBearer(request: Request, secret: string): Promise<boolean> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  const [given, expected] = await Promise.all([digest(match?.[1] ?? ''), digest(secret)]);
  let difference = match ? 0 : 1;
  for (let i = 0; i < expected.length; i++) difference |= (given[i] ?? 0) ^ (expected[i] ?? 0);
  return difference === 0;
}
