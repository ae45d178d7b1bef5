import { expect } from '@open-wc/testing';
import { defineElements } from './define.js';

/** A registry of its own per test (the page's cannot forget a tag), like the real one. */
function registry(): CustomElementRegistry {
  const tags = new Map<string, CustomElementConstructor>();
  const fake: Pick<CustomElementRegistry, 'get' | 'define'> = {
    get: (tag) => tags.get(tag),
    define: (tag, element) => {
      if (tags.has(tag)) throw new DOMException(`${tag} is already defined`, 'NotSupportedError');
      tags.set(tag, element);
    },
  };
  return fake as CustomElementRegistry;
}

function element(version: string): CustomElementConstructor & { version: string } {
  return class extends HTMLElement {
    static readonly version = version;
  };
}

describe('defineElements', () => {
  let warnings: string[] = [];
  const logger = { warn: (message: string) => warnings.push(message) };
  beforeEach(() => {
    warnings = [];
  });

  it('defines the tags', () => {
    const target = registry();
    const button = element('1.0.0');
    defineElements({ 'x-button': button }, { registry: target, logger });
    expect(target.get('x-button')).to.equal(button);
    expect(warnings).to.deep.equal([]);
  });

  /** Defines both tags with classes of one version (a fresh button class unless given one). */
  function defineBoth(target: CustomElementRegistry, version: string, button = element(version)) {
    defineElements(
      { 'x-button': button, 'x-return': element(version) },
      { registry: target, logger },
    );
    return button;
  }

  it('is a silent no-op when the same version defined the tags already', () => {
    const target = registry();
    const first = defineBoth(target, '1.0.0');
    defineBoth(target, '1.0.0');
    defineElements({ 'x-button': first }, { registry: target, logger });
    expect(target.get('x-button')).to.equal(first);
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first definition and warns once when another version defined the tags', () => {
    const target = registry();
    const first = defineBoth(target, '1.0.0');
    defineBoth(target, '2.0.0');
    expect(target.get('x-button')).to.equal(first);
    expect(warnings).to.have.length(1);
    expect(warnings[0])
      .to.contain('2.0.0')
      .and.contain('<x-button> (1.0.0)')
      .and.contain('<x-return> (1.0.0)');
  });

  it('registered <wpay-button> and <wpay-return> on the page when the package was imported', async () => {
    const { WpayButton, WpayReturn } = await import('./index.js');
    expect(customElements.get('wpay-button')).to.equal(WpayButton);
    expect(customElements.get('wpay-return')).to.equal(WpayReturn);
  });
});
