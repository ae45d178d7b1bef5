import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonResponse } from './error-response.js';
import {
  acceptPreparedAnswers,
  acceptsPreparedAnswers,
  PreparedResponse,
  preparedAnswerOf,
} from './prepared-response.js';

const ANSWER = {
  status: 201,
  headers: { 'content-type': 'application/json; charset=utf-8', 'x-one': '1' },
  body: '{"ok":true,"é":1}',
};

const prepared = () => new PreparedResponse({ ...ANSWER }) as unknown as Response;

describe('when a handler answers with a PreparedResponse', () => {
  it('is a Response with the status, headers and body it was given', async () => {
    const response = prepared();
    assert.ok(response instanceof Response);
    assert.equal(response.status, 201);
    assert.equal(response.ok, true);
    assert.equal(response.headers.get('X-One'), '1');
    assert.deepEqual(await response.json(), { ok: true, é: 1 });
  });

  it('reads as a real Response would: clone, body stream, bodyUsed', async () => {
    const response = prepared();
    const copy = response.clone();
    assert.equal(await new Response(response.body).text(), ANSWER.body);
    assert.equal(response.bodyUsed, true);
    assert.equal(await copy.text(), ANSWER.body);
  });

  it('gives its parts to the adapter until someone reads it as a Response', () => {
    const untouched = prepared();
    assert.deepEqual(preparedAnswerOf(untouched), ANSWER);
    const touched = prepared();
    touched.headers.set('x-two', '2'); // a wrapper changed the answer: the real one is written
    assert.equal(preparedAnswerOf(touched), undefined);
    assert.equal(preparedAnswerOf(new Response('x')), undefined);
  });
});

describe('when jsonResponse is told which request it answers', () => {
  const marked = Object.create(Request.prototype) as Request;
  acceptPreparedAnswers(marked);

  it('prepares the answer only for a request whose consumer writes it itself', async () => {
    const plain = new Request('https://shop.example/');
    assert.equal(acceptsPreparedAnswers(plain), false);
    assert.equal(acceptsPreparedAnswers(marked), true);
    assert.ok(!(jsonResponse(200, { a: 1 }, {}, plain) instanceof PreparedResponse));
    assert.ok(!(jsonResponse(200, { a: 1 }) instanceof PreparedResponse));
    const answer = jsonResponse(200, { a: 1 }, { 'idempotent-replayed': 'true' }, marked);
    assert.ok(answer instanceof PreparedResponse);
    const real = jsonResponse(200, { a: 1 }, { 'idempotent-replayed': 'true' });
    assert.deepEqual([...answer.headers], [...real.headers]);
    assert.equal(await answer.text(), await real.text());
  });
});
