import {
  type SafeRefundResult,
  WPayApiError,
  WPayRefundInDoubtError,
  WPayRefundNotMadeError,
  type WPayRefundNotMadeReason,
} from '@wpay/server-helper';
import { type DemoLogger, describe } from './logger.js';
import { formatMajor, toMinor } from './money.js';
import type { ShopWPay } from './shop-wpay.js';
import type { Order, OrderStore } from './store/order-store.js';
import type { RefundIntent, RefundIntentStore } from './store/refund-intent-store.js';
import type { RefundStore } from './store/refund-store.js';

/** What {@link createOrderRefunder} works with. */
export interface OrderRefunderDeps {
  readonly wpay: ShopWPay;
  readonly orders: OrderStore;
  readonly refunds: RefundStore;
  readonly intents: RefundIntentStore;
  readonly logger: DemoLogger;
}

/** How a refund of an order ended. */
export type OrderRefund =
  | {
      readonly kind: 'refunded';
      readonly intent: RefundIntent;
      /** An earlier, unsettled intent was resumed instead of making a new one. */
      readonly resumed: boolean;
      readonly result: SafeRefundResult;
    }
  | { readonly kind: 'in_doubt'; readonly intent: RefundIntent; readonly resumed: boolean }
  | {
      readonly kind: 'not_made';
      readonly intent: RefundIntent;
      readonly resumed: boolean;
      readonly reason: WPayRefundNotMadeReason;
      readonly error: WPayRefundNotMadeError;
      /** WPay has no such payment (a sandbox restarted since). */
      readonly unknownToWpay: boolean;
    };

/**
 * Refunds an order without ever refunding twice: the intent (its key, the amount and the refunded
 * total of the books) is recorded before WPay is called; the server helper's
 * `refunds.createSafely` settles a lost answer by reading the payment back; and the order's
 * refunded total is then set to WPay's. While an intent is open (`pending`, or `in_doubt` after
 * a lost answer), another refund of the order resumes it instead of sending a new one.
 *
 * @example
 * ```ts
 * const refundOrder = createOrderRefunder({ wpay, orders, refunds, intents, logger });
 * const outcome = await refundOrder(order, { amountMinor: 500, reason: null });
 * ```
 */
export function createOrderRefunder(deps: OrderRefunderDeps) {
  const { wpay, orders, refunds, intents, logger } = deps;

  return async (
    order: Order & { trxNo: string },
    ask: { amountMinor: number; reason: string | null },
  ): Promise<OrderRefund> => {
    const { intent, resumed } = intents.open({
      mchOrderNo: order.mchOrderNo,
      trxNo: order.trxNo,
      amountMinor: ask.amountMinor,
      refundedBeforeMinor: order.refundedMinor,
      reason: ask.reason,
    });
    if (resumed) logger.info('resuming an unsettled refund', { intentKey: intent.intentKey });
    try {
      const result = await wpay.refunds.createSafely(
        {
          trxNo: intent.trxNo,
          amount: formatMajor(intent.amountMinor, order.currency),
          currency: order.currency,
          ...(intent.reason ? { reason: intent.reason } : {}),
        },
        {
          intentKey: intent.intentKey,
          refundedBefore: formatMajor(intent.refundedBeforeMinor, order.currency),
        },
      );
      orders.setRefunded(order.mchOrderNo, toMinor(result.refundedAmount, result.currency));
      if (result.refundNo) {
        refunds.record({
          refundNo: result.refundNo,
          mchOrderNo: order.mchOrderNo,
          amountMinor: intent.amountMinor,
          reason: intent.reason,
        });
      }
      intents.finish(intent.intentKey, 'done', {
        outcome: result.outcome,
        refundNo: result.refundNo,
      });
      logger.info('refund made', { intentKey: intent.intentKey, outcome: result.outcome });
      return { kind: 'refunded', intent, resumed, result };
    } catch (error) {
      logger.error('refund not confirmed', { intentKey: intent.intentKey, ...describe(error) });
      if (error instanceof WPayRefundNotMadeError) {
        if (error.reason === 'out_of_date' && error.observedRefundedAmount !== undefined) {
          orders.setRefunded(
            order.mchOrderNo,
            toMinor(error.observedRefundedAmount, order.currency),
          );
        }
        intents.finish(intent.intentKey, 'not_made', { outcome: error.reason });
        const unknownToWpay =
          error.cause instanceof WPayApiError && String(error.cause.retcode) === '404';
        return { kind: 'not_made', intent, resumed, reason: error.reason, error, unknownToWpay };
      }
      if (error instanceof WPayRefundInDoubtError) {
        intents.finish(intent.intentKey, 'in_doubt', { outcome: 'in_doubt' });
        return { kind: 'in_doubt', intent, resumed };
      }
      // Anything else (a bug, bad parameters): the intent stays open and is resumed next time.
      throw error;
    }
  };
}

/** The function returned by {@link createOrderRefunder}. */
export type OrderRefunder = ReturnType<typeof createOrderRefunder>;
