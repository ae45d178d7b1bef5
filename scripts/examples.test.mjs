// Every app under examples/ installed as a shop would (its own package.json, from the npm
// registry, @wpay/* from the packed tarballs), started as its README says, and paid once in
// Chromium against the sandbox: click the button → hosted page → Pay → the return page confirms
// → the app's webhook handler ran. Each example has its own sandbox; two run at a time
// (WPAY_EXAMPLES_CONCURRENCY). Needs a build (`pnpm build`). `pnpm test:examples` runs the CI
// subset (also run by `npm test`; today every example); `pnpm test:examples:all`
// (WPAY_EXAMPLES=all) adds any marked out of CI; WPAY_EXAMPLES=express-esm,hono-node runs the
// named ones.
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { runScript, startApp } from './examples-app.mjs';
import { installExamples } from './examples-workspace.mjs';

/**
 * Each example, in the order they start. `ci`: part of `npm test`; the others run with
 * WPAY_EXAMPLES=all. `check(page, app)`: what else the example promises. `rejects`: files
 * written into the installed copy (never part of the recipe) that its build must type-check, each
 * line it must reject marked with @ts-expect-error / @vue-expect-error.
 */
const EXAMPLES = [
  // The longest first: with two at a time, the others run beside its build.
  { name: 'next-app', ci: true, ...sendsWhatHydrationSet() },
  { name: 'express-esm', ci: true },
  { name: 'express-cjs', ci: true },
  {
    name: 'html-csp',
    ci: true,
    async check(_page, app) {
      const csp = (await fetch(`${app.url}/`)).headers.get('content-security-policy');
      assert.match(csp ?? '', /script-src 'self';/);
      assert.match(csp ?? '', /style-src 'self';/);
    },
  },
  { name: 'hono-node', ci: true },
  { name: 'hono-bun', ci: true },
  { name: 'hono-deno', ci: true },
  { name: 'fastify', ci: true },
  {
    name: 'vite-react',
    ci: true,
    ...choosesColorAndQuantity(),
    // `npm run build` type-checks src/ with tsc: the JSX types of @wpay/widget/jsx/react must
    // reject a variant that does not exist (an unused @ts-expect-error fails the build).
    rejects: {
      'src/rejected-by-tsc.tsx': [
        "import type {} from '@wpay/widget/jsx/react';",
        '',
        'export const notAVariant = (',
        '  // @ts-expect-error not a variant',
        '  <wpay-button endpoint="/api/checkout" variant="huge" />',
        ');',
        'export const notADetail = (',
        '  // @ts-expect-error the detail of wpay-error has no url',
        '  <wpay-button endpoint="/api/checkout" onwpay-error={(event) => event.detail.url} />',
        ');',
        '',
      ],
    },
  },
  {
    name: 'vite-vue',
    ci: true,
    ...choosesColorAndQuantity(),
    // `npm run build` runs vue-tsc: the template types of @wpay/widget/vue must reject these.
    rejects: {
      'src/RejectedByVueTsc.vue': [
        '<script setup lang="ts"></script>',
        '',
        '<template>',
        '  <!-- @vue-expect-error not a variant -->',
        '  <wpay-button endpoint="/api/checkout" variant="huge" />',
        '  <!-- @vue-expect-error the detail of wpay-error has no url -->',
        '  <wpay-button endpoint="/api/checkout" @wpay-error="(event) => event.detail.url" />',
        '</template>',
        '',
      ],
    },
  },
  {
    name: 'workerd',
    ci: true,
    async check(_page, app) {
      // The Worker imported @wpay/widget (its `workerd` build: the browser build throws
      // `HTMLElement is not defined` there, and workerd would not start) and used its VERSION.
      const manifest = join(app.cwd, 'node_modules', '@wpay', 'widget', 'package.json');
      const { version } = JSON.parse(await readFile(manifest, 'utf8'));
      const html = await (await fetch(`${app.url}/`)).text();
      assert.ok(html.includes(`src="/wpay/${version}/wpay-widget.bundle.js"`), html);
    },
  },
  {
    name: 'nestjs',
    ci: true,
    async check(_page, app) {
      // Issue 13: the recipe works with Nest's own `rawBody: true`, no body juggling.
      const sources = await Promise.all(
        ['main.ts', 'wpay.module.ts'].map((file) => readFile(join(app.cwd, 'src', file), 'utf8')),
      );
      assert.match(sources[0], /rawBody: true/);
      for (const source of sources) assert.doesNotMatch(source, /req\.body\s*=/);
    },
  },
];

