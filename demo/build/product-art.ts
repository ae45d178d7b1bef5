import type { Product } from '../server/catalogue.js';

/** Background colour behind each product's artwork. */
export const ART_BACKGROUND: Readonly<Record<Product['art'], string>> = {
  tee: '#e4ece6',
  mug: '#f1e6da',
  stickers: '#e7e5f2',
  coffee: '#efe2d4',
};

/**
 * Flat, decorative SVG artwork for each product (the card's heading names the product, so the
 * artwork is hidden from assistive technology).
 *
 * @example
 * ```ts
 * const svg = PRODUCT_ART.mug;
 * ```
 */
export const PRODUCT_ART: Readonly<Record<Product['art'], string>> = {
  tee: `<svg viewBox="0 0 120 110" xmlns="http://www.w3.org/2000/svg" focusable="false">
  <path d="M40 8 L18 18 L4 44 L22 52 L28 40 L28 104 L92 104 L92 40 L98 52 L116 44 L102 18 L80 8 C76 18 68 22 60 22 C52 22 44 18 40 8 Z" fill="#2f5d50"/>
  <path d="M40 8 C44 18 52 22 60 22 C68 22 76 18 80 8" fill="none" stroke="#1f4037" stroke-width="3"/>
  <rect x="44" y="48" width="32" height="22" rx="4" fill="#faf7f2"/>
  <rect x="49" y="54" width="22" height="4" rx="2" fill="#2f5d50"/>
  <rect x="49" y="61" width="14" height="4" rx="2" fill="#c9a66b"/>
</svg>`,
  mug: `<svg viewBox="0 0 120 110" xmlns="http://www.w3.org/2000/svg" focusable="false">
  <path d="M84 40 h10 a14 14 0 0 1 0 28 h-10" fill="none" stroke="#8a5a2b" stroke-width="8"/>
  <path d="M22 28 h64 v56 a16 16 0 0 1 -16 16 h-32 a16 16 0 0 1 -16 -16 Z" fill="#c9a66b"/>
  <rect x="22" y="28" width="64" height="10" fill="#8a5a2b"/>
  <path d="M40 8 c-6 8 6 10 0 18 M54 6 c-6 8 6 10 0 18 M68 8 c-6 8 6 10 0 18" fill="none" stroke="#b7a89a" stroke-width="3" stroke-linecap="round"/>
  <text x="54" y="72" text-anchor="middle" font-family="system-ui, sans-serif" font-size="13" font-weight="700" fill="#faf7f2">{ }</text>
</svg>`,
  stickers: `<svg viewBox="0 0 120 110" xmlns="http://www.w3.org/2000/svg" focusable="false">
  <rect x="10" y="18" width="58" height="38" rx="8" fill="#4338ca" transform="rotate(-8 39 37)"/>
  <rect x="20" y="30" width="30" height="6" rx="3" fill="#eef2ff" transform="rotate(-8 39 37)"/>
  <circle cx="86" cy="34" r="20" fill="#c9a66b"/>
  <path d="M77 34 l6 6 l12 -12" fill="none" stroke="#faf7f2" stroke-width="5" stroke-linecap="round" stroke-linejoin="round"/>
  <rect x="30" y="62" width="64" height="38" rx="6" fill="#2f5d50" transform="rotate(6 62 81)"/>
  <rect x="38" y="72" width="16" height="11" rx="2" fill="#e3c27a" transform="rotate(6 62 81)"/>
  <rect x="38" y="88" width="46" height="4" rx="2" fill="#e3efe9" transform="rotate(6 62 81)"/>
</svg>`,
  coffee: `<svg viewBox="0 0 120 110" xmlns="http://www.w3.org/2000/svg" focusable="false">
  <path d="M32 14 h56 l6 14 v72 a6 6 0 0 1 -6 6 h-56 a6 6 0 0 1 -6 -6 v-72 Z" fill="#5b3a21"/>
  <path d="M32 14 h56 l6 14 h-68 Z" fill="#7a5232"/>
  <rect x="36" y="44" width="48" height="36" rx="6" fill="#faf7f2"/>
  <ellipse cx="60" cy="62" rx="9" ry="13" fill="#5b3a21" transform="rotate(25 60 62)"/>
  <path d="M56 52 c6 6 2 14 8 20" fill="none" stroke="#faf7f2" stroke-width="2.5" stroke-linecap="round"/>
  <rect x="44" y="88" width="32" height="5" rx="2.5" fill="#c9a66b"/>
</svg>`,
};
