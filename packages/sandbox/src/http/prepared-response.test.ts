import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { partsOf, preparedResponse, realResponse } from './prepared-response.js';

describe('when the sandbox answers with a prepared response', () => {
  it('is a Response to whoever reads it as one', async () => {
    const response = preparedResponse(201, { 'Content-Type': 'application/json' }, '{"a":1}');
    assert.ok(response instanceof Response);
    assert.equal(response.status, 201);
    assert.equal(response.ok, true);
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.deepEqual(await response.clone().json(), { a: 1 });
    assert.equal(await response.text(), '{"a":1}');
    assert.equal(response.bodyUsed, true);
  });

  it('hands the adapter its parts (lower-case names) until someone reads it as a Response', () => {
    const response = preparedResponse(200, { 'X-One': '1' }, 'body');
    assert.deepEqual(partsOf(response), { status: 200, headers: { 'x-one': '1' }, body: 'body' });
    response.headers.set('x-two', '2');
    assert.equal(partsOf(response), undefined);
    assert.equal(realResponse(response).headers.get('x-two'), '2');
  });

  it('has no parts for a response it did not prepare', () => {
    const response = new Response('x');
    assert.equal(partsOf(response), undefined);
    assert.equal(realResponse(response), response);
  });

  it('gives callers outside the sandbox a real Response', async () => {
    const real = realResponse(preparedResponse(404, {}, new Uint8Array([0x7b, 0x7d])));
    assert.equal(Object.getPrototypeOf(real), Response.prototype);
    assert.equal(real.status, 404);
    assert.equal(await real.text(), '{}');
  });
});
