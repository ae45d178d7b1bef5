import { escapeHtml } from './escape-html.js';

/** The pages of the site's navigation. */
export type NavPage = 'shop' | 'script-tag' | 'admin' | 'none';

const LINKS: readonly { page: NavPage; href: string; label: string }[] = [
  { page: 'shop', href: '/', label: 'Shop' },
  { page: 'script-tag', href: '/script-tag', label: 'Script-tag page' },
  { page: 'admin', href: '/admin', label: 'Admin' },
];

const LOGO = `<svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
  <rect width="32" height="32" rx="9" fill="#2f5d50"/>
  <path d="M8 11 l3.2 11 l4.8 -8 l4.8 8 l3.2 -11" fill="none" stroke="#faf7f2" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

/**
 * The site's icon for the browser tab: the logo's green tile, as a data URL (no request).
 *
 * @example
 * ```ts
 * siteIcon(); // '<link rel="icon" href="data:image/svg+xml,…">'
 * ```
 */
export function siteIcon(): string {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><rect width='32' height='32' rx='9' fill='#2f5d50'/></svg>`;
  return `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(svg)}">`;
}

/**
 * The site header: skip link, brand and navigation, with the current page marked.
 *
 * @example
 * ```ts
 * siteHeader('shop');
 * ```
 */
export function siteHeader(current: NavPage): string {
  const items = LINKS.map(({ page, href, label }) => {
    const attr = page === current ? ' aria-current="page"' : '';
    return `<li><a href="${href}"${attr}>${escapeHtml(label)}</a></li>`;
  }).join('');
  return `<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/">${LOGO}<span>Kit &amp; Co.</span></a>
    <nav class="site-nav" aria-label="Main"><ul>${items}</ul></nav>
  </div>
</header>`;
}

/**
 * The site footer.
 *
 * @example
 * ```ts
 * siteFooter();
 * ```
 */
export function siteFooter(): string {
  return `<footer class="site-footer">
  <div class="wrap">A demo shop for the WPay checkout kit. No real money moves: payments go to the local WPay sandbox unless you configure a real account.</div>
</footer>`;
}
