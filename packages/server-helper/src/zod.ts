/**
 * The zod the helper builds its schemas with: `zod/mini` (tree-shakable, so a Worker bundles only
 * what it uses), with zod's JIT-compiled objects in place of mini's generic ones, and URLs that
 * remember the inputs they accepted.
 *
 * Mini's `z.object` checks each key in a generic loop; zod's JIT object (the one zod classic
 * uses) compiles the shape into one function, about 3× faster on the helper's hot paths (the
 * webhook event, every WPay answer, the checkout parameters). Same checks, same issues, same
 * `instanceof z.ZodMiniObject`; where `eval` is not allowed (Workers, strict CSP) zod itself falls
 * back to the generic loop.
 *
 * @module
 */
import * as z from 'zod/mini';
import { _url, $constructor, $ZodObjectJIT, $ZodURL, util } from 'zod/v4/core';

export * from 'zod/mini';

/** How many accepted inputs each URL schema remembers (the newest; longer inputs never). */
const URL_MEMO_SIZE = 64;
const URL_MEMO_MAX_LENGTH = 2048;

// Named like mini's own, so `instanceof z.ZodMiniObject` still holds (zod matches trait names).
const ZodMiniJitObject = /*@__PURE__*/ $constructor(
  'ZodMiniObject',
  (inst: z.ZodMiniObject, def: z.core.$ZodObjectDef) => {
    $ZodObjectJIT.init(inst, def);
    (z.ZodMiniType as unknown as { init(inst: unknown, def: unknown): void }).init(inst, def);
    util.installLazyProp(inst, 'shape', (self: z.ZodMiniObject) => self._zod.def.shape, false);
  },
);

function jitObject(def: z.core.$ZodObjectDef, params: unknown): never {
  const normalized = util.normalizeParams(params as Parameters<typeof util.normalizeParams>[0]);
  return new ZodMiniJitObject({
    ...def,
    ...(normalized as object),
  } as z.core.$ZodObjectDef) as never;
}

/** `z.object`, JIT-compiled. */
export const object: typeof z.object = (shape, params) =>
  jitObject({ type: 'object', shape: shape ?? {} } as z.core.$ZodObjectDef, params);

/** `z.looseObject`, JIT-compiled: unknown keys are kept. */
export const looseObject: typeof z.looseObject = (shape, params) =>
  jitObject({ type: 'object', shape, catchall: z.unknown() } as z.core.$ZodObjectDef, params);

/** `z.strictObject`, JIT-compiled: unknown keys are refused. */
export const strictObject: typeof z.strictObject = (shape, params) =>
  jitObject({ type: 'object', shape, catchall: z.never() } as z.core.$ZodObjectDef, params);

// Checking a URL parses it (`new URL`), twice per `checkout.create`; yet a shop sends the same few
// return URLs again and again. An input this schema accepted as it was (no whitespace trimmed) is
// accepted again without parsing: the check depends on nothing but the input, so the outcome is
// the same. Any other input (new, or refused before) is checked in full.
const ZodMiniMemoURL = /*@__PURE__*/ $constructor(
  'ZodMiniURL',
  (inst: z.ZodMiniURL, def: z.core.$ZodURLDef) => {
    // Mini's own URL initializer, step by step (calling it would stop at the shared trait name).
    $ZodURL.init(inst, def);
    (z.ZodMiniStringFormat as unknown as { init(inst: unknown, def: unknown): void }).init(
      inst,
      def,
    );
    const check = inst._zod.check;
    const accepted = new Set<string>();
    inst._zod.check = (payload) => {
      const input = payload.value;
      if (accepted.has(input as string)) return;
      const issues = payload.issues.length;
      check(payload);
      if (
        payload.issues.length !== issues ||
        payload.value !== input ||
        typeof input !== 'string' ||
        input.length > URL_MEMO_MAX_LENGTH
      ) {
        return;
      }
      accepted.add(input);
      if (accepted.size > URL_MEMO_SIZE) accepted.delete(accepted.values().next().value as string);
    };
  },
);

/** `z.url`, remembering the inputs it accepted (see above). */
export const url: typeof z.url = (params) =>
  _url(ZodMiniMemoURL as unknown as typeof z.ZodMiniURL, params) as z.ZodMiniURL;
