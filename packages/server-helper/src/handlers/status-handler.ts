/**
 * `statusHandler`: the endpoint `<wpay-return>` polls after the hosted page sends the buyer back.
 * It answers the status WPay confirms (payment detail), never what the return URL claims.
 *
 * `GET ?trxNo=…&mchOrderNo=…` (the pair WPay appends to the return URLs) → `200 { trxNo,
 * mchOrderNo, status, outcome, final, amount?, currency? }` once WPay's payment carries that very
 * pair. `?trxNo=…` or `?mchOrderNo=…` alone → `200 { status, outcome, final }`: the outcome only,
 * because one identifier alone proves nothing (trxNos are sequential, so neighbours are guessable).
 * Fields WPay left out are omitted, never `null`.
 *
 * Cost to WPay per request: the pair or a `trxNo` → one detail call; a `mchOrderNo` with
 * `findTrxNo` → one detail call, or none when `findTrxNo` does not know it; a `mchOrderNo` without
 * `findTrxNo` → a scan of at most `scan.maxPages` list pages, then one detail call.
 *
 * Errors: 405 (not GET/HEAD), 400 (no, repeated or malformed identifier), 404 (unknown payment, or
 * a pair that does not match), 502 (WPay unreachable or failing), 500 (`findTrxNo` threw). Error
 * bodies never name the cause (it is logged). Always `Cache-Control: no-store`.
 *
 * @module
 */
import { DEFAULTS } from '../defaults.js';
import { WPayApiError, WPayError } from '../errors.js';
import type { FulfilmentCore } from '../fulfilment/create-fulfilment.js';
import { describeError, type Logger, silentLogger } from '../logger.js';
import { paginate } from '../resources/paginate.js';
import { errorResponse, jsonResponse } from './error-response.js';
import type { PaymentLike, PaymentsClient } from './handler-client.js';
import { type PaymentOutcome, paymentOutcome } from './payment-outcome.js';

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
  /**
   * Looks up the `trxNo` of a merchant order in the merchant's own database. When given, it is the
   * only way a `?mchOrderNo=` is found: an order it does not know costs no WPay call.
   */
  findTrxNo?: (mchOrderNo: string, request: Request) => Promise<string | null | undefined>;
  /** Scan of WPay's payment list when `findTrxNo` is absent; `false` to disable. */
  scan?: PaymentScanOptions | false;
  /** Accepted `trxNo` / `mchOrderNo` (others get 400). Default `DEFAULTS.protocol.mchOrderNoPattern`. */
  identifierPattern?: RegExp;
  /**
   * Confirms through the fulfilment core (`wpay.fulfilment()`): each payment read here is read by
   * the core, which runs its transitions once, so a buyer who returns before (or without) the
   * webhook gets the order fulfilled, and the late webhook runs nothing again.
   */
  fulfilment?: Pick<FulfilmentCore, 'payment'>;
  /** Where WPay failures are reported. */
  logger?: Logger;
}

/**
 * The answer to a caller who gave one identifier only: what happened, nothing about the order.
 *
 * @example
 * ```ts
 * const body: PaymentOutcomeBody = { status: 'PAID', outcome: 'succeeded', final: true };
 * ```
 */
export interface PaymentOutcomeBody {
  status: string;
  outcome: PaymentOutcome;
  final: boolean;
}

/**
 * The answer to a caller who proved the pair (`trxNo` and `mchOrderNo`): the outcome and the order.
 * `amount` and `currency` are omitted when WPay's payment has none.
 *
 * @example
 * ```ts
 * const body = (await (await fetch('/api/status?trxNo=TRX1&mchOrderNo=order_1')).json()) as PaymentStatusBody;
 * if (body.final) show(body.outcome, body.amount, body.currency);
 * ```
 */
export interface PaymentStatusBody extends PaymentOutcomeBody {
  trxNo: string;
  mchOrderNo: string;
  amount?: number | string;
  currency?: string;
}

class NotFound extends Error {}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof WPayApiError && (error.httpStatus === 404 || String(error.retcode) === '404')
  );
}

function outcomeBody(payment: PaymentLike): PaymentOutcomeBody {
  return { status: payment.status, ...paymentOutcome(payment.status) };
}

function statusBody(payment: PaymentLike, mchOrderNo: string): PaymentStatusBody {
  const body: PaymentStatusBody = { trxNo: payment.trxNo, mchOrderNo, ...outcomeBody(payment) };
  const { amount, currency } = payment;
  if (typeof amount === 'number' || typeof amount === 'string') body.amount = amount;
  if (typeof currency === 'string') body.currency = currency;
  return body;
}

