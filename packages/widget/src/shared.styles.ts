import { css } from './css.js';

/**
 * Styles both elements share: the spinner (stopped under `prefers-reduced-motion`) and the
 * visually hidden live region.
 *
 * @example
 * ```ts
 * static override styles = [sharedStyles, css`…`];
 * ```
 */
export const sharedStyles = css`
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .spinner {
    box-sizing: border-box;
    width: 1.1em;
    height: 1.1em;
    border: 0.15em solid currentColor;
    border-right-color: transparent;
    border-radius: 50%;
    animation: wpay-spin 0.75s linear infinite;
  }

  @keyframes wpay-spin {
    to {
      transform: rotate(360deg);
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation: none;
    }
  }
`;
