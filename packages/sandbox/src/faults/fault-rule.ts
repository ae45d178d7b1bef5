/** @module The fault rule schema, its kinds and the `--fault` flag parser. */
import { z } from 'zod';

/**
 * Every fault the sandbox can inject.
 *
 * @example
 * ```ts
 * FAULT_KINDS.includes('http-5xx'); // true
 * ```
 */
export const FAULT_KINDS = [
  'latency',
  'http-5xx',
  'retcode',
  'timeout',
  'malformed',
  'token-revoke',
  'webhook-duplicate',
  'webhook-reorder',
  'webhook-drop',
] as const;

/**
 * A kind of fault.
 *
 * @example
 * ```ts
 * const kind: FaultKind = 'webhook-drop';
 * ```
 */
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Kinds that act on webhook deliveries (their `path` matches the event type). */
export const WEBHOOK_FAULT_KINDS: ReadonlySet<FaultKind> = new Set([
  'webhook-duplicate',
  'webhook-reorder',
  'webhook-drop',
]);

/**
 * A fault rule as given by options, the control API or `--fault`:
 * - `path`: an API path (`/checkout/w-payment/hpp`), an event type for webhook faults, or `*`;
 * - `probability` (0–1, default 1) and `times` (how often it may fire, default unlimited);
 * - `latencyMs` (latency), `status` (http-5xx; retcode: HTTP status of the envelope),
 *   `retcode`/`retmsg` (retcode), `holdMs` (timeout: drop the connection after that long,
 *   default hold until the client gives up), `delayMs` (webhook-reorder),
 *   `phase` (`before` the request takes effect, default, or `after`).
 *
 * @example
 * ```ts
 * FaultRuleSchema.parse({ kind: 'http-5xx', path: '/checkout/w-payment/hpp', times: 2 });
 * ```
 */
export const FaultRuleSchema = z
  .object({
    kind: z.enum(FAULT_KINDS),
    path: z.string().min(1).default('*'),
    probability: z.number().min(0).max(1).default(1),
    times: z.number().int().positive().optional(),
    latencyMs: z.number().int().nonnegative().optional(),
    status: z.number().int().min(100).max(599).optional(),
    retcode: z.string().min(1).optional(),
    retmsg: z.string().optional(),
    holdMs: z.number().int().positive().optional(),
    delayMs: z.number().int().nonnegative().optional(),
    phase: z.enum(['before', 'after']).default('before'),
  })
  .strict();

/**
 * A fault rule as written (defaults optional).
 *
 * @example
 * ```ts
 * const rule: FaultRuleInput = { kind: 'latency', latencyMs: 200 };
 * ```
 */
export type FaultRuleInput = z.input<typeof FaultRuleSchema>;

/**
 * A fault rule with its defaults.
 *
 * @example
 * ```ts
 * const rule: FaultRule = parseFaultFlag('kind=timeout,holdMs=500'); // path '*', probability 1
 * ```
 */
export type FaultRule = z.output<typeof FaultRuleSchema>;

const NUMERIC = new Set(['probability', 'times', 'latencyMs', 'status', 'holdMs', 'delayMs']);

/**
 * Parses the CLI form `kind=http-5xx,path=/checkout/w-payment/hpp,times=2`.
 *
 * @example
 * ```ts
 * parseFaultFlag('kind=latency,latencyMs=200'); // { kind: 'latency', latencyMs: 200, … }
 * ```
 */
export function parseFaultFlag(flag: string): FaultRule {
  const raw: Record<string, string | number> = {};
  for (const pair of flag.split(',')) {
    const index = pair.indexOf('=');
    if (index < 1) throw new Error(`--fault: expected key=value, got "${pair}"`);
    const key = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    raw[key] = NUMERIC.has(key) ? Number(value) : value;
  }
  const parsed = FaultRuleSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'rule'}: ${i.message}`);
    throw new Error(`--fault ${flag}: ${issues.join('; ')}`);
  }
  return parsed.data;
}
