import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { standIn } from './stand-in.js';

class LazyHeaders {
  built = 0;
  #real: Headers | undefined;
  get(name: string): string | null {
    return name === 'x-own' ? 'own' : this.real().get(name);
  }
  real(): Headers {
    if (this.#real === undefined) {
      this.built++;
      this.#real = new Headers({ 'x-real': 'real' });
    }
    return this.#real;
  }
}
standIn(LazyHeaders, Headers, ['get']);

describe('a stand-in for a Web class', () => {
  it('is an instance of the Web class', () => {
    assert.ok((new LazyHeaders() as unknown) instanceof Headers);
  });

  it('answers its own members without building the real object', () => {
    const headers = new LazyHeaders();
    assert.equal(headers.get('x-own'), 'own');
    assert.equal(headers.built, 0);
  });

  it('hands every other method and getter to the real object, built once', () => {
    const headers = new LazyHeaders() as unknown as Headers & { built: number };
    assert.equal(headers.has('x-real'), true);
    assert.deepEqual([...headers.keys()], ['x-real']);
    headers.set('x-more', '1');
    assert.equal(headers.get('x-more'), '1');
    assert.equal(headers.built, 1);
  });
});
