/**
 * The error hierarchy of the WPay server helper.
 *
 * Every error thrown by this package is a {@link WPayError} with a stable `name`, a machine-readable
 * `code`, a human `message` and a `hint` saying what to do. No error ever carries the api secret,
 * the sign key or a token: messages are built from field names and WPay's own `retmsg` only.
 *
 * ```
 * WPayError                (code: see subclass)
 * ├─ WPayConfigError       'config'      bad constructor options (`field`)
 * ├─ WPayValidationError   'validation'  a request failed its schema before the network (`issues`)
 * ├─ WPayApiError          'api'         WPay answered with a retcode other than 200
 * │  └─ WPayAuthError      'auth'        …and that retcode/HTTP status means "bad token/credentials"
 * ├─ WPayNetworkError      'network'     the request could not be sent or the answer not read
 * ├─ WPayTimeoutError      'timeout'     no answer within `timeoutMs`
 * ├─ WPaySignatureError    'signature'   a signed response failed verification
 * ├─ WPayWebhookError      'webhook'     an incoming webhook was refused (`reason`)
 * ├─ WPayRefundNotMadeError 'refund_not_made'  `refunds.createSafely`: certainly nothing refunded
 * └─ WPayRefundInDoubtError 'refund_in_doubt'  `refunds.createSafely`: cannot tell; do not resend
 * ```
 *
 * `WPayAuthError` extends `WPayApiError` (so `instanceof WPayApiError` also catches it and it carries
 * `retcode`, `retmsg`, `httpStatus`, `path`), but its `code` is `'auth'`.
 *
 * @module
 */

/**
 * The `code` of every error of this package.
 *
 * @example
 * ```ts
 * const worthRetrying = (code: WPayErrorCode) => code === 'network' || code === 'timeout';
 * ```
 */
export type WPayErrorCode =
  | 'config'
  | 'validation'
  | 'api'
  | 'auth'
  | 'network'
  | 'timeout'
  | 'signature'
  | 'webhook'
  | 'refund_not_made'
  | 'refund_in_doubt';

/**
 * What every {@link WPayError} constructor takes.
 *
 * @example
 * ```ts
 * new WPayConfigError({ field: 'apiKey', message: 'apiKey is required', hint: 'Copy it from the WPay dashboard.' });
 * ```
 */
export interface WPayErrorInit {
  /** What went wrong, for humans. Never includes a secret. */
  message: string;
  /** What to do about it. */
  hint: string;
  /** The underlying error, if any (never one that carries a secret). */
  cause?: unknown;
}

/**
 * Base class of every error thrown by the WPay server helper.
 *
 * @example
 * ```ts
 * try {
 *   await wpay.payments.retrieve({ trxNo });
 * } catch (error) {
 *   if (error instanceof WPayError) log.warn({ code: error.code, hint: error.hint }, error.message);
 *   else throw error;
 * }
 * ```
 */
export class WPayError extends Error {
  override readonly name: string = 'WPayError';
  /** Machine-readable kind of error; stable across versions. */
  readonly code: WPayErrorCode;
  /** What to do about it. */
  readonly hint: string;

  constructor(code: WPayErrorCode, init: WPayErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = code;
    this.hint = init.hint;
  }
}

/**
 * The options given to `new WPay(…)` (or another factory) are invalid.
 *
 * @example
 * ```ts
 * try { new WPay({ apiKey: '', apiSecret, signKey, environment: 'sandbox' }); }
 * catch (error) { if (error instanceof WPayConfigError) console.error(error.field); } // 'apiKey'
 * ```
 */
export class WPayConfigError extends WPayError {
  override readonly name: string = 'WPayConfigError';
  /** The option at fault, e.g. `apiKey` or `baseUrl` (dotted for nested options). */
  readonly field: string;

  constructor(init: WPayErrorInit & { field: string }) {
    super('config', init);
    this.field = init.field;
  }
}

/**
 * One bad field of a {@link WPayValidationError}.
 *
 * @example
 * ```ts
 * for (const { path, message } of error.issues) form.setError(path, message);
 * ```
 */
export interface WPayValidationIssue {
  /** Dotted path of the field, e.g. `amount` or `items.0.sku`; empty for the whole value. */
  path: string;
  /** Why it was refused. */
  message: string;
}

