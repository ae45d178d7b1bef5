/** The icons of the return pages' outcome messages. */
export type OutcomeIcon = 'done' | 'notice' | 'stop';

const circle = (fill: string) => `<circle cx="12" cy="12" r="11" fill="${fill}"/>`;
const stroke = 'fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round"';

const SHAPES: Readonly<Record<OutcomeIcon, string>> = {
  done: `${circle('#2f5d50')}<path d="M7 12.5l3.2 3.2L17 9" ${stroke} stroke-linejoin="round"/>`,
  notice: `${circle('#8a4b08')}<path d="M12 7v6M12 16.5v.5" ${stroke}/>`,
  stop: `${circle('#a3261b')}<path d="M8.5 8.5l7 7M15.5 8.5l-7 7" ${stroke}/>`,
};

/**
 * A decorative outcome icon (a tick, an exclamation mark, a cross), hidden from assistive
 * technology since the message beside it says the same. Pages ask for one with `<!-- @icon done -->`.
 *
 * @example
 * ```ts
 * outcomeIcon('done'); // '<svg class="outcome-icon" …>…</svg>'
 * ```
 */
export function outcomeIcon(name: OutcomeIcon): string {
  return `<svg class="outcome-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${SHAPES[name]}</svg>`;
}

/**
 * Whether `name` names an outcome icon.
 *
 * @example
 * ```ts
 * isOutcomeIcon('done'); // true
 * ```
 */
export function isOutcomeIcon(name: string): name is OutcomeIcon {
  return Object.hasOwn(SHAPES, name);
}
