/** @module `@wpay/sandbox/testing`: the sandbox as a test kit for a shop's own suites. */
export {
  type ChromiumLaunchOptions,
  type ChromiumLaunchOverrides,
  chromiumLaunchOptions,
} from './chromium-launch-options.js';
export { type ExpectedWebhook, expectWebhook, type ReceivedWebhook } from './expect-webhook.js';
export {
  type HostedPageBrowser,
  type PayOnHostedPage,
  payOnHostedPage,
} from './pay-on-hosted-page.js';
export {
  type SandboxFixtures,
  type SandboxWorkerFixtures,
  sandboxFixtures,
} from './playwright-fixtures.js';
export { sandboxEnv } from './sandbox-env.js';
export { type TestHooks, type WithSandboxOptions, withSandbox } from './with-sandbox.js';