/**
 * A request (or a response) did not match its schema; raised before anything is sent.
 * The message lists every bad field: `Invalid checkout.create request: amount: …; currency: …`.
 *
 * @example
 * ```ts
 * try { await wpay.checkout.create({ ...order, amount: '1.999' }); }
 * catch (error) {
 *   if (error instanceof WPayValidationError) console.error(error.issues); // [{ path: 'amount', message: … }]
 * }
 * ```
 */
export class WPayValidationError extends WPayError {
  override readonly name: string = 'WPayValidationError';
  /** Every bad field. */
  readonly issues: WPayValidationIssue[];

  constructor(init: {
    what: string;
    issues: WPayValidationIssue[];
    hint?: string;
    cause?: unknown;
  }) {
    const list = init.issues
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join('; ');
    super('validation', {
      message: `Invalid ${init.what}: ${list}`,
      hint: init.hint ?? 'Fix the listed fields; nothing was sent to WPay.',
      cause: init.cause,
    });
    this.issues = init.issues;
  }
}

/**
 * What a {@link WPayApiError} carries besides the message.
 *
 * @example
 * ```ts
 * new WPayApiError({ retcode: '422', retmsg: 'refund above paid amount', httpStatus: 422, path: '/checkout/w-payment/refund' });
 * ```
 */
export interface WPayApiErrorInit extends Partial<WPayErrorInit> {
  /** WPay's `retcode` (string or number as sent), or `undefined` when the body was no envelope. */
  retcode: string | number | undefined;
  /** WPay's `retmsg`, if any. */
  retmsg: string | null | undefined;
  /** The HTTP status of the answer. */
  httpStatus: number;
  /** The request path, e.g. `/checkout/w-payment/refund`. */
  path: string;
  /** The answer's `Retry-After`, in milliseconds, when it had one. */
  retryAfterMs?: number | undefined;
}

function describeApiFailure(init: WPayApiErrorInit): string {
  const what = init.retcode === undefined ? `HTTP ${init.httpStatus}` : `retcode ${init.retcode}`;
  const msg = init.retmsg ? `: ${init.retmsg}` : '';
  return `WPay refused ${init.path} (${what})${msg}`;
}

/**
 * WPay answered, but not with success (a retcode other than 200, or a non-envelope body with a
 * non-2xx HTTP status).
 *
 * @example
 * ```ts
 * try { await wpay.refunds.create({ trxNo, amount: '5.00' }); }
 * catch (error) {
 *   if (error instanceof WPayApiError && error.retcode === '422') console.error(error.retmsg);
 * }
 * ```
 */
export class WPayApiError extends WPayError {
  override readonly name: string = 'WPayApiError';
  /** WPay's `retcode`, as sent (string or number); `undefined` when the body was no envelope. */
  readonly retcode: string | number | undefined;
  /** WPay's `retmsg`. */
  readonly retmsg: string | null | undefined;
  /** HTTP status of the answer. */
  readonly httpStatus: number;
  /** The request path. */
  readonly path: string;
  /** How long WPay asked to wait (its `Retry-After`, ms), when it said; the retry loop honours it. */
  readonly retryAfterMs: number | undefined;

  constructor(init: WPayApiErrorInit, code: 'api' | 'auth' = 'api') {
    super(code, {
      message: init.message ?? describeApiFailure(init),
      hint:
        init.hint ??
        'Read retcode and retmsg; fix the request if it was refused, or retry later if WPay failed.',
      cause: init.cause,
    });
    this.retcode = init.retcode;
    this.retmsg = init.retmsg;
    this.httpStatus = init.httpStatus;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * WPay refused the credentials or the access token (HTTP 401 or an auth retcode), even after the
 * client dropped its token and retried once. Extends {@link WPayApiError}; `code` is `'auth'`.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof WPayAuthError) alertOps('check WPAY_API_KEY / WPAY_API_SECRET'); }
 * ```
 */
export class WPayAuthError extends WPayApiError {
  override readonly name: string = 'WPayAuthError';

  constructor(init: WPayApiErrorInit) {
    super(
      {
        ...init,
        hint:
          init.hint ??
          'Check apiKey and apiSecret (and the environment); another process may be fetching tokens with the same key without sharing a tokenStore.',
      },
      'auth',
    );
  }
}

/**
 * The request could not be sent, or the answer could not be read (DNS, refused connection, reset…).
 * Its `cause` is a scrubbed copy of what `fetch` threw: same `name`, `code` and chain, without
 * tokens, the api secret, the sign key or `Authorization` headers (a fetch wrapper may have copied
 * the request into its error).
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof WPayNetworkError && error.notSent) retryLater(); }
 * ```
 */
