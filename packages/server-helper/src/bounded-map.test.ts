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

  it('keeps the newest keys in order through many evictions, deletes and re-sets', () => {
    // A reference: the keys in the order they were last set, the oldest cut beyond the limit.
    const limit = 50;
    const map = new BoundedMap<number, number>(limit);
    let reference: number[] = [];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let step = 0; step < 20_000; step++) {
      const key = random(400);
      if (random(5) === 0) {
        map.delete(key);
        reference = reference.filter((k) => k !== key);
      } else {
        map.set(key, step);
        reference = [...reference.filter((k) => k !== key), key].slice(-limit);
      }
      if (step === 10_000) {
        map.clear();
        reference = [];
      }
    }
    assert.deepEqual([...map.keys()], reference);
  });
});
