/** @module The results of one doctor run, as they are recorded: pass, fail (with the fix) or skip. */
import type { CheckName } from './check-names.js';

/**
 * `pass`, `fail`, or `skip` (the check could not run: a check it needs failed, or the mode has
 * no way to run it).
 *
 * @example
 * ```ts
 * const status: CheckStatus = 'fail';
 * ```
 */
export type CheckStatus = 'pass' | 'fail' | 'skip';

/**
 * One named result: what was seen and, for a failure, what to change.
 *
 * @example
 * ```ts
 * const result: CheckResult = {
 *   name: 'status.no-store', status: 'fail',
 *   summary: 'Cache-Control is "public, max-age=60"',
 *   fix: 'Send Cache-Control: no-store on the status answer.',
 * };
 * ```
 */
export interface CheckResult {
  name: CheckName;
  status: CheckStatus;
  /** What the doctor saw. */
  summary: string;
  /** For a failure: what to change. */
  fix?: string;
}

/**
 * The results recorded so far; a check that needs another one asks {@link Checklist.passed}.
 *
 * @example
 * ```ts
 * const list = new Checklist();
 * list.pass('shop.reachable', 'GET / answered 200');
 * list.passed('shop.reachable'); // true
 * ```
 */
export class Checklist {
  readonly results: CheckResult[] = [];

  pass(name: CheckName, summary: string): void {
    this.results.push({ name, status: 'pass', summary });
  }

  fail(name: CheckName, summary: string, fix: string): void {
    this.results.push({ name, status: 'fail', summary, fix });
  }

  skip(name: CheckName, summary: string): void {
    this.results.push({ name, status: 'skip', summary });
  }

  /** Skips each check of `names`, because `needed` did not pass. */
  skipAll(names: readonly CheckName[], needed: CheckName): void {
    for (const name of names) this.skip(name, `needs ${needed}`);
  }

  passed(name: CheckName): boolean {
    return this.results.some((result) => result.name === name && result.status === 'pass');
  }
}
