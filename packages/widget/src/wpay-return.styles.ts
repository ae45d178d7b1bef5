import { css } from './css.js';

/**
 * `<wpay-return>`'s look: a message with a spinner while the status is not final.
 *
 * @example
 * ```ts
 * static override styles = [sharedStyles, returnStyles];
 * ```
 */
export const returnStyles = css`
  :host {
    display: block;
  }

  :host([hidden]) {
    display: none;
  }

  .base {
    display: flex;
    align-items: center;
    gap: var(--wpay-return-gap, 0.625em);
    color: var(--wpay-return-color, inherit);
    font-family: var(--wpay-return-font-family, inherit);
    font-size: var(--wpay-return-font-size, 1rem);
    line-height: 1.4;
  }

  .spinner {
    flex: none;
    color: var(--wpay-return-spinner-color, currentColor);
  }
`;
