import { expect } from '@open-wc/testing';
import { collectPayload } from './collect-payload.js';

function dataset(attributes: Record<string, string>): DOMStringMap {
  const el = document.createElement('div');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el.dataset;
}

describe('collectPayload', () => {
  it('turns data-* attributes into camel-cased fields', () => {
    expect(
      collectPayload({}, dataset({ 'data-sku': 'tee-42', 'data-plan-id': 'p1' })),
    ).to.deep.equal({
      sku: 'tee-42',
      planId: 'p1',
    });
  });

  it('puts the payload on top of the data-* attributes', () => {
    expect(
      collectPayload({ sku: 'tee-43', quantity: 2 }, dataset({ 'data-sku': 'tee-42' })),
    ).to.deep.equal({
      sku: 'tee-43',
      quantity: 2,
    });
  });

  it('returns a deep copy', () => {
    const payload = { options: { size: 'M' } };
    const copy = collectPayload(payload, dataset({}));
    (copy.options as { size: string }).size = 'L';
    expect(payload.options.size).to.equal('M');
  });
});
