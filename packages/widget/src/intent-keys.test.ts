import { expect } from '@open-wc/testing';
import { IntentKeys } from './intent-keys.js';

describe('IntentKeys', () => {
  let counter = 0;
  const keys = () => new IntentKeys(() => `key-${++counter}`);

  it('gives the same key to a retry of the same payload', () => {
    const intents = keys();
    expect(intents.keyFor({ sku: 'a', quantity: 1 })).to.equal(
      intents.keyFor({ sku: 'a', quantity: 1 }),
    );
  });

  it('gives a new key to a different payload', () => {
    const intents = keys();
    expect(intents.keyFor({ sku: 'a' })).not.to.equal(intents.keyFor({ sku: 'b' }));
  });

  it('gives a new key after the intent settled', () => {
    const intents = keys();
    const first = intents.keyFor({ sku: 'a' });
    intents.settle();
    expect(intents.keyFor({ sku: 'a' })).not.to.equal(first);
  });

  it('makes UUIDs by default', () => {
    expect(new IntentKeys().keyFor({})).to.match(/^[0-9a-f-]{36}$/);
  });
});
