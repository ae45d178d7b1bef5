// The no-build files' stylesheets (adopted-stylesheets-only.ts): constructed by the widget's own
// `css` tag, and Lit's `supportsAdoptingStyleSheets` fixed to true, on the css-tag.js the widget
// really bundles; then the files `pnpm test` has just built.
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
const REACTIVE_ELEMENT_ID = CSS_TAG_ID.replace(/css-tag\.js$/, 'reactive-element.js');
const REACTIVE_ELEMENT = readFileSync(REACTIVE_ELEMENT_ID, 'utf8');
const transform = (code, id) => adoptedStyleSheetsOnly().transform.call(undefined, code, id);
const resolveId = (source, importer) =>
  adoptedStyleSheetsOnly().resolveId.call(undefined, source, importer);
const NO_BUILD_FILES = ['wpay-widget.iife.js', 'wpay-button.iife.js', 'wpay-widget.bundle.js'];

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

describe("adoptedStyleSheetsOnly on Lit's reactive-element.js", () => {
  it("drops the hook of Lit's polyfill-support and its version registry, nothing else", () => {
    const { code } = transform(REACTIVE_ELEMENT, REACTIVE_ELEMENT_ID);
    assert.doesNotMatch(code, /reactiveElementPolyfillSupport|\{ReactiveElement:/);
    assert.doesNotMatch(code, /reactiveElementVersions/);
    assert.match(code, /class \w+ extends HTMLElement/);
    assert.ok(REACTIVE_ELEMENT.length - code.length < 130, 'only the hook and registry are gone');
  });

  it('fails the build, naming the file, when a Lit release moved the version registry', () => {
    const withoutRegistry = REACTIVE_ELEMENT.replace(/reactiveElementVersions/g, 'versions');
    assert.throws(
      () => transform(withoutRegistry, REACTIVE_ELEMENT_ID),
      /reactive-element\.js: Lit's reactiveElementVersions registry is not where/,
    );
  });

  it('fails the build, naming the file, when a Lit release moved the hook', () => {
    assert.throws(
      () => transform('const p=globalThis.reactiveElementPolyfillSupport;', REACTIVE_ELEMENT_ID),
      /reactive-element\.js: Lit's polyfill-support hook is not where/,
    );
  });
});

describe("adoptedStyleSheetsOnly on the widget's styles", () => {
  it('gives the styles modules the css tag that constructs stylesheets', () => {
    assert.match(
      resolveId('./css.js', '/w/src/wpay-button.styles.ts'),
      /\/src\/css\.no-build\.ts$/,
    );
  });

  it('leaves every other import alone', () => {
    assert.equal(resolveId('./css.js', '/w/src/wpay-button.ts'), undefined);
    assert.equal(resolveId('./dom.js', '/w/src/wpay-button.styles.ts'), undefined);
  });
});

describe('the no-build files', () => {
  for (const file of NO_BUILD_FILES) {
    it(`${file} constructs its stylesheets, without Lit's CSSResult or <style> fallback`, () => {
      const code = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
      assert.match(code, /new CSSStyleSheet/);
      assert.doesNotMatch(
        code,
        /CSSResult is not constructable|litNonce|ShadyCSS|reactiveElementPolyfillSupport|reactiveElementVersions/,
      );
    });
  }
});
