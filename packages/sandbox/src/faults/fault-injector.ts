/** @module Decides, deterministically for a seed, which faults hit a request or a webhook. */
import {
  type FaultKind,
  type FaultRule,
  type FaultRuleInput,
  FaultRuleSchema,
  WEBHOOK_FAULT_KINDS,
} from './fault-rule.js';
import { mulberry32, type Random } from './mulberry32.js';

/**
 * A rule as stored: its id and how many times it may still fire.
 *
 * @example
 * ```ts
 * const rule: ActiveFault = sb.faults.add({ kind: 'http-5xx', times: 2 }); // rule.remaining === 2
 * ```
 */
export interface ActiveFault extends FaultRule {
  id: number;
  /** Times left, `null` when unlimited. */
  remaining: number | null;
  /** Times it fired. */
  fired: number;
}

/**
 * Decides which faults hit a request or a webhook, deterministically for a seed: every matching
 * rule draws one number from a seeded PRNG (mulberry32) and fires when it is below `probability`
 * and its `times` are not used up.
 *
 * @example
 * ```ts
 * const faults = new FaultInjector(42);
 * faults.add({ kind: 'http-5xx', path: '/checkout/w-payment/hpp', times: 1 });
 * faults.pick('/checkout/w-payment/hpp', 'http'); // [the rule]; the next call: []
 * ```
 */
export class FaultInjector {
  readonly #random: Random;
  #rules: ActiveFault[] = [];
  #nextId = 1;
  #injected = 0;

  constructor(seed: number, rules: readonly FaultRuleInput[] = []) {
    this.#random = mulberry32(seed);
    for (const rule of rules) this.add(rule);
  }

  /** Adds a rule (validated); returns it with its id. */
  add(input: FaultRuleInput): ActiveFault {
    const rule = FaultRuleSchema.parse(input);
    const active: ActiveFault = {
      ...rule,
      id: this.#nextId++,
      remaining: rule.times ?? null,
      fired: 0,
    };
    this.#rules.push(active);
    return active;
  }

  /** Removes one rule; false when unknown. */
  remove(id: number): boolean {
    const before = this.#rules.length;
    this.#rules = this.#rules.filter((rule) => rule.id !== id);
    return this.#rules.length < before;
  }

  /** Removes every rule. */
  /** Removes every rule and zeroes the count of faults fired. */
  reset(): void {
    this.clear();
    this.#injected = 0;
  }

  clear(): void {
    this.#rules = [];
  }

  /** The rules, in the order they are tried. */
  list(): ActiveFault[] {
    return this.#rules.map((rule) => ({ ...rule }));
  }

  /** How many faults fired so far. */
  get injected(): number {
    return this.#injected;
  }

  /** The rules that fire for this API path (scope `http`) or event type (scope `webhook`). */
  pick(target: string, scope: 'http' | 'webhook'): ActiveFault[] {
    const fired: ActiveFault[] = [];
    for (const rule of this.#rules) {
      if (WEBHOOK_FAULT_KINDS.has(rule.kind) !== (scope === 'webhook')) continue;
      if (rule.path !== '*' && rule.path !== target) continue;
      if (rule.remaining === 0) continue;
      if (this.#random() >= rule.probability) continue;
      if (rule.remaining !== null) rule.remaining -= 1;
      rule.fired += 1;
      this.#injected += 1;
      fired.push({ ...rule });
    }
    return fired;
  }
}

/**
 * The first fired rule of one of the kinds.
 *
 * @example
 * ```ts
 * firstOf(fired, ['http-5xx', 'retcode']);
 * ```
 */
export function firstOf(
  fired: readonly ActiveFault[],
  kinds: readonly FaultKind[],
): ActiveFault | undefined {
  return fired.find((rule) => kinds.includes(rule.kind));
}
