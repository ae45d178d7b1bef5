import type { IntervalUnit } from '@wpay/protocol';
import { z } from 'zod';

/** How often a subscription bills, in WPay's terms (`intervalUnit` × `intervalCount`). */
export interface BillingInterval {
  readonly unit: IntervalUnit;
  readonly count: number;
}

/** A product the shop sells. Prices live here, on the server: the browser only ever sends a sku. */
export interface Product {
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  /** Price in the currency's minor units (cents for USD), so no float ever touches money. */
  readonly priceMinor: number;
  readonly currency: 'USD';
  /** Present on subscriptions only: the product then bills every interval. */
  readonly interval?: BillingInterval;
  /** An emoji-free, decorative illustration key for the storefront's artwork. */
  readonly art: 'tee' | 'mug' | 'stickers' | 'coffee';
}

/**
 * Everything the demo shop sells: three one-time products and one monthly subscription.
 *
 * @example
 * ```ts
 * const tee = CATALOGUE.find((p) => p.sku === 'tee');
 * ```
 */
export const CATALOGUE: readonly Product[] = [
  {
    sku: 'tee',
    name: 'Checkout Kit T-shirt',
    description: 'Soft organic cotton, printed with the hosted payment page in one colour.',
    priceMinor: 2500,
    currency: 'USD',
    art: 'tee',
  },
  {
    sku: 'mug',
    name: 'Sandbox Mug',
    description: 'Holds 350 ml of coffee, survives any number of webhook retries.',
    priceMinor: 1250,
    currency: 'USD',
    art: 'mug',
  },
  {
    sku: 'stickers',
    name: 'Sticker Pack',
    description: 'Six vinyl stickers: the button, the return page, and four test cards.',
    priceMinor: 499,
    currency: 'USD',
    art: 'stickers',
  },
  {
    sku: 'coffee-club',
    name: 'Coffee Club',
    description: 'A bag of freshly roasted beans every month. Cancel any time.',
    priceMinor: 1800,
    currency: 'USD',
    interval: { unit: 'month', count: 1 },
    art: 'coffee',
  },
];

/** The shape of a sku in a request: what the browser may send, before it is looked up. */
export const skuSchema = z
  .string()
  .trim()
  .min(1, 'choose a product')
  .max(64, 'a sku has at most 64 characters')
  .regex(/^[a-z0-9-]+$/, 'a sku has only lower-case letters, digits and dashes');

/**
 * Finds a product by sku, or `undefined` when the shop does not sell it.
 *
 * @example
 * ```ts
 * findProduct('mug')?.priceMinor; // 1250
 * ```
 */
export function findProduct(
  sku: string,
  catalogue: readonly Product[] = CATALOGUE,
): Product | undefined {
  return catalogue.find((product) => product.sku === sku);
}

/**
 * Describes a billing interval for people (`{ unit: 'month', count: 1 }` → `month`).
 *
 * @example
 * ```ts
 * describeInterval({ unit: 'week', count: 2 }); // '2 weeks'
 * ```
 */
export function describeInterval(interval: BillingInterval): string {
  return interval.count === 1 ? interval.unit : `${interval.count} ${interval.unit}s`;
}
