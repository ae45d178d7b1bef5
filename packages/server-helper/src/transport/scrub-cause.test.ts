import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspect } from 'node:util';
import { REDACTED } from './redact.js';
import { causedByCode } from './retry.js';
import { scrubCause } from './scrub-cause.js';

const scrub = (text: string) => text.split('known-secret-1').join(REDACTED);

describe('scrubCause', () => {
  it('keeps what diagnoses a failure: name, code, the chain', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const copy = scrubCause(error, scrub) as Error & { cause: { code: string; message: string } };
    assert.equal(copy.name, 'TypeError');
    assert.equal(copy.message, 'fetch failed');
    assert.equal(copy.cause.code, 'ECONNREFUSED');
    assert.ok(causedByCode(copy, ['ECONNREFUSED']));
  });

  it('removes unknown bearer and basic credentials and known secrets from every string', () => {
    const error = new Error('Authorization: Bearer eyJhbGciOi.abc-def_1 and known-secret-1');
    Object.assign(error, { note: 'Basic dXNlcjpwdw==', list: ['Bearer zzz.yyy'] });
    const text = inspect(scrubCause(error, scrub), { depth: 20, showHidden: true });
    for (const secret of ['eyJhbGciOi', 'dXNlcjpwdw', 'zzz.yyy', 'known-secret-1']) {
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
  });

  it('redacts secret-looking keys, Headers, Requests, FormData and bytes', () => {
    const form = new FormData();
    form.set('api_secret', 'from-form');
    const value = {
      headers: new Headers({ Authorization: 'x', Cookie: 'sid=from-cookie' }),
      request: new Request('https://api.example/p?q=known-secret-1', { headers: { a: 'b' } }),
      body: form,
      raw: new TextEncoder().encode('from-bytes'),
      access_token: 'from-key',
    };
    const text = JSON.stringify(scrubCause(value, scrub));
    for (const secret of ['from-form', 'from-cookie', 'from-bytes', 'from-key', 'known-secret-1']) {
      assert.ok(!text.includes(secret), `${secret} in ${text}`);
    }
  });

  it('survives cycles, __proto__ keys, throwing getters and deep chains', () => {
    const cyclic: Record<string, unknown> = { name: 'a' };
    cyclic.self = cyclic;
    const hostile = JSON.parse('{"__proto__":{"polluted":true}}');
    Object.defineProperty(hostile, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 1000; i++) deep = new Error(`level ${i}`, { cause: deep });
    const copy = scrubCause({ cyclic, hostile, deep }, scrub) as Record<string, unknown>;
    assert.equal((copy.cyclic as Record<string, unknown>).self, copy.cyclic);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(copy.hostile), Object.prototype);
  });
});
