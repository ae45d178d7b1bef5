import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { PATHS, PROTOCOL_DEFAULTS } from '@wpay/protocol';
import { buildOpenApi } from './build-openapi.js';
import { OPENAPI_FILE } from './write-openapi.js';

/** Every `x-wpay-default` mark's setting, anywhere in the document. */
function markedSettings(node: unknown, found = new Set<string>()): Set<string> {
  if (typeof node !== 'object' || node === null) return found;
  const mark = (node as Record<string, unknown>)['x-wpay-default'];
  if (mark && typeof mark === 'object') found.add(String((mark as { setting: unknown }).setting));
  for (const value of Object.values(node)) markedSettings(value, found);
  return found;
}

describe('when the OpenAPI document is generated from the zod schemas', () => {
  it('is the one checked in (run `pnpm --filter @wpay/server-helper openapi:update` if not)', () => {
    const checkedIn: unknown = JSON.parse(readFileSync(OPENAPI_FILE, 'utf8'));
    assert.deepEqual(checkedIn, buildOpenApi());
  });

  it('marks every named [default] of docs/protocol-defaults.md with x-wpay-default', () => {
    assert.deepEqual(
      [...markedSettings(buildOpenApi())].sort(),
      Object.keys(PROTOCOL_DEFAULTS).sort(),
    );
  });

  it('has every endpoint of @wpay/protocol, each a POST', () => {
    const paths = buildOpenApi().paths as Record<string, { post?: unknown }>;
    assert.deepEqual(Object.keys(paths).sort(), Object.values(PATHS).sort());
    for (const [path, item] of Object.entries(paths)) assert.ok(item.post, path);
  });
});
