// `@wpay/widget/react` under server rendering and hydration, as in a Next.js app: the page is
// rendered to HTML by react-dom/server in this Node process (Lit's Node build, no DOM), served with
// a client bundle (built here by Vite, React's development build) that hydrates it in Chromium.
// After hydration the `payload` prop must reach the element (it is in the POST body) and
// `onWpayCheckout` must fire — React 19 alone drops both on a hydrated custom element. Needs the
// npm build (dist/react.js, `vite build`).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromiumLaunchOptions } from '@wpay/sandbox/testing';
import { chromium } from 'playwright-core';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { build } from 'vite';
import { App } from './react-ssr/app.js';

describe('when the npm build is made', () => {
  it("starts dist/react.js with 'use client', so React Server Components keep it on the client", async () => {
    const code = await readFile(new URL('../dist/react.js', import.meta.url), 'utf8');
    assert.match(code, /^["']use client["'];\n/);
  });
});

const CLIENT = fileURLToPath(new URL('./react-ssr/client.js', import.meta.url));

/** The client bundle: client.js with React (development build) and dist/react.js inside. */
async function clientBundle() {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'development',
    define: { 'process.env.NODE_ENV': '"development"' },
    build: {
      write: false,
      minify: false,
      rolldownOptions: {
        input: CLIENT,
        output: { format: 'es', entryFileNames: 'client.js' },
        // dist/react.js starts with 'use client', meaningless (and reported) in a plain bundle.
        onLog: (level, log, handler) =>
          log.code !== 'MODULE_LEVEL_DIRECTIVE' && handler(level, log),
      },
    },
  });
  const [{ output: files }] = Array.isArray(output) ? output : [output];
  return files.find((file) => file.type === 'chunk' && file.isEntry).code;
}

describe('when a React page with <WpayButton> is server-rendered and hydrated', () => {
  let server;
  let browser;
  let page;
  let ssrHtml;
  /** The checkout requests the element sent, as parsed JSON bodies. */
  const posts = [];
  let posted;

  before(async () => {
    ssrHtml = renderToString(createElement(App));
    const client = await clientBundle();
    server = createServer(async (req, res) => {
      if (req.method === 'POST' && req.url === '/checkout') {
        let body = '';
        for await (const chunk of req) body += chunk;
        posts.push(JSON.parse(body));
        posted?.();
        res.writeHead(200, { 'Content-Type': 'application/json' });
        return res.end(JSON.stringify({ redirectUrl: 'https://pay.example/hpp/1', trxNo: 'TRX1' }));
      }
      if (req.url === '/client.js') {
        res.writeHead(200, { 'Content-Type': 'text/javascript' });
        return res.end(client);
      }
      if (req.url === '/') {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return res.end(`<!doctype html><html lang="en"><head><title>shop</title></head><body>
          <div id="root">${ssrHtml}</div><script type="module" src="/client.js"></script></body></html>`);
      }
      res.writeHead(404).end();
    });
    server.listen(0, 'localhost');
    await once(server, 'listening');
    browser = await chromium.launch(chromiumLaunchOptions());
    page = await browser.newPage();
    await page.goto(`http://localhost:${server.address().port}/`);
    await page.waitForFunction(() => globalThis.__hydration?.hydrated === true);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  it('renders the element with its children and data-* attributes on the server', () => {
    assert.match(ssrHtml, /^<wpay-button data-sku="tee-42">Buy now<\/wpay-button>$/);
  });

  it('hydrates without a mismatch, and the element adds no attribute of its own', async () => {
    const { recoverableErrors, consoleErrors } = await page.evaluate(() => globalThis.__hydration);
    assert.deepEqual(recoverableErrors, []);
    assert.deepEqual(consoleErrors, []);
    const attributes = await page.$eval('wpay-button', (el) => el.getAttributeNames().sort());
    assert.deepEqual(attributes, ['data-sku']);
  });

  it('sends the payload prop and fires onWpayCheckout when clicked after hydration', async () => {
    const sent = new Promise((resolve) => {
      posted = resolve;
    });
    await page.click('wpay-button');
    await sent;
    assert.deepEqual(posts, [{ sku: 'tee-42', quantity: 3 }]);
    await page.waitForFunction(() => globalThis.__wpay?.navigatedTo !== undefined);
    const seen = await page.evaluate(() => globalThis.__wpay);
    assert.deepEqual(seen, {
      checkouts: [{ sku: 'tee-42', quantity: 3 }],
      navigatedTo: 'https://pay.example/hpp/1',
    });
  });
});
