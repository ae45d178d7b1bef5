/**
 * A new element with attributes and children: the elements build their shadow DOM once with it,
 * then update only what changes (no template engine, no `innerHTML`, so nothing for a strict
 * Content-Security-Policy or Trusted Types to refuse).
 *
 * @example
 * ```ts
 * const spinner = h('span', { part: 'spinner', 'aria-hidden': 'true' });
 * const label = h('span', { part: 'label' }, h('slot'), 'Pay');
 * ```
 */
export function h(
  tag: string,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/**
 * Sets a text node's text only when it changes, so a live region is not announced again when
 * the element updates for another reason.
 *
 * @example
 * ```ts
 * setText(errorText, strings.errorNetwork);
 * ```
 */
export function setText(node: Text, text: string): void {
  if (node.data !== text) node.data = text;
}

/**
 * Puts `child` in `parent` (appended, or first with `first`) when `shown`, else takes it out.
 *
 * @example
 * ```ts
 * show(content, amount, price !== '');
 * ```
 */
export function show(parent: Element, child: Element, shown: boolean, first = false): void {
  if (!shown) child.remove();
  else if (child.parentNode !== parent) {
    if (first) parent.prepend(child);
    else parent.append(child);
  }
}
