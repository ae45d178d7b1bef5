import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blocksIn, readDoc, renderDoc, TABLES } from './test/protocol-tables.js';

describe('docs/protocol-defaults.md', () => {
  it('has every generated table', () => {
    assert.deepEqual(blocksIn(readDoc()).sort(), Object.keys(TABLES).sort());
  });

  it('shows the values of @wpay/protocol (run `pnpm --filter @wpay/protocol docs:update`)', () => {
    const doc = readDoc();
    assert.equal(renderDoc(doc), doc);
  });

  it('is told when a value changes', () => {
    const stale = readDoc().replace('| `PAID` | `2` |', '| `PAID` | `9` |');
    assert.notEqual(renderDoc(stale), stale);
  });
});