export class WPayNetworkError extends WPayError {
  override readonly name: string = 'WPayNetworkError';
  /** The request path. */
  readonly path: string;
  /**
   * `true` when the request provably never reached WPay (connection refused, DNS failure), so
   * even a non-idempotent call may be retried.
   */
  readonly notSent: boolean;

  constructor(init: Partial<WPayErrorInit> & { path: string; notSent: boolean }) {
    super('network', {
      message: init.message ?? `Could not reach WPay for ${init.path}`,
      hint:
        init.hint ??
        'Check the network, DNS and baseUrl; the call may be retried if it is idempotent.',
      cause: init.cause,
    });
    this.path = init.path;
    this.notSent = init.notSent;
  }
}

/**
 * WPay did not answer within `timeoutMs`. The request may or may not have been processed.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof WPayTimeoutError) await wpay.payments.retrieve({ trxNo }); }
 * ```
 */
export class WPayTimeoutError extends WPayError {
  override readonly name: string = 'WPayTimeoutError';
  /** The request path. */
  readonly path: string;
  /** The limit that was exceeded. */
  readonly timeoutMs: number;

  constructor(init: Partial<WPayErrorInit> & { path: string; timeoutMs: number }) {
    super('timeout', {
      message: init.message ?? `WPay did not answer ${init.path} within ${init.timeoutMs} ms`,
      hint:
        init.hint ??
        'Raise timeoutMs or retry later; for a refund, check its outcome before retrying.',
      cause: init.cause,
    });
    this.path = init.path;
    this.timeoutMs = init.timeoutMs;
  }
}

/**
 * A response that should be signed (`verifyResponses: true`) had no signature, or a wrong one.
 *
 * @example
 * ```ts
 * catch (error) { if (error instanceof WPaySignatureError) log.error(error.reason); }
 * ```
 */
export class WPaySignatureError extends WPayError {
  override readonly name: string = 'WPaySignatureError';
  /** Which check failed. */
  readonly reason: 'missing_header' | 'bad_timestamp' | 'signature_mismatch';
  /** The request path. */
  readonly path: string;

  constructor(
    init: Partial<WPayErrorInit> & {
      path: string;
      reason: 'missing_header' | 'bad_timestamp' | 'signature_mismatch';
    },
  ) {
    super('signature', {
      message:
        init.message ??
        `The response to ${init.path} failed signature verification (${init.reason})`,
      hint:
        init.hint ??
        'Check signKey and the signature header names; something between you and WPay may alter responses.',
      cause: init.cause,
    });
    this.reason = init.reason;
    this.path = init.path;
  }
}

/**
 * Why an incoming webhook was refused.
 *
 * @example
 * ```ts
 * const status = (reason: WPayWebhookErrorReason) =>
 *   reason === 'malformed_body' || reason === 'invalid_event' ? 400 : 401;
 * ```
 */
export type WPayWebhookErrorReason =
  | 'missing_header'
  | 'bad_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_in_future'
  | 'signature_mismatch'
  | 'malformed_body'
  | 'invalid_event';

/**
 * An incoming webhook was refused; `reason` says which check failed.
 *
 * @example
 * ```ts
 * throw new WPayWebhookError({ reason: 'signature_mismatch', message: 'SIGNATURE does not match the body',
 *   hint: 'Verify the raw body (not re-serialized JSON) with the signKey of this API key.' });
 * ```
 */
export class WPayWebhookError extends WPayError {
  override readonly name: string = 'WPayWebhookError';
  /** Which check failed. */
  readonly reason: WPayWebhookErrorReason;

  constructor(init: WPayErrorInit & { reason: WPayWebhookErrorReason }) {
    super('webhook', init);
    this.reason = init.reason;
  }
}
