import { escapeHtml } from '../build/escape-html.js';

/**
 * Gives every `<wpay-button>` of a page an `allowed-hosts` attribute: the hosts WPay's hosted
 * page may be on, so that the button follows no redirect elsewhere. The storefront is built once,
 * while the embedded sandbox gets a new port on each start, so the attribute is added as the page
 * is served. Blank `hosts` leaves the page as it is.
 *
 * @example
 * ```ts
 * withAllowedHosts('<wpay-button endpoint="/api/checkout">', '127.0.0.1:41234');
 * // '<wpay-button allowed-hosts="127.0.0.1:41234" endpoint="/api/checkout">'
 * ```
 */
export function withAllowedHosts(html: string, hosts: string): string {
  if (hosts.trim() === '') return html;
  return html.replace(
    /<wpay-button(?=[\s>])/g,
    `<wpay-button allowed-hosts="${escapeHtml(hosts)}"`,
  );
}
