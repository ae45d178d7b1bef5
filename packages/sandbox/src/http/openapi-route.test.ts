import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PATHS } from '@wpay/protocol';
import { type Sandbox, startSandbox } from '../index.js';

describe('when a client asks for the OpenAPI document', () => {
  let sb: Sandbox;
  before(async () => {
    sb = await startSandbox();
  });
  after(() => sb.close());

  it('answers the WPay API as OpenAPI 3.1 at GET /openapi.json, with every endpoint', async () => {
    const response = await fetch(`${sb.url}/openapi.json`);
    assert.equal(response.status, 200);
    assert.match(String(response.headers.get('content-type')), /application\/json/);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    assert.equal(document.openapi, '3.1.0');
    assert.deepEqual(Object.keys(document.paths).sort(), Object.values(PATHS).sort());
  });
});
