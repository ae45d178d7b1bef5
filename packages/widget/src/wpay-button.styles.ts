import { css } from './css.js';

/**
 * `<wpay-button>`'s look. Public `--wpay-button-*` properties feed private `--_*` ones; the
 * button keeps the same box while busy (the spinner overlays the label), so nothing moves.
 *
 * @example
 * ```ts
 * static override styles = [sharedStyles, buttonStyles];
 * ```
 */
export const buttonStyles = css`
  :host {
    display: inline-block;
  }

  :host([full-width]) {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  ::slotted(form) {
    display: none !important;
  }

  .button {
    --_accent: var(--wpay-button-accent, #4338ca);
    --_bg: var(--_accent);
    --_fg: var(--wpay-button-accent-contrast, #fff);
    --_border: var(--_accent);
    --_ring: var(--_accent);
    --_height: 2.75rem;
    --_padding: 1.25rem;
    --_font-size: 1rem;

    position: relative;
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    min-height: var(--wpay-button-height, var(--_height));
    margin: 0;
    padding: 0 var(--wpay-button-padding-inline, var(--_padding));
    border: 1px solid var(--wpay-button-border-color, var(--_border));
    border-radius: var(--wpay-button-radius, 0.5rem);
    background: var(--wpay-button-background, var(--_bg));
    color: var(--wpay-button-color, var(--_fg));
    font: var(--wpay-button-font-weight, 600) var(--wpay-button-font-size, var(--_font-size)) / 1.2
      var(--wpay-button-font-family, inherit);
    cursor: pointer;
  }

  .secondary {
    --_bg: color-mix(in srgb, var(--_accent) 12%, transparent);
    --_fg: var(--_accent);
    --_border: transparent;
  }

  .outline {
    --_bg: transparent;
    --_fg: var(--_accent);
  }

  .small {
    --_height: 2rem;
    --_padding: 0.75rem;
    --_font-size: 0.875rem;
  }

  .large {
    --_height: 3.25rem;
    --_padding: 1.75rem;
    --_font-size: 1.125rem;
  }

  .button:hover:enabled {
    filter: brightness(0.92);
  }

  .button:focus-visible {
    outline: 2px solid var(--wpay-button-focus-ring-color, var(--_ring));
    outline-offset: 2px;
  }

  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  .content {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }

  [aria-busy='true'] .content {
    opacity: 0;
  }

  /* No box and no animation while idle: a page of many buttons lays out and ticks none of them. */
  .spinner {
    position: absolute;
    inset: 0;
    margin: auto;
    display: none;
  }

  [aria-busy='true'] .spinner {
    display: block;
  }

  /* A red mixed with the page's own text colour: readable on any page, light or dark. */
  .error {
    margin-top: 0.375rem;
    color: var(--wpay-button-error-color, color-mix(in srgb, #dc2626 60%, currentColor));
    font-size: 0.875rem;
  }

  /* No box while there is no message: a page of many buttons lays out none of them. */
  .error:empty {
    display: none;
  }

  /*
   * Dark mode: a lighter accent. The page may still be light (no dark theme of its own), so the
   * variants drawn on the page's background take its text colour, readable either way.
   */
  @media (prefers-color-scheme: dark) {
    .button {
      --_accent: var(--wpay-button-accent, #a5b4fc);
      --_fg: var(--wpay-button-accent-contrast, #1e1b4b);
      /* The light accent alone would be faint on a light page: darken it with the text colour. */
      --_ring: color-mix(in srgb, var(--_accent) 50%, currentColor);
    }

    .secondary,
    .outline {
      --_fg: currentColor;
    }
  }
`;
