/**
 * The version of `@wpay/widget` this copy of the code belongs to. `define.ts` compares it when a tag
 * is already registered, so two copies of the same version coexist silently.
 *
 * @example
 * ```ts
 * import { VERSION } from '@wpay/widget';
 * console.info(`WPay widget ${VERSION}`);
 * ```
 */
export const VERSION = '0.1.0';
