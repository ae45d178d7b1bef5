/**
 * @module The page checks: `shop.reachable`, `clock.offset`, `page.widget`, `page.csp`. One GET
 * of the page gives the Date header, the CSP and the scripts; each script is fetched once.
 */
import type { Checklist } from '../checklist.js';
import { cspAllows, parseCsp } from '../csp.js';
import { DOCTOR_DEFAULTS } from '../doctor-defaults.js';
import { describeAnswer, type ShopClient } from '../shop-client.js';

/** What the page told the checks that come after it. */
export interface PageFindings {
  /** The `data-*` attributes of its first `<wpay-button>`, as the widget would post them. */
  buttonBody: Record<string, string> | undefined;
}

const JS_TYPE = /^(text|application)\/(x-)?(java|ecma)script\b/i;

/**
 * Runs the page checks against the shop's page; `wpayOrigin` is where the hosted page lives
 * (the page's `form-action` must allow the 303 to it).
 *
 * @example
 * ```ts
 * const { buttonBody } = await pageChecks(shop, list, { pagePath: '/', checkoutPath: '/api/checkout', wpayOrigin });
 * ```
 */
export async function pageChecks(
  shop: ShopClient,
  list: Checklist,
  paths: { pagePath: string; checkoutPath: string; wpayOrigin: string },
): Promise<PageFindings> {
  const before = Date.now();
  const page = await shop.send(paths.pagePath, { headers: { accept: 'text/html' } });
  const after = Date.now();
  if (page.status === 0) {
    list.fail(
      'shop.reachable',
      `GET ${shop.url(paths.pagePath)}: ${describeAnswer(page)}`,
      'Start the shop first, and give its base URL with --shop (e.g. --shop http://localhost:3000).',
    );
    return { buttonBody: undefined };
  }
  list.pass('shop.reachable', `GET ${paths.pagePath} answered HTTP ${page.status}`);
  clockOffset(list, page.headers.get('date'), (before + after) / 2);

  const html = page.status === 200 ? page.text : '';
  const button = /<wpay-button\b([^>]*)>/i.exec(html);
  const scripts = [...html.matchAll(/<script\b([^>]*)>/gi)].flatMap(([, attributes = '']) => {
    const src = attributeOf(attributes, 'src');
    return src === undefined
      ? []
      : [{ src: new URL(src, shop.url(paths.pagePath)).href, attributes }];
  });
  const widget = await findWidgetScript(shop, scripts);
  if (!button) {
    list.fail(
      'page.widget',
      `GET ${paths.pagePath} (HTTP ${page.status}) shows no <wpay-button>`,
      'Point --page-path at a page of the shop with a <wpay-button> on it.',
    );
  } else if (widget === undefined) {
    list.fail(
      'page.widget',
      `none of the page's ${scripts.length} script(s) defines <wpay-button>`,
      'Serve the widget from the shop and load it on the page: copy @wpay/widget/iife ' +
        '(dist/wpay-widget.iife.js) to your static files and add <script src="/wpay-widget.iife.js" defer></script>.',
    );
  } else {
    list.pass('page.widget', `<wpay-button> is defined by ${widget}`);
  }

  const header = page.headers.get('content-security-policy');
  if (header === null) {
    list.pass('page.csp', 'no Content-Security-Policy header: nothing blocks the widget');
  } else {
    const policy = parseCsp(header);
    const needs = [
      {
        directive: 'connect-src',
        url: shop.url(paths.checkoutPath).href,
        why: 'post to the checkout route',
      },
      {
        directive: 'form-action',
        url: shop.url(paths.checkoutPath).href,
        why: 'post its no-JS form',
      },
      {
        directive: 'form-action',
        url: `${paths.wpayOrigin}/`,
        why: "follow the form's 303 to WPay's hosted page",
      },
      ...(widget ? [{ directive: 'script-src', url: widget, why: 'load the widget script' }] : []),
    ];
    const blocked = needs.filter(
      ({ directive, url }) => !cspAllows(policy, directive, url, shop.origin),
    );
    if (blocked.length === 0) {
      list.pass(
        'page.csp',
        'the Content-Security-Policy allows the widget to load, post and redirect',
      );
    } else {
      list.fail(
        'page.csp',
        `the Content-Security-Policy blocks ${blocked.map(({ directive, url }) => `${directive} ${new URL(url).origin}`).join(', ')}`,
        `Add to the policy: ${blocked.map(({ directive, url, why }) => `${directive} ${new URL(url).origin === shop.origin ? "'self'" : new URL(url).origin} (to ${why})`).join('; ')}.`,
      );
    }
  }
  return { buttonBody: button ? dataAttributes(button[1] ?? '') : undefined };
}

function clockOffset(list: Checklist, date: string | null, localMs: number): void {
  const shopMs = date === null ? Number.NaN : Date.parse(date);
  if (Number.isNaN(shopMs)) {
    list.skip('clock.offset', 'the page answer has no Date header to compare clocks with');
    return;
  }
  // The Date header has a resolution of one second: up to 1 s of the difference is rounding.
  const offset = shopMs - localMs;
  const distance = Math.max(0, Math.abs(offset) - 1_000);
  const seconds = `${offset >= 0 ? '+' : ''}${Math.round(offset / 1000)} s`;
  if (distance <= DOCTOR_DEFAULTS.maxClockOffsetMs) {
    list.pass('clock.offset', `the shop's clock is ${seconds} from this machine's`);
  } else {
    list.fail(
      'clock.offset',
      `the shop's clock is ${seconds} from this machine's`,
      'Synchronise the server clock (NTP: `timedatectl set-ntp true`, or chrony). WPay refuses ' +
        'signatures more than 2 minutes off, and the shop refuses its webhooks the same way.',
    );
  }
}

async function findWidgetScript(
  shop: ShopClient,
  scripts: { src: string }[],
): Promise<string | undefined> {
  const ours = scripts.filter(({ src }) => new URL(src).origin === shop.origin);
  // The widget's own file first, then the rest (a bundle may hold it), at most eight fetches.
  const ordered = [
    ...ours.filter(({ src }) => /wpay/i.test(src)),
    ...ours.filter(({ src }) => !/wpay/i.test(src)),
  ];
  for (const { src } of ordered.slice(0, 8)) {
    const answer = await shop.send(src);
    const type = answer.headers.get('content-type') ?? '';
    if (answer.status !== 200 || !JS_TYPE.test(type)) continue;
    if (definesButton(answer.text)) return src;
    // A module entry that imports its chunks: look one level down.
    for (const [, specifier = ''] of answer.text.matchAll(
      /\bfrom\s*["'](\.{1,2}\/[^"']+)["']|\bimport\s*["'](\.{1,2}\/[^"']+)["']/g,
    )) {
      const chunk = await shop.send(new URL(specifier, src).href);
      if (chunk.status === 200 && definesButton(chunk.text)) return src;
    }
  }
  return undefined;
}

function definesButton(code: string): boolean {
  return /["'`]wpay-button["'`]/.test(code);
}

function attributeOf(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(
    attributes,
  );
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

/** `data-sku="mug" data-plan-id="x"` → `{ sku: 'mug', planId: 'x' }`, as `element.dataset` reads them. */
function dataAttributes(attributes: string): Record<string, string> {
  const body: Record<string, string> = {};
  for (const [, name = '', ...values] of attributes.matchAll(
    /\bdata-([a-z0-9-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi,
  )) {
    const key = name
      .toLowerCase()
      .replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
    body[key] = decodeEntities(values.find((value) => value !== undefined) ?? '');
  }
  return body;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
