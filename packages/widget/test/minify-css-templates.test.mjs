// The build's CSS minifier (minify-css-templates.ts, a Vite plugin run by every build): lightningcss
// on each `css` template of src/, keeping the syntax every supported browser reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCss, minifyCssTemplates } from '../minify-css-templates.ts';

const transform = (code, id = '/w/src/x.styles.ts') =>
  minifyCssTemplates().transform.call(undefined, code, id)?.code;

describe('minifyCss', () => {
  it('drops comments and whitespace, and shortens numbers and colours', () => {
    const css = `
      /* the host */
      :host([full-width]) {
        display: block;
        opacity: 0.55;
        color: #ffffff;
      }
    `;
    assert.equal(
      minifyCss(css, 'x.styles.ts'),
      ':host([full-width]){opacity:.55;color:#fff;display:block}',
    );
  });

  it('keeps what the supported browsers read as written (color-mix, inset, ::slotted)', () => {
    const css =
      '::slotted(form) { display: none !important } .spinner { inset: 0 } .e { color: color-mix(in srgb, #dc2626 60%, currentColor) }';
    const out = minifyCss(css, 'x.styles.ts');
    assert.match(out, /::slotted\(form\)\{display:none!important\}/);
    assert.match(out, /inset:0/);
    assert.match(out, /color-mix\(in srgb,\s?#dc2626 60%,\s?currentColor\)/);
  });

  it('drops the spaces lightningcss keeps in values with var(), after commas and around /', () => {
    const css =
      '.b { font: 600 var(--size, 1rem) / 1.2 inherit; background: color-mix(in srgb, var(--a) 12%, transparent) }';
    assert.equal(
      minifyCss(css, 'x.styles.ts'),
      '.b{font:600 var(--size,1rem)/1.2 inherit;background:color-mix(in srgb,var(--a) 12%,transparent)}',
    );
  });

  it('leaves a body with a string as lightningcss wrote it', () => {
    assert.equal(
      minifyCss(
        '.q { content: "a, b"; color: color-mix(in srgb, var(--a) 5%, red) }',
        'x.styles.ts',
      ),
      '.q{content:"a, b";color:color-mix(in srgb, var(--a) 5%, red)}',
    );
  });

  it('fails on CSS that does not parse, naming the file', () => {
    assert.throws(() => minifyCss('.a:: { color: red }', 'src/broken.styles.ts'), {
      message: /pseudo element/,
      fileName: 'src/broken.styles.ts',
    });
  });
});

describe('minifyCssTemplates', () => {
  it('minifies the css templates of src/, not the ones shown in comments', () => {
    const code = [
      "import { css } from '@lit/reactive-element';",
      '/**',
      ' * static override styles = [sharedStyles, css`…`];',
      ' */',
      'export const s = css`',
      '  .a {',
      '    margin: 0px;',
      '  }',
      '`;',
    ].join('\n');
    const out = transform(code);
    assert.match(out, / \* static override styles = \[sharedStyles, css`…`\];/);
    assert.match(out, /export const s = css`\.a\{margin:0\}`;/);
  });

  it('leaves tests and files outside src/ alone', () => {
    const code = 'export const s = css`.a { margin: 0 }`;';
    assert.equal(transform(code, '/w/src/x.test.ts'), undefined);
    assert.equal(transform(code, '/w/test/x.ts'), undefined);
  });
});