/**
 * For the framework examples: the buyer picks a colour (sent through the button's `payload`
 * property) and a quantity (added by the app's `wpay-checkout` listener); the hosted page must
 * show both, so both reached the server.
 */
function choosesColorAndQuantity() {
  return {
    async prepare(page) {
      await page.getByLabel('Color').selectOption('green', { timeout: DEADLINE_MS });
      await page.getByLabel('Quantity').fill('2');
    },
    async onHostedPage(page) {
      await page.getByText('T-shirt (green) × 2').waitFor({ timeout: DEADLINE_MS });
      await page.getByRole('button', { name: 'Pay $39.98' }).waitFor({ timeout: DEADLINE_MS });
    },
  };
}

/**
 * For server-rendered React: nothing is touched after hydration, so the colour (`payload`) and
 * the quantity (the `onWpayCheckout` listener) reach the server only if hydration itself set the
 * property and attached the listener. Waits until React has hydrated the button (its fiber is on
 * the element) before the click.
 */
function sendsWhatHydrationSet() {
  return {
    async prepare(page) {
      await page.waitForFunction(
        () => {
          const button = document.querySelector('wpay-button');
          return button !== null && Object.keys(button).some((key) => key.startsWith('__react'));
        },
        undefined,
        { timeout: DEADLINE_MS },
      );
    },
    async onHostedPage(page) {
      await page.getByText('T-shirt (blue) × 1').waitFor({ timeout: DEADLINE_MS });
      await page.getByRole('button', { name: 'Pay $19.99' }).waitFor({ timeout: DEADLINE_MS });
    },
  };
}

/**
 * How many examples run at once (WPAY_EXAMPLES_CONCURRENCY, default 2): each has its own sandbox,
 * app and browser context, so they share nothing but the machine.
 */
const CONCURRENCY = Number(process.env.WPAY_EXAMPLES_CONCURRENCY ?? 2);
/** What every example's build and start get besides the sandbox's variables. */
const QUIET = { NEXT_TELEMETRY_DISABLED: '1' };
/** Deadline for one state the test waits on (never asserted: a loaded machine is slow). */
const DEADLINE_MS = 120_000;
const WEBHOOK_PATH = '/api/webhooks/wpay';

function selected() {
  const wanted = process.env.WPAY_EXAMPLES;
  if (!wanted) return EXAMPLES.filter((example) => example.ci);
  if (wanted === 'all') return EXAMPLES;
  const names = wanted.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !EXAMPLES.some((example) => example.name === name));
  assert.deepEqual(unknown, [], `unknown examples in WPAY_EXAMPLES: ${unknown.join(', ')}`);
  return EXAMPLES.filter((example) => names.includes(example.name));
}

const examples = selected();
let workspace;
let startSandbox;
let testing;
let browser;
/** Seconds each step took, printed at the end (the CI budget is watched with these). */
const timings = [];
const suiteStarted = performance.now();

before(async () => {
  workspace = await installExamples(examples.map((example) => example.name));
  const { pack, install } = workspace.seconds;
  timings.push(
    `pack ${pack.toFixed(1)} s${workspace.cached ? ' (this build was packed before)' : ''}`,
  );
  timings.push(`install ${install.toFixed(1)} s`);
  // The sandbox and its testing kit, from the tarball the examples installed.
  const require = createRequire(join(workspace.dir, examples[0].name, 'package.json'));
  const load = (id) => import(pathToFileURL(require.resolve(id)).href);
  ({ startSandbox } = await load('@wpay/sandbox'));
  testing = await load('@wpay/sandbox/testing');
  browser = await chromium.launch(testing.chromiumLaunchOptions());
});

