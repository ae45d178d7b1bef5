/**
 * The signed part of a recovery link: `order`, `trx`, `exp`, `nonce` and `sig` query parameters,
 * `sig` = base64url(HMAC-SHA256(key, label + fields)) where the key is derived from the shop's
 * dedicated recovery secret with its own label, so the secret serves no other purpose.
 *
 * @module
 */

const LABEL = 'wpay-recovery-link-v1';

/**
 * What a recovery link names: the order whose checkout expired (and its old `trxNo`, when known).
 *
 * @example
 * ```ts
 * const order: RecoverableOrder = { mchOrderNo: 'order_42', trxNo: 'TRX1001' };
 * ```
 */
export interface RecoverableOrder {
  mchOrderNo: string;
  trxNo?: string | undefined;
}

/** A verified link's fields. */
export interface RecoveryToken extends RecoverableOrder {
  expiresAt: number;
  nonce: string;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes canonical base64url only (one spelling per value), else `undefined`. */
function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return base64url(bytes) === text ? bytes : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Derives the link key from the shop's recovery secret: HMAC-SHA256(secret, label).
 *
 * @example
 * ```ts
 * const key = await recoveryKey(process.env.RECOVERY_SECRET!);
 * ```
 */
export async function recoveryKey(secret: string): Promise<CryptoKey> {
  const hmac = { name: 'HMAC', hash: 'SHA-256' } as const;
  const master = await crypto.subtle.importKey('raw', encoder.encode(secret), hmac, false, [
    'sign',
  ]);
  const derived = await crypto.subtle.sign('HMAC', master, encoder.encode(LABEL));
  return crypto.subtle.importKey('raw', derived, hmac, false, ['sign', 'verify']);
}

function message(token: RecoveryToken): Uint8Array<ArrayBuffer> {
  const fields = [LABEL, token.mchOrderNo, token.trxNo ?? '', String(token.expiresAt), token.nonce];
  return encoder.encode(fields.join('\n'));
}

/**
 * Writes `token` and its signature into `url`'s query.
 *
 * @example
 * ```ts
 * await signRecoveryToken(key, { mchOrderNo: 'order_42', expiresAt, nonce }, url);
 * ```
 */
export async function signRecoveryToken(
  key: CryptoKey,
  token: RecoveryToken,
  url: URL,
): Promise<URL> {
  const sig = new Uint8Array(await crypto.subtle.sign('HMAC', key, message(token)));
  url.searchParams.set('order', token.mchOrderNo);
  if (token.trxNo) url.searchParams.set('trx', token.trxNo);
  url.searchParams.set('exp', String(token.expiresAt));
  url.searchParams.set('nonce', token.nonce);
  url.searchParams.set('sig', base64url(sig));
  return url;
}

/**
 * A fresh nonce: 16 random bytes, base64url.
 *
 * @example
 * ```ts
 * newNonce(); // 'q3J0…'
 * ```
 */
export function newNonce(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(16)));
}

/**
 * The token of a link whose signature holds (constant-time check), else `undefined`.
 *
 * @example
 * ```ts
 * const token = await verifyRecoveryToken(key, new URL(request.url).searchParams);
 * if (!token) return forbidden();
 * ```
 */
export async function verifyRecoveryToken(
  key: CryptoKey,
  params: URLSearchParams,
): Promise<RecoveryToken | undefined> {
  const mchOrderNo = params.get('order');
  const trxNo = params.get('trx') ?? undefined;
  const exp = params.get('exp') ?? '';
  const nonce = params.get('nonce');
  const sig = fromBase64url(params.get('sig') ?? '');
  if (!mchOrderNo || !nonce || !sig || !/^\d{1,16}$/.test(exp)) return undefined;
  const token: RecoveryToken = { mchOrderNo, trxNo, expiresAt: Number(exp), nonce };
  const valid = await crypto.subtle.verify('HMAC', key, sig, message(token));
  return valid ? token : undefined;
}
