import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BoundedMap } from './bounded-map.js';

describe('BoundedMap', () => {
  it('keeps every entry up to its limit', () => {
    const map = new BoundedMap<string, number>(2).set('a', 1).set('b', 2);
    assert.deepEqual(
      [...map],
      [
        ['a', 1],
        ['b', 2],
      ],
    );
  });

  it('drops the entry set longest ago beyond its limit', () => {
    const map = new BoundedMap<string, number>(2).set('a', 1).set('b', 2).set('c', 3);
    assert.deepEqual([...map.keys()], ['b', 'c']);
  });

  it('counts setting a key again as the newest', () => {
    const map = new BoundedMap<string, number>(2).set('a', 1).set('b', 2).set('a', 3).set('c', 4);
    assert.deepEqual(
      [...map],
      [
        ['a', 3],
        ['c', 4],
      ],
    );
  });
});