after(async () => {
  await browser?.close();
  if (workspace) await rm(workspace.dir, { recursive: true, force: true });
  console.log(`examples: ${timings.join(', ')}; all ${since(suiteStarted)}`);
});

/** The example's own `npm run <name>` command, from its package.json. */
async function script(dir, name) {
  const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  return manifest.scripts?.[name];
}

/** Seconds since `started`, for the timings line. */
const since = (started) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

describe('when a shop is built from an example', { concurrency: CONCURRENCY }, () => {
  for (const example of examples) {
    it(`pays once in Chromium with ${example.name}`, async () => {
      const steps = [];
      let step = performance.now();
      const lap = (name) => {
        steps.push(`${name} ${since(step)}`);
        step = performance.now();
      };
      const cwd = join(workspace.dir, example.name);
      for (const [file, lines] of Object.entries(example.rejects ?? {})) {
        await writeFile(join(cwd, file), lines.join('\n'));
      }
      const build = await script(cwd, 'build');
      if (build) {
        await runScript({ cwd, script: build, env: QUIET });
        lap('build');
      }
      const sandbox = await startSandbox({ port: 0 });
      const app = await startApp({
        cwd,
        script: await script(cwd, 'start'),
        env: { ...QUIET, ...testing.sandboxEnv(sandbox) },
      }).catch(async (error) => {
        await sandbox.close();
        throw error;
      });
      lap('start');
      const page = await browser.newPage();
      const failures = [];
      // A checkout the button reports as failed (`wpay-error`) ends the test at once, with why.
      let reportError;
      const buttonError = new Promise((_resolve, reject) => {
        reportError = (detail) =>
          reject(new Error(`the button reported wpay-error: ${JSON.stringify(detail)}`));
      });
      buttonError.catch(() => {});
      await page.exposeBinding('reportWpayError', (_source, detail) => reportError(detail));
      await page.addInitScript(() => {
        document.addEventListener('wpay-error', (event) => window.reportWpayError(event.detail));
      });
      page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) failures.push(message.text());
        // React's hydration errors (minified in production builds: #418, #423, #425).
        if (/hydrat|Minified React error #4(18|23|25)\b/i.test(message.text())) {
          failures.push(message.text());
        }
      });
      try {
        sandbox.setWebhookUrl(`http://127.0.0.1:${app.port}${WEBHOOK_PATH}`);
        await page.goto(`${app.url}/`);
        await example.prepare?.(page);
        await page.locator('wpay-button').getByRole('button').click({ timeout: DEADLINE_MS });
        const hostedPage = new URL(sandbox.url);
        await Promise.race([
          page.waitForURL((url) => url.origin === hostedPage.origin, { timeout: DEADLINE_MS }),
          buttonError,
        ]);
        await example.onHostedPage?.(page);
        const landed = await testing.payOnHostedPage(page, { timeoutMs: DEADLINE_MS });
        assert.equal(landed.origin, new URL(app.url).origin, 'back at the shop');
        const trxNo = landed.searchParams.get('trxNo');
        const mchOrderNo = landed.searchParams.get('mchOrderNo');
        assert.ok(trxNo && mchOrderNo, `the return URL carries trxNo and mchOrderNo: ${landed}`);
        await page.waitForFunction(
          () => document.querySelector('wpay-return')?.state === 'succeeded',
          undefined,
          { timeout: DEADLINE_MS },
        );
        await testing.expectWebhook(sandbox, {
          eventType: 'credit_card.order.paid',
          trxNo,
          timeoutMs: DEADLINE_MS,
        });
        await app.waitForOutput(new RegExp(`paid: ${mchOrderNo} ${trxNo}`));
        await example.check?.(page, app);
        assert.deepEqual(failures, []);
        lap('pay');
      } catch (error) {
        console.log(`--- ${example.name}'s output ---\n${app.output}`);
        throw error;
      } finally {
        await page.close();
        await app.close();
        await sandbox.close();
        timings.push(`${example.name} (${steps.join(', ')})`);
      }
    });
  }
});
