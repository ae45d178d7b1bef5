import { expect } from '@open-wc/testing';
import { uuid } from './uuid.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid', () => {
  it('makes distinct UUID v4s', () => {
    const made = new Set(Array.from({ length: 50 }, uuid));
    expect(made.size).to.equal(50);
    for (const id of made) expect(id).to.match(UUID_V4);
  });

  describe('when crypto.randomUUID is missing (a plain-http page)', () => {
    const randomUUID = crypto.randomUUID;
    beforeEach(() => {
      Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    });
    afterEach(() => {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    });

    it('still makes distinct UUID v4s from getRandomValues', () => {
      const made = new Set(Array.from({ length: 50 }, uuid));
      expect(made.size).to.equal(50);
      for (const id of made) expect(id).to.match(UUID_V4);
    });
  });
});
