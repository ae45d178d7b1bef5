import { expect, fixture, html } from '@open-wc/testing';
import { mockFetch, never } from '../test/mock-fetch.js';
import { widget } from '../test/widget.js';
import type { WpayReturn } from './wpay-return.js';

// custom-elements.json is generated from the elements' JSDoc (`pnpm run manifest`, run by
// `pnpm test` and `pnpm build` before this). These specs hold it to the elements as they run, so a
// JSDoc tag that drifts from the code fails here rather than misleading an IDE.

interface Named {
  name: string;
  static?: boolean;
}

interface ElementDeclaration {
  tagName: string;
  attributes?: Named[];
  members?: Named[];
  events?: Named[];
  slots?: Named[];
  cssParts?: Named[];
  cssProperties?: Named[];
}

interface Manifest {
  schemaVersion: string;
  modules: { path: string; declarations?: (Partial<ElementDeclaration> & { kind: string })[] }[];
}

type ElementClass = CustomElementConstructor & {
  observedAttributes: string[];
  elementProperties: Map<PropertyKey, unknown>;
  elementStyles: { cssText?: string }[];
};

async function declaration(tag: string): Promise<ElementDeclaration> {
  const response = await fetch('/custom-elements.json');
  expect(response.ok, 'custom-elements.json exists: run `pnpm run manifest`').to.equal(true);
  const manifest = (await response.json()) as Manifest;
  const found = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((entry) => entry.tagName === tag);
  expect(found, tag).to.have.length(1);
  return found[0] as ElementDeclaration;
}

const names = (list: Named[] | undefined) => (list ?? []).map((entry) => entry.name).sort();
const sorted = (list: Iterable<string>) => [...new Set(list)].sort();

/** The public reactive properties of an element class, and its read-only `state`. */
function publicProperties(element: ElementClass): string[] {
  const keys = [...element.elementProperties.keys()].map(String);
  return sorted([...keys.filter((key) => !key.startsWith('_')), 'state']);
}

/** Every `--wpay-*` custom property the element's styles read. */
function cssProperties(element: ElementClass, prefix: string): string[] {
  const css = element.elementStyles.map((sheet) => sheet.cssText ?? '').join('\n');
  return sorted(css.match(new RegExp(`${prefix}[a-z-]+`, 'g')) ?? []);
}

const partsOf = (root: ShadowRoot) =>
  sorted([...root.querySelectorAll('[part]')].map((node) => node.getAttribute('part') ?? ''));

/** What each element must declare, and how to render it with every part showing. */
interface Expected {
  tag: 'wpay-button' | 'wpay-return';
  element: ElementClass;
  events: string[];
  /** Public fields that are not reactive properties. */
  fields: string[];
  /** Renders the element with every part showing; returns its slot names and parts. */
  render(): Promise<{ slots: string[]; parts: string[] }>;
}

const EXPECTED: Expected[] = [
  {
    tag: 'wpay-button',
    element: widget.WpayButton as unknown as ElementClass,
    events: ['wpay-checkout', 'wpay-error', 'wpay-redirect'],
    fields: [],
    async render() {
      const el = await fixture(
        html`<wpay-button endpoint="/x" amount="5" currency="USD">Buy</wpay-button>`,
      );
      const root = el.shadowRoot!;
      return {
        slots: [...root.querySelectorAll('slot')].map((slot) => slot.name),
        parts: partsOf(root),
      };
    },
  },
  {
    tag: 'wpay-return',
    element: widget.WpayReturn as unknown as ElementClass,
    events: ['wpay-error', 'wpay-status'],
    fields: ['status'],
    async render() {
      // While it checks (the status request never answers here) every part shows; its one slot
      // takes the name of each state in turn.
      const page = location.href;
      history.replaceState(history.state, '', '?trxNo=TRX1');
      const server = mockFetch(() => never());
      try {
        const el = await fixture<WpayReturn>(
          html`<wpay-return status-endpoint="/x"></wpay-return>`,
        );
        expect(el.state).to.equal('checking');
        const slots = ['succeeded', 'processing', 'cancelled', 'failed', 'error'];
        return { slots, parts: partsOf(el.shadowRoot!) };
      } finally {
        server.restore();
        history.replaceState(history.state, '', page);
      }
    },
  },
];

describe('custom-elements.json', () => {
  for (const { tag, element, events, fields, render } of EXPECTED) {
    describe(`<${tag}>`, () => {
      it('lists exactly the attributes the element observes', async () => {
        const entry = await declaration(tag);
        expect(names(entry.attributes)).to.deep.equal(sorted(element.observedAttributes));
      });

      it('lists every public property, and nothing internal', async () => {
        const entry = await declaration(tag);
        const members = names(entry.members?.filter((member) => !member.static));
        expect(members).to.include.members([...publicProperties(element), ...fields]);
        expect(members.filter((name) => name.startsWith('_'))).to.deep.equal([]);
      });

      it('lists its events, slots and parts', async () => {
        const entry = await declaration(tag);
        expect(names(entry.events)).to.deep.equal(events);
        const { slots, parts } = await render();
        expect(names(entry.slots)).to.deep.equal(sorted(slots));
        expect(names(entry.cssParts)).to.deep.equal(parts);
      });

      it('lists exactly the CSS custom properties its styles read', async () => {
        const entry = await declaration(tag);
        expect(names(entry.cssProperties)).to.deep.equal(cssProperties(element, `--${tag}-`));
      });
    });
  }
});
