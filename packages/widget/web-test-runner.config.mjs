import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
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

// Browser tests in Debian's Chromium (never a downloaded browser). `pnpm test` builds the IIFE
// first (`vite build --mode iife`), so src/iife.test.ts can load dist/wpay-widget.iife.js.
export default {
  files: ['src/**/*.test.ts'],
  nodeResolve: true,
  middleware: [echoFormPost],
  concurrency: 1,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
