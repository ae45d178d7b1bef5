import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readRequestBody } from './read-request-body.js';

const LIMITS = { maxBytes: 64 * 1024, maxDepth: 32 };

function formPost(body: string): Request {
  return new Request('https://shop.example/api/checkout', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
}

describe('when a form post names fields after Object.prototype members', () => {
  it('keeps them as plain own fields and never touches the prototype', async () => {
    const read = await readRequestBody(
      formPost('sku=tee&constructor=x&__proto__=y&__proto__=z&toString=1&hasOwnProperty=2'),
      LIMITS,
    );
    assert.ok(read.ok);
    const value = read.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, 'constructor')?.value, 'x');
    assert.deepEqual(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, ['y', 'z']);
    assert.equal(Object.getOwnPropertyDescriptor(value, 'toString')?.value, '1');
    assert.equal(Object.getOwnPropertyDescriptor(value, 'hasOwnProperty')?.value, '2');
    assert.deepEqual(Object.keys(value).sort(), [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'sku',
      'toString',
    ]);
  });

  it('still turns repeated fields into arrays', async () => {
    const read = await readRequestBody(formPost('sku=tee&sku=mug&qty=1'), LIMITS);
    assert.ok(read.ok);
    assert.deepEqual(read.value, { sku: ['tee', 'mug'], qty: '1' });
  });
});
