/** @module The doctor's own settings: route layout, time limits, the clock tolerance. */
import { WEBHOOK_DELIVERY } from '@wpay/protocol';

/**
 * The routes a shop serves, as the kit's READMEs lay them out.
 *
 * @example
 * ```ts
 * const routes: DoctorRoutes = { ...DOCTOR_DEFAULTS.routes, webhook: '/webhooks/wpay' };
 * ```
 */
export interface DoctorRoutes {
  /** `POST`: the endpoint behind `<wpay-button>`. */
  checkout: string;
  /** `POST`: the URL set on the API key in WPay's dashboard. */
  webhook: string;
  /** `GET ?trxNo=…&mchOrderNo=…`: the endpoint `<wpay-return>` polls. */
  status: string;
  /** `GET`: a page with a `<wpay-button>`. */
  page: string;
}

/**
 * Defaults of {@link runDoctor} and of `wpay doctor`'s flags.
 *
 * @example
 * ```ts
 * DOCTOR_DEFAULTS.routes.checkout; // '/api/checkout'
 * ```
 */
export const DOCTOR_DEFAULTS = {
  routes: {
    checkout: '/api/checkout',
    webhook: '/api/webhooks/wpay',
    status: '/api/status',
    page: '/',
  } satisfies DoctorRoutes,
  /** The limit on each request to the shop but webhooks, ms. */
  timeoutMs: 15_000,
  /** A webhook must be answered within WPay's receiver deadline. */
  webhookTimeoutMs: WEBHOOK_DELIVERY.receiverTimeoutMs,
  /**
   * The largest distance of the shop's clock from this machine's. WPay refuses a request whose
   * TIMESTAMP is more than 2 minutes off, and the shop refuses webhooks the same way: half of it
   * leaves room for the Date header's 1 s resolution and WPay's own offset.
   */
  maxClockOffsetMs: 60_000,
  /** The port of the embedded sandbox when neither `--sandbox-port` nor the `.env` names one. */
  sandboxPort: 4010,
} as const;