/** The one value of `name`, `null` when absent, `undefined` when repeated. */
function single(params: URLSearchParams, name: string): string | null | undefined {
  const values = params.getAll(name);
  if (values.length > 1) return undefined;
  return values[0] || null;
}

/**
 * Creates the status endpoint: `(request: Request) => Promise<Response>`.
 *
 * @example
 * ```ts
 * const status = createStatusHandler(wpay, {
 *   findTrxNo: async (mchOrderNo) => (await db.order(mchOrderNo))?.trxNo,
 * });
 * app.get('/api/status', toNodeHandler(status));
 * ```
 */
export function createStatusHandler(
  client: PaymentsClient,
  {
    findTrxNo,
    scan = {},
    identifierPattern = DEFAULTS.protocol.mchOrderNoPattern,
    fulfilment,
    logger = silentLogger,
  }: StatusHandlerOptions = {},
): (request: Request) => Promise<Response> {
  async function scanFor(mchOrderNo: string): Promise<PaymentLike | undefined> {
    if (scan === false) return undefined;
    const { maxPages, pageSize } = { ...DEFAULTS.status.scan, ...scan };
    const pages = (pageNum: number) =>
      // A page beyond the budget reads as empty, which ends the walk.
      pageNum > maxPages
        ? Promise.resolve({ records: [], total: 0, pageSize, pageNo: pageNum })
        : client.payments.list({ pageNum, pageSize }).then((page) => ({
            records: [...page.records],
            total: page.total ?? Number.POSITIVE_INFINITY,
            pageSize: page.pageSize ?? pageSize,
            pageNo: pageNum,
          }));
    for await (const payment of paginate(pages, { pageSize })) {
      if (payment.mchOrderNo === mchOrderNo) return payment;
    }
    return undefined;
  }

  /** The detail, read by the fulfilment core when there is one (a plain read while it is busy). */
  async function read(trxNo: string): Promise<PaymentLike> {
    const confirmed = await fulfilment?.payment(trxNo, { source: 'return' });
    return confirmed?.payment ?? client.payments.retrieve({ trxNo });
  }

  async function retrieve(trxNo: string): Promise<PaymentLike> {
    try {
      return await read(trxNo);
    } catch (error) {
      if (isNotFound(error)) throw new NotFound();
      throw error;
    }
  }

  /** The payment of `mchOrderNo`, confirmed by its detail (a list may be a summary). */
  async function byOrder(mchOrderNo: string, request: Request): Promise<PaymentLike> {
    const trxNo = findTrxNo
      ? await findTrxNo(mchOrderNo, request)
      : (await scanFor(mchOrderNo))?.trxNo;
    if (!trxNo) throw new NotFound();
    const payment = await retrieve(trxNo);
    if (payment.mchOrderNo !== mchOrderNo) throw new NotFound();
    return payment;
  }

  async function answer(
    trxNo: string | null,
    mchOrderNo: string | null,
    request: Request,
  ): Promise<PaymentOutcomeBody> {
    if (trxNo && mchOrderNo) {
      const payment = await retrieve(trxNo);
      if (payment.mchOrderNo !== mchOrderNo) throw new NotFound();
      return statusBody(payment, mchOrderNo);
    }
    if (trxNo) return outcomeBody(await retrieve(trxNo));
    return outcomeBody(await byOrder(mchOrderNo as string, request));
  }

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return errorResponse(405, 'method_not_allowed', 'Use GET', {
        headers: { allow: 'GET, HEAD' },
      });
    }
    const params = new URL(request.url).searchParams;
    const trxNo = single(params, 'trxNo');
    const mchOrderNo = single(params, 'mchOrderNo');
    if (trxNo === undefined || mchOrderNo === undefined) {
      return errorResponse(400, 'invalid_identifier', 'Give trxNo and mchOrderNo once each');
    }
    if (!trxNo && !mchOrderNo) {
      return errorResponse(400, 'missing_identifier', 'Give ?trxNo= and ?mchOrderNo=');
    }
    const malformed = [trxNo, mchOrderNo].some((id) => id && !identifierPattern.test(id));
    if (malformed) {
      return errorResponse(400, 'invalid_identifier', 'trxNo or mchOrderNo is malformed');
    }
    try {
      return jsonResponse(200, await answer(trxNo, mchOrderNo, request));
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
