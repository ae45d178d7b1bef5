// dist/wpay-button.iife.js is <wpay-button> alone: nothing only <wpay-return> reads rides along.
// Runs on the files `pnpm test` has just built.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { en } from '../src/i18n/en.ts';
import { enButton } from '../src/i18n/en-button.ts';

const read = (file) => readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
const RETURN_TEXTS = Object.entries(en).filter(([key]) => !(key in enButton));

describe('the button-only file', () => {
  it("carries <wpay-button>'s English texts", () => {
    const file = read('wpay-button.iife.js');
    for (const text of Object.values(enButton)) assert.ok(file.includes(text), text);
  });

  it("carries none of <wpay-return>'s English texts, which the full file has", () => {
    assert.ok(RETURN_TEXTS.length > 0);
    const button = read('wpay-button.iife.js');
    const full = read('wpay-widget.iife.js');
    for (const [key, text] of RETURN_TEXTS) {
      assert.ok(!button.includes(text), `${key} in dist/wpay-button.iife.js`);
      assert.ok(full.includes(text), `${key} missing from dist/wpay-widget.iife.js`);
    }
  });
});
