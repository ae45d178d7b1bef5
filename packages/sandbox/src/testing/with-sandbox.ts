/** @module One sandbox per test file for node:test, vitest or jest: started, reset, closed. */
import type { SandboxOptions } from '../options.js';
import { type Sandbox, startSandbox } from '../start-sandbox.js';
import { sandboxEnv } from './sandbox-env.js';

/**
 * The hooks of the test runner, passed in so that any runner fits: node:test's `before`,
 * `after`, `beforeEach`; vitest's and jest's `beforeAll`, `afterAll`, `beforeEach`.
 *
 * @example
 * ```ts
 * import { after, before, beforeEach } from 'node:test';
 * const hooks: TestHooks = { before, after, beforeEach };
 * ```
 */
export interface TestHooks {
  before?: (run: () => Promise<void>) => unknown;
  beforeAll?: (run: () => Promise<void>) => unknown;
  after?: (run: () => Promise<void>) => unknown;
  afterAll?: (run: () => Promise<void>) => unknown;
  beforeEach?: (run: () => Promise<void>) => unknown;
}

/**
 * Options of {@link withSandbox}: the sandbox's own, plus what the helper does around it.
 *
 * @example
 * ```ts
 * const options: WithSandboxOptions = { webhookUrl: 'http://127.0.0.1:3000/hooks', env: true, reset: true };
 * ```
 */
export interface WithSandboxOptions extends SandboxOptions {
  /**
   * Set `WPAY_BASE_URL`, `WPAY_API_KEY`, `WPAY_API_SECRET` and `WPAY_SIGN_KEY` while it runs,
   * restored after (default `true`).
   */
  env?: boolean;
  /** `reset()` before each test (default `true`). */
  reset?: boolean;
}

/**
 * Registers hooks that start a sandbox (port 0 unless given) before the file's tests, set the
 * `WPAY_*` environment variables, `reset()` it before each test and close it after; returns the
 * sandbox, usable from the first hook on (every member forwards to the running one).
 *
 * @example
 * ```ts
 * import { after, before, beforeEach, it } from 'node:test';
 * import { withSandbox } from '@wpay/sandbox/testing';
 * const sb = withSandbox({ before, after, beforeEach });
 * it('pays', async () => { const wpay = new WPay({ ...sb.credentials, baseUrl: sb.url, fetch: sb.fetch }); });
 * ```
 */
export function withSandbox(hooks: TestHooks, options: WithSandboxOptions = {}): Sandbox {
  const { env = true, reset = true, ...sandboxOptions } = options;
  const before = hooks.before ?? hooks.beforeAll;
  const after = hooks.after ?? hooks.afterAll;
  if (!before || !after) {
    throw new TypeError(
      'withSandbox: pass the runner hooks, e.g. withSandbox({ before, after, beforeEach }) from node:test, or { beforeAll, afterAll, beforeEach } from vitest/jest',
    );
  }
  let running: Sandbox | undefined;
  const saved = new Map<string, string | undefined>();
  before(async () => {
    running = await startSandbox({ port: 0, ...sandboxOptions });
    if (!env) return;
    for (const [name, value] of Object.entries(sandboxEnv(running))) {
      saved.set(name, process.env[name]);
      process.env[name] = value;
    }
  });
  if (reset) hooks.beforeEach?.(async () => running?.reset());
  after(async () => {
    await running?.close();
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });
  return new Proxy({} as Sandbox, {
    get(_target, key) {
      if (!running) {
        throw new Error(
          `withSandbox: sb.${String(key)} used before the sandbox started (use it in a test or a hook)`,
        );
      }
      const value = Reflect.get(running, key);
      return typeof value === 'function' ? value.bind(running) : value;
    },
  });
}
