/**
 * The JSON object a checkout request carries.
 *
 * @example
 * ```ts
 * const payload: CheckoutPayload = { sku: 'tee-42', quantity: 2 };
 * ```
 */
export type CheckoutPayload = Record<string, unknown>;

/**
 * The body of a checkout request: the element's `data-*` attributes (camel-cased by the DOM:
 * `data-plan-id` → `planId`), then its `payload` property on top. Returns a deep copy, so listeners
 * of `wpay-checkout` can edit it without touching the element's own `payload`.
 *
 * @example
 * ```ts
 * collectPayload({ quantity: 2 }, button.dataset); // { sku: 'tee-42', quantity: 2 }
 * ```
 */
export function collectPayload(payload: CheckoutPayload, dataset: DOMStringMap): CheckoutPayload {
  const fromData: CheckoutPayload = {};
  for (const [name, value] of Object.entries(dataset)) {
    if (value !== undefined) fromData[name] = value;
  }
  return structuredClone({ ...fromData, ...payload });
}
