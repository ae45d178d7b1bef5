import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMultipart } from './parse-multipart.js';

describe('when reading a multipart/form-data body', () => {
  it('reads every text field as sent by FormData', async () => {
    const form = new FormData();
    form.set('grant_type', 'client_credentials');
    form.set('api_key', 'kéy');
    const request = new Request('http://x/', { method: 'POST', body: form });
    const body = Buffer.from(await request.arrayBuffer());
    const fields = parseMultipart(body, request.headers.get('content-type') ?? '');
    assert.deepEqual(fields, { grant_type: 'client_credentials', api_key: 'kéy' });
  });

  it('gives up without a boundary', () => {
    assert.equal(parseMultipart(Buffer.from(''), 'multipart/form-data'), undefined);
  });
});
