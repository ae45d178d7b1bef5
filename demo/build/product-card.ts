import { describeInterval, type Product } from '../server/catalogue.js';
import { formatMoney } from '../server/money.js';
import { escapeHtml } from './escape-html.js';
import { ART_BACKGROUND, PRODUCT_ART } from './product-art.js';

/** Options of {@link productCard}. */
export interface ProductCardOptions {
  /** The merchant's checkout endpoint the button (and its no-JS form) posts to. */
  readonly endpoint?: string;
}

/**
 * The storefront card of one product: artwork, name, price and a `<wpay-button>` whose only
 * payload is the sku (the server owns the price). Inside the button, a plain `<form>` is the
 * no-JavaScript fallback: it posts the same sku and follows the server's `303` to the hosted page.
 *
 * @example
 * ```ts
 * const html = CATALOGUE.map((product) => productCard(product)).join('');
 * ```
 */
export function productCard(
  product: Product,
  { endpoint = '/api/checkout' }: ProductCardOptions = {},
): string {
  const id = `product-${product.sku}`;
  const name = escapeHtml(product.name);
  const sku = escapeHtml(product.sku);
  const price = escapeHtml(formatMoney(product.priceMinor, product.currency));
  const per = product.interval
    ? ` <small>/ ${escapeHtml(describeInterval(product.interval))}</small>`
    : '';
  const verb = product.interval ? 'Subscribe' : 'Buy now';
  return `<li>
  <article class="product" aria-labelledby="${id}-name" data-sku="${sku}">
    <div class="product-art" style="--art-bg: ${ART_BACKGROUND[product.art]}" aria-hidden="true">${PRODUCT_ART[product.art]}</div>
    <div class="product-body">
      ${product.interval ? '<span class="badge">Subscription</span>' : ''}
      <h3 id="${id}-name">${name}</h3>
      <p>${escapeHtml(product.description)}</p>
      <p class="price">${price}${per}</p>
      <wpay-button endpoint="${escapeHtml(endpoint)}" data-sku="${sku}" full-width>
        <span class="button-label">${verb} <span class="visually-hidden">(${name})</span></span>
        <form method="post" action="${escapeHtml(endpoint)}">
          <input type="hidden" name="sku" value="${sku}">
          <button type="submit" class="fallback-button">${verb} <span class="visually-hidden">(${name})</span></button>
        </form>
      </wpay-button>
    </div>
  </article>
</li>`;
}
