/**
 * `statusHandler`: the endpoint `<wpay-return>` polls after the hosted page sends the buyer back.
 * It answers the status WPay confirms (payment detail), never what the return URL claims.
 *
 * `GET ?trxNo=…` or `?mchOrderNo=…` → `200 { trxNo, mchOrderNo, status, outcome, final, amount,
 * currency }`; 405 (not GET/HEAD), 400 (no or malformed identifier), 404 (unknown payment), 502
 * (WPay unreachable or failing). Always `Cache-Control: no-store`.
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { WPayApiError, WPayError } from '../errors.js';
import { errorResponse, jsonResponse } from './error-response.js';
import type { PaymentLike, PaymentsClient } from './handler-client.js';
import { describeError, type HandlerLogger, silentLogger } from './handler-logger.js';
import { paymentOutcome } from './payment-outcome.js';

/**
 * How `?mchOrderNo=` is searched in WPay's payment list when `findTrxNo` does not know it.
 *
 * @example
 * ```ts
 * wpay.statusHandler({ scan: { maxPages: 2, pageSize: 100 } });
 * ```
 */
export interface PaymentScanOptions {
  /** Pages read at most. Default 5. */
  maxPages?: number;
  /** Payments per page. Default 50. */
  pageSize?: number;
}

/**
 * Options of {@link createStatusHandler}.
 *
 * @example
 * ```ts
 * const options: StatusHandlerOptions = { findTrxNo: (mchOrderNo) => db.trxNoOf(mchOrderNo), scan: false };
 * ```
 */
export interface StatusHandlerOptions {
  /** Looks up the `trxNo` of a merchant order in the merchant's own database. */
  findTrxNo?: (mchOrderNo: string, request: Request) => Promise<string | null | undefined>;
  /** Scan of WPay's payment list when `findTrxNo` is absent or finds nothing; `false` to disable. */
  scan?: PaymentScanOptions | false;
  /** Accepted `trxNo` / `mchOrderNo` (others get 400). Default `DEFAULTS.mchOrderNoPattern`. */
  identifierPattern?: RegExp;
  /** Where WPay failures are reported. */
  logger?: HandlerLogger;
}

/**
 * The body of a successful status answer.
 *
 * @example
 * ```ts
 * const body = (await (await fetch('/api/wpay/status?trxNo=TRX1')).json()) as PaymentStatusBody;
 * if (body.final) show(body.outcome);
 * ```
 */
export interface PaymentStatusBody {
  trxNo: string;
  mchOrderNo: string | null;
  status: string;
  outcome: ReturnType<typeof paymentOutcome>['outcome'];
  final: boolean;
  amount: unknown;
  currency: string | null;
}

class NotFound extends Error {}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof WPayApiError && (error.httpStatus === 404 || String(error.retcode) === '404')
  );
}

function statusBody(payment: PaymentLike): PaymentStatusBody {
  return {
    trxNo: payment.trxNo,
    mchOrderNo: payment.mchOrderNo ?? null,
    status: payment.status,
    ...paymentOutcome(payment.status),
    amount: payment.amount ?? null,
    currency: payment.currency ?? null,
  };
}

/**
 * Creates the status endpoint: `(request: Request) => Promise<Response>`.
 *
 * @example
 * ```ts
 * const status = createStatusHandler(wpay, {
 *   findTrxNo: async (mchOrderNo) => (await db.order(mchOrderNo))?.trxNo,
 * });
 * app.get('/api/wpay/status', toNodeHandler(status));
 * ```
 */
export function createStatusHandler(
  client: PaymentsClient,
  {
    findTrxNo,
    scan = {},
    identifierPattern = DEFAULTS.mchOrderNoPattern,
    logger = silentLogger,
  }: StatusHandlerOptions = {},
): (request: Request) => Promise<Response> {
  async function scanFor(mchOrderNo: string): Promise<PaymentLike | undefined> {
    if (scan === false) return undefined;
    const { maxPages, pageSize } = { ...DEFAULTS.status.scan, ...scan };
    for (let pageNum = 1; pageNum <= maxPages; pageNum++) {
      const page = await client.payments.list({ pageNum, pageSize });
      const match = page.records.find((payment) => payment.mchOrderNo === mchOrderNo);
      if (match) return match;
      if (page.records.length < pageSize) return undefined;
      if (page.total !== undefined && pageNum * pageSize >= page.total) return undefined;
    }
    return undefined;
  }

  async function retrieve(trxNo: string): Promise<PaymentLike> {
    try {
      return await client.payments.retrieve({ trxNo });
    } catch (error) {
      if (isNotFound(error)) throw new NotFound();
      throw error;
    }
  }

  async function lookUp(params: URLSearchParams, request: Request): Promise<PaymentLike> {
    const trxNo = params.get('trxNo');
    const mchOrderNo = params.get('mchOrderNo');
    if (trxNo) {
      const payment = await retrieve(trxNo);
      if (mchOrderNo && payment.mchOrderNo !== mchOrderNo) throw new NotFound();
      return payment;
    }
    const known = await findTrxNo?.(mchOrderNo as string, request);
    if (known) return retrieve(known);
    const found = await scanFor(mchOrderNo as string);
    if (!found) throw new NotFound();
    // The list may be a summary: the detail is the confirmed state.
    return retrieve(found.trxNo);
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', 'Use GET', {
        headers: { allow: 'GET, HEAD' },
      });
    }
    const params = new URL(request.url).searchParams;
    const trxNo = params.get('trxNo');
    const mchOrderNo = params.get('mchOrderNo');
    if (!trxNo && !mchOrderNo) {
      return errorResponse(400, 'missing_identifier', 'Give ?trxNo= or ?mchOrderNo=');
    }
    const malformed = [trxNo, mchOrderNo].some((id) => id && !identifierPattern.test(id));
    if (malformed) {
      return errorResponse(400, 'invalid_identifier', 'trxNo or mchOrderNo is malformed');
    }
    try {
      return jsonResponse(200, statusBody(await lookUp(params, request)));
    } catch (error) {
      if (error instanceof NotFound) {
        return errorResponse(404, 'payment_not_found', 'No such payment');
      }
      logger.error('statusHandler: could not read the payment from WPay', describeError(error));
      if (error instanceof WPayError) {
        return errorResponse(
          502,
          'payment_provider_error',
          'The payment provider could not be reached',
        );
      }
      return errorResponse(500, 'internal_error', 'The payment status could not be read');
    }
  };
}
