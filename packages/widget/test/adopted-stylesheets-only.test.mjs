// The no-build files' Lit: its `supportsAdoptingStyleSheets` fixed to true (adopted-stylesheets-only.ts),
// on the css-tag.js the widget really bundles.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { adoptedStyleSheetsOnly } from '../adopted-stylesheets-only.ts';

const require = createRequire(import.meta.url);
const CSS_TAG_ID = require
  .resolve('@lit/reactive-element/css-tag.js')
  .replace(/\/node\/css-tag\.js$/, '/css-tag.js');
const CSS_TAG = readFileSync(CSS_TAG_ID, 'utf8');
const transform = (code, id) => adoptedStyleSheetsOnly().transform.call(undefined, code, id);

describe("adoptedStyleSheetsOnly on Lit's css-tag.js", () => {
  it('fixes supportsAdoptingStyleSheets to true, leaving no ShadyCSS or adoptedStyleSheets test', () => {
    const { code } = transform(CSS_TAG, CSS_TAG_ID);
    assert.doesNotMatch(code, /ShadyCSS|"adoptedStyleSheets"in/);
    assert.match(code, /\bas supportsAdoptingStyleSheets\b/);
    const exported = /(\w+) as supportsAdoptingStyleSheets/.exec(code)?.[1];
    assert.match(code, new RegExp(`\\b${exported}=!0`));
  });

  it('leaves every other module alone', () => {
    assert.equal(transform('const e=globalThis;', '/x/src/wpay-button.ts'), undefined);
  });

  it('fails the build, naming the file, when a Lit release moved the feature test', () => {
    assert.throws(
      () => transform('const e=!1;export{e as supportsAdoptingStyleSheets};', CSS_TAG_ID),
      /css-tag\.js: Lit's supportsAdoptingStyleSheets test is not where/,
    );
  });
});
