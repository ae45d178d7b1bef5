import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { rememberedField } from './remembered-field.js';

/** A schema that counts how often it checks a string. */
function countingSchema() {
  const counter = { checks: 0 };
  const schema = z.string({ error: 'must be a string' }).refine((value) => {
    counter.checks += 1;
    return value.startsWith('https://');
  }, 'must be an https URL');
  return { counter, schema };
}

describe('when a field schema remembers the strings it accepted', () => {
  it('answers as its schema does for accepted, refused and non-string values', () => {
    const { schema } = countingSchema();
    const field = rememberedField(schema);
    for (const value of [
      'https://shop.example/ok',
      'http://shop.example/ok',
      42,
      null,
      undefined,
    ]) {
      assert.deepEqual(field.safeParse(value), schema.safeParse(value), String(value));
    }
  });

  it('checks a string it accepted only once', () => {
    const { counter, schema } = countingSchema();
    const field = rememberedField(schema);
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(field.safeParse('https://shop.example/ok'), {
        success: true,
        data: 'https://shop.example/ok',
      });
    }
    assert.equal(counter.checks, 1);
  });

  it('checks a refused string every time, and says why every time', () => {
    const { counter, schema } = countingSchema();
    const field = rememberedField(schema);
    for (let i = 0; i < 3; i++) {
      const parsed = field.safeParse('ftp://shop.example/ok');
      assert.equal(parsed.success, false);
      assert.equal(parsed.error?.issues[0]?.message, 'must be an https URL');
    }
    assert.equal(counter.checks, 3);
  });

  it('still answers right once more strings came than it keeps', () => {
    const { schema } = countingSchema();
    const field = rememberedField(schema);
    for (let i = 0; i < 1_000; i++) {
      assert.equal(field.safeParse(`https://shop.example/${i}`).data, `https://shop.example/${i}`);
      assert.equal(field.safeParse(`http://shop.example/${i}`).success, false);
    }
    assert.equal(field.safeParse('https://shop.example/0').data, 'https://shop.example/0');
  });
});
