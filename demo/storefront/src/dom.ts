/** Attributes and listeners accepted by {@link h}. */
export type Props = Record<string, string | number | boolean | EventListener | undefined>;

/** A child of {@link h}: a node, text, or nothing. */
export type Child = Node | string | number | null | undefined | false;

/**
 * Creates an element with attributes (`on*` functions become listeners) and children. Text is
 * always inserted as text, never parsed as HTML, so server data cannot inject markup.
 *
 * @example
 * ```ts
 * h('button', { type: 'button', onclick: () => refresh() }, 'Refresh');
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/**
 * The element matching `selector`, or an error naming the selector when the page lacks it.
 *
 * @example
 * ```ts
 * const toast = required<HTMLElement>('[data-toast]');
 * ```
 */
export function required<E extends Element>(selector: string, root: ParentNode = document): E {
  const element = root.querySelector<E>(selector);
  if (!element) throw new Error(`The page has no ${selector}`);
  return element;
}

/**
 * A status pill: good (paid, active), warn (pending, refunds) or bad (failed, cancelled).
 *
 * @example
 * ```ts
 * statusPill('PAID');
 * ```
 */
export function statusPill(status: string): HTMLSpanElement {
  const value = status.toLowerCase();
  const tone = /^(paid|active|succeeded|verified)$/.test(value)
    ? 'status-good'
    : /(fail|declin|cancel|expir|past_due|rejected)/.test(value)
      ? 'status-bad'
      : /(pending|paying|refund|processing)/.test(value)
        ? 'status-warn'
        : '';
  return h('span', { class: `status ${tone}` }, value.replaceAll('_', ' '));
}
