import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from '../schemas/common.js';
import { paginate } from './paginate.js';

/** A server holding `count` records that serves at most `cap` per page, whatever is asked. */
function server(count: number, cap: number) {
  const asked: number[] = [];
  const fetchPage = async (pageNo: number): Promise<Page<number>> => {
    asked.push(pageNo);
    const records = Array.from({ length: count }, (_, i) => i).slice(
      (pageNo - 1) * cap,
      pageNo * cap,
    );
    return { records, total: count, pageSize: cap, pageNo };
  };
  return { asked, fetchPage };
}

async function collect(iterable: AsyncIterable<number>): Promise<number[]> {
  const all: number[] = [];
  for await (const item of iterable) all.push(item);
  return all;
}

describe('when walking every page', () => {
  it('yields every record and stops at the last page', async () => {
    const { asked, fetchPage } = server(5, 2);
    assert.deepEqual(await collect(paginate(fetchPage, { pageSize: 2 })), [0, 1, 2, 3, 4]);
    assert.deepEqual(asked, [1, 2, 3]);
  });

  it('keeps going when the server caps the page size below the one asked for', async () => {
    const { fetchPage } = server(5, 2);
    assert.deepEqual(await collect(paginate(fetchPage, { pageSize: 50 })), [0, 1, 2, 3, 4]);
  });

  it('stops at an empty page', async () => {
    const { asked, fetchPage } = server(0, 2);
    assert.deepEqual(await collect(paginate(fetchPage, { pageSize: 2 })), []);
    assert.deepEqual(asked, [1]);
  });
});
