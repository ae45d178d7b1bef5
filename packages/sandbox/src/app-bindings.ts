/** @module What an adapter hands the core with each request (Hono's `Bindings`). */

/**
 * Per-request values from the adapter: the request target exactly as received (Node), so that
 * signatures are checked over the bytes the client signed rather than a re-serialised URL.
 *
 * @example
 * ```ts
 * await app.fetch(request, { rawTarget: req.url });
 * ```
 */
export interface SandboxBindings {
  rawTarget?: string;
  /**
   * The request came through a merchant's own control path (`/__sandbox/merchants/{id}/…`):
   * `POST reset` resets that merchant only, not the whole sandbox.
   */
  merchantScoped?: boolean;
}

/**
 * The Hono environment of the sandbox's app.
 *
 * @example
 * ```ts
 * const app = new Hono<SandboxEnv>();
 * ```
 */
export interface SandboxEnv {
  Bindings: SandboxBindings;
}
