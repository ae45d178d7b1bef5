import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromiumLaunchOptions } from '@wpay/sandbox/testing';
import { summaryReporter } from './test/summary-reporter.mjs';

/** The no-JS fallback's endpoint for src/wpay-button.test.ts: echoes what the form posted. */
async function echoFormPost(context, next) {
  if (context.path !== '/__test/checkout' || context.method !== 'POST') return next();
  let body = '';
  for await (const chunk of context.req) body += chunk;
  context.type = 'application/json';
  context.body = JSON.stringify({
    method: context.method,
    contentType: context.get('Content-Type'),
    fields: Object.fromEntries(new URLSearchParams(body)),
  });
}

/**
 * A checkout endpoint for the real Back-button test (src/iife.test.ts): answers JSON with a
 * "payment page" on this same loopback server (plain http on localhost passes the redirect policy).
 */
async function checkoutSession(context, next) {
  if (context.path !== '/__test/session' || context.method !== 'POST') return next();
  for await (const _chunk of context.req);
  context.type = 'application/json';
  context.set('Cache-Control', 'no-store');
  context.body = JSON.stringify({
    redirectUrl: `http://${context.host}/test/bfcache-hpp.html`,
    trxNo: 'TRX1',
  });
}

/**
 * The element specs: each runs twice, on the sources and on the built IIFE file (they take the
 * widget from test/widget.ts, which uses whichever build defined the tags).
 */
const ELEMENT_SPECS = ['src/wpay-*.test.ts'];

/** The page of the "iife" group: the built file, loaded by a plain script tag before the test. */
function iifePage(testFramework) {
  return `<!doctype html>
<html lang="en">
  <head><script src="/dist/wpay-widget.iife.js"></script></head>
  <body><script type="module" src="${testFramework}"></script></body>
</html>`;
}

// Browser tests in Debian's Chromium (never a downloaded browser). `pnpm test` builds the IIFE
// file first (`vite build --mode iife`): the "iife" group and src/iife.test.ts load it.
export default {
  files: ['src/**/*.test.ts'],
  groups: [{ name: 'iife', files: ELEMENT_SPECS, testRunnerHtml: iifePage }],
  nodeResolve: true,
  middleware: [echoFormPost, checkoutSession],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    a11ySnapshotPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: chromiumLaunchOptions(),
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
